package jp.smb.incident.procedure;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The day the procedure tests run on, whatever the calendar says: noon in Japan on a working day a week after the
 * incidents they report (detected 24 November 2026). The engine's clock, which the application reads too, is moved
 * there and keeps ticking, so a deadline the tests expect open stays open, and none crosses midnight mid-test.
 */
final class TestDay {

  static final Instant NOON = Instant.parse("2026-12-02T03:00:00Z");
  static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  /** The test day's date in Japan, for expectations written before a test begins (parameter sources). */
  static final LocalDate DATE = LocalDate.ofInstant(NOON, TOKYO);

  private TestDay() {
  }

  /** Moves the engine's clock to the test day; {@code ClockUtil.reset()} brings it back. */
  static void begin() {
    ClockUtil.offset(NOON.toEpochMilli() - System.currentTimeMillis());
  }

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  static LocalDate today() {
    return LocalDate.ofInstant(now(), TOKYO);
  }
}
