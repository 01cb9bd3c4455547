package jp.smb.incident.reporting;

import java.time.Clock;
import jp.smb.incident.drillmode.DrillTime;
import jp.smb.incident.procedure.IncidentType;
import jp.smb.incident.settings.IncidentProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The reporting rules are plain classes, tested without the engine; this wires them with the settings. */
@Configuration
public class ReportingConfiguration {

  @Bean
  ReportingRules reportingRules() {
    return new ReportingRules();
  }

  @Bean
  ReportPreparation reportPreparation(Clock clock, IncidentProperties settings, DrillTime drillTime) {
    return new ReportPreparation(new ReportDrafts(IncidentType.labels(), clock.getZone()),
        settings.reporting().reminderBefore(), settings.reporting().unfixedReminder(), clock.getZone(), drillTime);
  }
}
