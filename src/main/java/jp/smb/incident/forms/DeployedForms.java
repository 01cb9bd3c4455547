package jp.smb.incident.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/** The Camunda Forms the application deploys, read once, by form id, for whatever needs to know what they ask. */
@Component
public class DeployedForms {

  private final Map<String, JsonNode> byId = new LinkedHashMap<>();

  public DeployedForms(ObjectMapper json) {
    try {
      for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
        try (InputStream in = form.getInputStream()) {
          JsonNode root = json.readTree(in);
          byId.put(root.path("id").asText(), root);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the forms", e);
    }
  }

  public Collection<JsonNode> all() {
    return byId.values();
  }

  public Optional<JsonNode> byId(String formId) {
    return Optional.ofNullable(formId == null ? null : byId.get(formId));
  }
}
