package jp.smb.incident.reporting;

import java.time.Clock;
import java.time.Duration;
import jp.smb.incident.intake.IncidentTypes;
import jp.smb.incident.response.DeployedForms;
import org.springframework.beans.factory.annotation.Value;
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
  ReportPreparation reportPreparation(Clock clock, DeployedForms forms,
      @Value("${incident.reporting.reminder-before:P1D}") Duration reminderBefore,
      @Value("${incident.reporting.unfixed-reminder:P3D}") Duration unfixedReminder) {
    if (reminderBefore.isNegative() || reminderBefore.isZero()) {
      throw new IllegalArgumentException("incident.reporting.reminder-before must be positive, was " + reminderBefore);
    }
    if (unfixedReminder.isNegative() || unfixedReminder.isZero()) {
      throw new IllegalArgumentException("incident.reporting.unfixed-reminder must be positive, was " + unfixedReminder);
    }
    return new ReportPreparation(new ReportDrafts(IncidentTypes.labels(forms), clock.getZone()), reminderBefore,
        unfixedReminder, clock.getZone());
  }
}
