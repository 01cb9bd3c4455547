package jp.smb.incident.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.smb.incident.intake.IntakeRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The incident types are defined once (IncidentType): forms, decisions, diagrams and the API are held to it. */
class IncidentTypesTest {

  private static final List<String> IDS = Arrays.stream(IncidentType.values()).map(IncidentType::id).toList();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldOfferEveryTypeInEveryFormThatAsksForIt() throws IOException {
    int forms = 0;
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path form : files.filter(file -> file.toString().endsWith(".form")).sorted().toList()) {
        for (JsonNode field : fieldsNamed(JSON.readTree(form.toFile()), "incidentType")) {
          List<String> values = new ArrayList<>();
          List<String> labels = new ArrayList<>();
          field.path("values").forEach(option -> {
            values.add(option.path("value").asText());
            labels.add(option.path("label").asText());
          });
          assertThat(values).as(form.toString()).isEqualTo(IDS);
          assertThat(labels).as(form.toString())
              .isEqualTo(Arrays.stream(IncidentType.values()).map(IncidentType::label).toList());
          forms++;
        }
      }
    }
    assertThat(forms).as("forms that ask for the type, the report form among them").isGreaterThanOrEqualTo(5);
  }

  @Test
  void shouldNameOnlyKnownTypesInDecisionsAndDiagrams() throws IOException {
    Pattern literal = Pattern.compile("incidentType\\s*==?\\s*(?:&quot;|[\"'])([^\"'&]+)");
    List<String> named = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      for (Path model : files.filter(file -> file.toString().matches(".*\\.(bpmn|dmn)")).toList()) {
        Matcher matcher = literal.matcher(Files.readString(model));
        while (matcher.find()) {
          named.add(matcher.group(1));
        }
      }
    }
    assertThat(named).as("types named in the models").hasSizeGreaterThan(10);
    assertThat(IDS).containsAll(named);
  }

  @Test
  void shouldAcceptExactlyTheTypesInTheApi() {
    assertThat(List.of(IncidentType.PATTERN.split("\\|"))).isEqualTo(IDS);
    Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
    for (String id : IDS) {
      assertThat(validator.validateProperty(request(id), "incidentType")).as(id).isEmpty();
    }
    assertThat(validator.validateProperty(request("phishing"), "incidentType")).singleElement()
        .extracting(violation -> violation.getMessage()).isEqualTo(IncidentType.CHOICES);
    assertThat(IncidentType.CHOICES).startsWith(String.join(", ", IDS));
  }

  @ParameterizedTest
  @CsvSource({
      "ransomware,          malware-playbook",
      "malware,             malware-playbook",
      "unauthorized-access, data-leak-playbook",
      "insider,             data-leak-playbook",
      "misdelivery,         data-leak-playbook",
      "mispublication,      data-leak-playbook",
      "loss,                data-leak-playbook",
      "system-outage,       system-outage-playbook",
      "other,               ''",
      "phishing,            ''"})
  void shouldRouteEachTypeToItsPlaybook(String type, String playbook) {
    assertThat(new IncidentTypes().playbook(type)).isEqualTo(playbook);
  }

  /** Both procedures branch to every playbook through the one routing, and each playbook is a diagram. */
  @ParameterizedTest
  @CsvSource({"ipa-incident-response", "six-step-incident-response"})
  void shouldBranchToEveryPlaybookThroughTheOneRouting(String procedure) throws IOException {
    String diagram = Files.readString(Path.of("processes", procedure + ".bpmn"));
    for (IncidentType.Playbook playbook : IncidentType.Playbook.values()) {
      if (playbook == IncidentType.Playbook.NONE) {
        continue;
      }
      assertThat(diagram).contains("${incidentTypes.playbook(incidentType) == '" + playbook.processKey() + "'}")
          .contains("calledElement=\"" + playbook.processKey() + "\"");
      assertThat(Path.of("processes", playbook.processKey() + ".bpmn")).exists();
    }
    assertThat(diagram).doesNotContain("incidentType == ");
  }

  private static IntakeRequest request(String type) {
    return new IntakeRequest("件名", type, "説明", null, null, null, null, null, null, null, null);
  }

  private static List<JsonNode> fieldsNamed(JsonNode node, String key) {
    List<JsonNode> found = new ArrayList<>();
    if (key.equals(node.path("key").asText()) && node.has("values")) {
      found.add(node);
    }
    node.path("components").forEach(child -> found.addAll(fieldsNamed(child, key)));
    return found;
  }
}
