package jp.smb.incident.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportStageTest {

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(nullValues = "none", value = {
      "ppc-preliminary, PRELIMINARY", "ppc-final, FINAL", "mynumber-commission-final, FINAL", "police, none",
      "data-subjects, none", "none, none"})
  void shouldReadTheStageFromTheItemId(String item, ReportStage stage) {
    assertThat(ReportStage.of(item).orElse(null)).isEqualTo(stage);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({"ppc-preliminary, FINAL, ppc-final", "ppc-final, PRELIMINARY, ppc-preliminary",
      "sector-ministry-preliminary, FINAL, sector-ministry-final"})
  void shouldNameTheSameRecipientsReportAtAnotherStage(String item, ReportStage stage, String other) {
    assertThat(ReportStage.sameRecipient(item, stage)).isEqualTo(other);
    assertThat(stage.itemOf(other.substring(0, other.lastIndexOf('-')))).isEqualTo(other);
  }

  @ParameterizedTest
  @CsvSource({"police", "data-subjects"})
  void shouldRefuseAnotherStageOfAReportMadeOnce(String item) {
    assertThatThrownBy(() -> ReportStage.sameRecipient(item, ReportStage.FINAL))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(item);
  }
}
