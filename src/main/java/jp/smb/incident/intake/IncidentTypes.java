package jp.smb.incident.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The incident types and their Japanese labels, as the reporter's start form offers them: drafts and reports name
 * a type the way the person chose it (ランサムウェア感染), never by its id.
 */
public final class IncidentTypes {

  private static final String START_FORM = "forms/report-incident.form";

  private IncidentTypes() {
  }

  /** Type id → label, in the form's order. */
  public static Map<String, String> labels() {
    try (InputStream in = IncidentTypes.class.getClassLoader().getResourceAsStream(START_FORM)) {
      if (in == null) {
        throw new IllegalStateException(START_FORM + " is not on the class path");
      }
      Map<String, String> labels = new LinkedHashMap<>();
      for (JsonNode component : new ObjectMapper().readTree(in).path("components")) {
        if ("incidentType".equals(component.path("key").asText())) {
          component.path("values").forEach(v -> labels.put(v.path("value").asText(), v.path("label").asText()));
        }
      }
      return Collections.unmodifiableMap(labels);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + START_FORM, e);
    }
  }
}
