package jp.smb.incident.reporting;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import jp.smb.incident.settings.IncidentProperties;
import org.springframework.stereotype.Component;

/**
 * When a 確報 must start even if its 速報 has not been sent yet: {@code incident.reporting.final-report-lead-time}
 * before its deadline, so that a late 速報 never costs the 確報 its own deadline.
 */
@Component
public class FinalReportTiming {

  private final ReportPlanning plan;
  private final ReportPreparation preparation;
  private final Duration leadTime;
  private final Clock clock;

  public FinalReportTiming(ReportPlanning plan, ReportPreparation preparation, IncidentProperties settings,
      Clock clock) {
    this.plan = plan;
    this.clock = clock;
    this.preparation = preparation;
    this.leadTime = settings.reporting().finalReportLeadTime();
  }

  /** Timer date of 確報の準備を始める; now if the deadline cannot be worked out, so that the draft step reports why. */
  public Date preparationStart(DelegateExecution execution) {
    ReportItem item = plan.item(execution, (String) execution.getVariable("reportItem"));
    try {
      OffsetDateTime aware = ReportPreparation.awareness(execution.getVariables());
      OffsetDateTime start = preparation.dueDate(aware, item.deadline()).minus(leadTime);
      return Date.from(preparation.incidentTime(execution.getProcessBusinessKey(), aware, start).toInstant());
    } catch (IllegalArgumentException unreadableAwareness) {
      return Date.from(clock.instant());
    }
  }
}
