package jp.smb.incident.settings;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import jp.smb.incident.settings.IncidentProperties;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class ClockConfiguration {

  /**
   * One clock for the application and the engine: the engine's own ({@code ClockUtil}), which its timers, due dates
   * and history read, seen in the organisation's time zone (Japan unless configured). A test that moves the
   * engine's clock moves everything that reads this one.
   */
  @Bean
  Clock clock(IncidentProperties settings) {
    return new EngineClock(settings.timeZone());
  }

  /** {@link Clock} over the engine's clock, so incident numbers, records and alerts agree with its timers. */
  static final class EngineClock extends Clock {
    private final ZoneId zone;

    EngineClock(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
      return new EngineClock(other);
    }

    @Override
    public Instant instant() {
      return ClockUtil.getCurrentTime().toInstant();
    }
  }
}
