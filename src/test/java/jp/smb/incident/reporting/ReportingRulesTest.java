package jp.smb.incident.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReportingRulesTest {

  @ParameterizedTest(name = "{0} → {1} hours")
  @CsvSource({"P3D, 72", "P30D, 720", "P2W, 336", "PT72H, 72", "P1DT12H, 36"})
  void shouldReadTheDecisionTablesDeadlinesInDaysWeeksOrHours(String written, long hours) {
    assertThat(ReportingRules.duration(written)).isEqualTo(Duration.ofHours(hours));
  }

  @ParameterizedTest
  @ValueSource(strings = {"P1M", "P1Y", "P1M3D"})
  void shouldRefuseMonthsAndYearsInsteadOfCountingThemAsNoDays(String written) {
    assertThatThrownBy(() -> ReportingRules.duration(written)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("日数（例 P30D）").hasMessageContaining(written);
  }
}
