package jp.smb.incident.notification;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import jp.smb.incident.forms.DeployedForms;
import org.springframework.stereotype.Component;

/** The first instruction of each step, as its form gives it under the title: the "what to do" of an alert. */
@Component
public class FormInstructions {

  private final Map<String, String> byFormId = new HashMap<>();

  public FormInstructions(DeployedForms forms) {
    for (JsonNode form : forms.all()) {
      for (JsonNode component : form.path("components")) {
        String text = component.path("text").asText("");
        if ("text".equals(component.path("type").asText()) && !text.isBlank() && !text.startsWith("#")) {
          byFormId.put(form.path("id").asText(), firstParagraph(text));
          break;
        }
      }
    }
  }

  public String of(String formId) {
    return formId == null ? null : byFormId.get(formId);
  }

  private static String firstParagraph(String markdown) {
    return markdown.split("\n\n", 2)[0].replace("**", "").strip();
  }
}
