package jp.smb.incident.operations;

import java.time.Clock;
import jp.smb.incident.settings.IncidentProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class ClockConfiguration {

  /** Incident numbers and times follow the organisation's local time (Japan unless configured). */
  @Bean
  Clock clock(IncidentProperties settings) {
    return Clock.system(settings.timeZone());
  }
}
