package jp.smb.incident.severity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The 事故レベル table of 付録5 9.2 on the standalone DMN engine: every combination of the four facts. */
class IncidentSeverityDecisionTest {

  private static DmnEngine dmnEngine;
  private static DmnDecision decision;

  @BeforeAll
  static void parseDecision() throws IOException {
    dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream dmn = Files.newInputStream(Path.of("processes/incident-severity.dmn"))) {
      decision = dmnEngine.parseDecision("incident-severity", dmn);
    }
  }

  private static DmnDecisionResultEntries evaluate(Map<String, Object> facts) {
    return dmnEngine.evaluateDecision(decision, facts).getSingleResult();
  }

  private static Map<String, Object> answers(String external, String personal, String business, String employees) {
    Map<String, Object> facts = new HashMap<>();
    facts.put("externalPartiesAffected", external);
    facts.put("personalDataLeaked", personal);
    facts.put("businessAffected", business);
    facts.put("employeeWorkAffected", employees);
    return facts;
  }

  @ParameterizedTest(name = "external={0} personal={1} business={2} employees={3} → {4} {5}")
  @CsvSource({
      // external, personal, business, employees, level, group
      "no,      no,      no,      no,      1, incident-lead",
      "no,      no,      no,      yes,     1, incident-lead",
      "no,      no,      yes,     no,      2, incident-lead",
      "no,      no,      yes,     yes,     2, incident-lead",
      "no,      yes,     no,      no,      3, executive",
      "no,      yes,     yes,     yes,     3, executive",
      "yes,     no,      no,      no,      3, executive",
      "yes,     no,      yes,     yes,     3, executive",
      "yes,     yes,     yes,     yes,     3, executive",
      // 不明 never lowers an incident below level 1, and never hides an answered 'yes'.
      "unknown, unknown, unknown, unknown, 1, incident-lead",
      "unknown, no,      no,      no,      1, incident-lead",
      "no,      unknown, yes,     no,      2, incident-lead",
      "unknown, yes,     unknown, unknown, 3, executive"})
  void shouldTakeTheHighestLevelThatApplies(String external, String personal, String business, String employees,
      int level, String group) {
    DmnDecisionResultEntries result = evaluate(answers(external, personal, business, employees));

    assertThat((Object) result.get("severityLevel")).isEqualTo(level);
    assertThat((Object) result.get("responsibleGroup")).isEqualTo(group);
  }

  @Test
  void shouldReachLevelZeroOnlyWhenThePrecursorIsChosenExplicitly() {
    assertThat((Object) evaluate(Map.of()).get("severityLevel")).as("nothing answered").isEqualTo(1);
    assertThat((Object) evaluate(answers("no", "no", "no", "no")).get("severityLevel")).as("all いいえ").isEqualTo(1);

    Map<String, Object> precursor = answers(null, null, null, null);
    precursor.put("precursorOnly", true);
    DmnDecisionResultEntries result = evaluate(precursor);
    assertThat((Object) result.get("severityLevel")).isEqualTo(0);
    assertThat((Object) result.get("responsibleGroup")).isEqualTo("sysadmin");
  }

  @Test
  void shouldStillReadAYesRecordedAsABooleanByAnEarlierVersion() {
    Map<String, Object> onlyBusiness = new HashMap<>();
    onlyBusiness.put("businessAffected", true);
    onlyBusiness.put("personalDataLeaked", null);

    assertThat((Object) evaluate(onlyBusiness).get("severityLevel")).isEqualTo(2);
  }
}
