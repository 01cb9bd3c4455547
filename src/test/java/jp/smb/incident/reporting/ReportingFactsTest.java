package jp.smb.incident.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The facts a correction may set, named as the reporting decision's inputs, each with its kind of value. */
class ReportingFactsTest {

  @Test
  void shouldTurnCorrectFactsIntoTheVariablesTheDecisionReads() {
    assertThat(ReportingFacts.variables(Map.of("personalDataLeaked", "unknown", "affectedPersons", 1200,
        "sensitiveData", true, "incidentType", "unauthorized-access", "awareAt", "2026-11-26T15:00+09:00")))
        .containsEntry("personalDataLeaked", "unknown").containsEntry("affectedPersons", 1200L)
        .containsEntry("sensitiveData", true).containsEntry("incidentType", "unauthorized-access")
        .containsEntry("reportableAwareAt", "2026-11-26T15:00+09:00").doesNotContainKey("awareAt");
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
      "personalDataLeaked, maybe",
      "sensitiveData,      yes",
      "affectedPersons,    -3",
      "incidentType,       virus",
      "awareAt,            yesterday"})
  void shouldRefuseAWrongValueNamingTheFact(String name, String value) {
    Object typed = name.equals("affectedPersons") ? (Object) Integer.valueOf(value) : value;
    assertThatThrownBy(() -> ReportingFacts.variables(Map.of(name, typed)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("事実 " + name);
  }

  @Test
  void shouldRefuseAnUnknownFactNamingIt() {
    assertThatThrownBy(() -> ReportingFacts.variables(Map.of("leaked", "yes")))
        .hasMessageContaining("事実 leaked はありません").hasMessageContaining("personalDataLeaked");
  }

  @Test
  void shouldSeeTheSameFactsAlikeWhateverNumberTypeAFormGaveThem() {
    assertThat(ReportingFacts.fingerprint(Map.of("affectedPersons", 120L)))
        .isEqualTo(ReportingFacts.fingerprint(Map.of("affectedPersons", 120)))
        .isNotEqualTo(ReportingFacts.fingerprint(Map.of("affectedPersons", 121)));
    assertThat(ReportingFacts.fingerprint(Map.of("businessAffected", "yes")))
        .as("not a fact the reporting decision reads").isEqualTo(ReportingFacts.fingerprint(Map.of()));
  }
}
