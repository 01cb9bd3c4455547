package jp.smb.incident.drillmode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DrillTimeTest {

  private final DrillTime tenMinutesADay = new DrillTime(Duration.ofMinutes(10));

  @ParameterizedTest(name = "{0} of the incident → {1} in a drill")
  @CsvSource({"P1D, PT10M", "PT30M, PT13S", "PT1H, PT25S", "P3D, PT30M", "P60D, PT10H", "PT1S, PT1S"})
  void shouldRunADrillsTimeOneDayInTenMinutes(Duration incident, Duration drill) {
    assertThat(tenMinutesADay.span("TRN-2026-0001", incident)).isEqualTo(drill);
    assertThat(tenMinutesADay.span("INC-2026-0001", incident)).as("a real incident's time").isEqualTo(incident);
  }

  @Test
  void shouldBringADrillsDeadlineAsMuchCloserToItsStart() {
    OffsetDateTime start = OffsetDateTime.parse("2026-12-02T12:00+09:00");
    OffsetDateTime endOfDayThree = OffsetDateTime.parse("2026-12-04T23:59:59+09:00");

    assertThat(tenMinutesADay.point("TRN-2026-0001", start, endOfDayThree)).isEqualTo(start.plusSeconds(1500));
    assertThat(tenMinutesADay.point("INC-2026-0001", start, endOfDayThree)).isEqualTo(endOfDayThree);
    assertThat(tenMinutesADay.point("TRN-2026-0001", start, start.minusHours(1))).as("already past")
        .isEqualTo(start.minusHours(1));
  }

  @Test
  void shouldRefuseATimeScaleOfMoreThanADayOrNone() {
    assertThatThrownBy(() -> new DrillTime(Duration.ofDays(2))).hasMessageContaining("incident.drill.time-scale");
    assertThatThrownBy(() -> new DrillTime(Duration.ZERO)).hasMessageContaining("incident.drill.time-scale");
  }
}
