package jp.smb.incident.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/** The first instruction of each step, as its form gives it under the title: the "what to do" of an alert. */
@Component
public class FormInstructions {

  private final Map<String, String> byFormId = new HashMap<>();

  public FormInstructions() {
    ObjectMapper json = new ObjectMapper();
    try {
      for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
        try (InputStream in = form.getInputStream()) {
          JsonNode root = json.readTree(in);
          for (JsonNode component : root.path("components")) {
            String text = component.path("text").asText("");
            if ("text".equals(component.path("type").asText()) && !text.isBlank() && !text.startsWith("#")) {
              byFormId.put(root.path("id").asText(), firstParagraph(text));
              break;
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the forms", e);
    }
  }

  public String of(String formId) {
    return formId == null ? null : byFormId.get(formId);
  }

  private static String firstParagraph(String markdown) {
    return markdown.split("\n\n", 2)[0].replace("**", "").strip();
  }
}
