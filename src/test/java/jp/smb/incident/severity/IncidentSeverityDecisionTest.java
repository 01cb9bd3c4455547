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

  @ParameterizedTest(name = "external={0} personal={1} business={2} employees={3} → {4} {5}")
  @CsvSource({
      // external, personal, business, employees, level, group
      "false, false, false, false, 0, sysadmin",
      "false, false, false, true,  1, incident-lead",
      "false, false, true,  false, 2, incident-lead",
      "false, false, true,  true,  2, incident-lead",
      "false, true,  false, false, 3, executive",
      "false, true,  false, true,  3, executive",
      "false, true,  true,  false, 3, executive",
      "false, true,  true,  true,  3, executive",
      "true,  false, false, false, 3, executive",
      "true,  false, false, true,  3, executive",
      "true,  false, true,  false, 3, executive",
      "true,  false, true,  true,  3, executive",
      "true,  true,  false, false, 3, executive",
      "true,  true,  false, true,  3, executive",
      "true,  true,  true,  false, 3, executive",
      "true,  true,  true,  true,  3, executive"})
  void shouldTakeTheHighestLevelThatApplies(boolean external, boolean personal, boolean business, boolean employees,
      int level, String group) {
    DmnDecisionResultEntries result = evaluate(Map.of(
        "externalPartiesAffected", external,
        "personalDataLeaked", personal,
        "businessAffected", business,
        "employeeWorkAffected", employees));

    assertThat((Object) result.get("severityLevel")).isEqualTo(level);
    assertThat((Object) result.get("responsibleGroup")).isEqualTo(group);
  }

  @Test
  void shouldCountMissingFactsAsFalse() {
    Map<String, Object> onlyBusiness = new HashMap<>();
    onlyBusiness.put("businessAffected", true);
    onlyBusiness.put("personalDataLeaked", null);

    assertThat((Object) evaluate(onlyBusiness).get("severityLevel")).isEqualTo(2);
    assertThat((Object) evaluate(Map.of()).get("severityLevel")).isEqualTo(0);
  }
}
