package jp.smb.incident.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.smb.incident.response.DeployedForms;

/**
 * The incident types and their Japanese labels, as the reporter's start form offers them: drafts and reports name
 * a type the way the person chose it (ランサムウェア感染), never by its id.
 */
public final class IncidentTypes {

  private static final String START_FORM = "report-incident";

  private IncidentTypes() {
  }

  /** Type id → label, in the form's order. */
  public static Map<String, String> labels(DeployedForms forms) {
    JsonNode form = forms.byId(START_FORM)
        .orElseThrow(() -> new IllegalStateException("the start form " + START_FORM + " is not deployed"));
    Map<String, String> labels = new LinkedHashMap<>();
    for (JsonNode component : form.path("components")) {
      if ("incidentType".equals(component.path("key").asText())) {
        component.path("values").forEach(v -> labels.put(v.path("value").asText(), v.path("label").asText()));
      }
    }
    return Collections.unmodifiableMap(labels);
  }
}
