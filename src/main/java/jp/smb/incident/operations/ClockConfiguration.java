package jp.smb.incident.operations;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class ClockConfiguration {

  /** Incident numbers and times follow the organisation's local time (Japan unless configured). */
  @Bean
  Clock clock(@Value("${incident.time-zone:Asia/Tokyo}") ZoneId zone) {
    return Clock.system(zone);
  }
}
