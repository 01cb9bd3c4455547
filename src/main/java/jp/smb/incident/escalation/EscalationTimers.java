package jp.smb.incident.escalation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import jp.smb.incident.drillmode.DrillTime;
import jp.smb.incident.settings.IncidentProperties;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Times the diagrams read through expressions, e.g. {@code ${escalationTimers.initialResponseEscalation(execution)}}:
 * how long each step that holds the response up may stay open before the next person in the contact chain gets a
 * task, and how often that is repeated while the step stays open. A drill's come sooner ({@link DrillTime}).
 */
@Component
public class EscalationTimers {

  /**
   * The bean's name before 2026-12-05: diagrams deployed before then (incidents still running on them after an
   * upgrade) name it so, and must find it when their next timer is created.
   */
  @Bean
  static BeanFactoryPostProcessor earlierDiagramsName() {
    return factory -> factory.registerAlias("escalationTimers", "incidentSettings");
  }

  private final IncidentProperties.Escalation escalation;
  private final Clock clock;
  private final DrillTime drillTime;

  public EscalationTimers(IncidentProperties settings, Clock clock, DrillTime drillTime) {
    this.escalation = settings.escalation();
    this.clock = clock;
    this.drillTime = drillTime;
  }

  /** Escalation cycle on インシデントに該当するか判断する / 状況を確認し記録する (first after 30 minutes). */
  public String triageEscalation(DelegateExecution execution) {
    return cycleAfter(execution, escalation.triageTimeout());
  }

  /** Escalation cycle on 経営者に報告する (first after one hour). */
  public String executiveReportEscalation(DelegateExecution execution) {
    return cycleAfter(execution, escalation.executiveReportTimeout());
  }

  /** Escalation cycle on 対応体制を構築する (first after two hours). */
  public String responseTeamEscalation(DelegateExecution execution) {
    return cycleAfter(execution, escalation.responseTeamTimeout());
  }

  /** Escalation cycle on 初動対応 and 機器を隔離しアカウントを保護する (first after one hour). */
  public String initialResponseEscalation(DelegateExecution execution) {
    return cycleAfter(execution, escalation.initialResponseTimeout());
  }

  /** Escalation cycle on a report past its deadline: at the deadline (at once if it has passed), then repeated. */
  public String escalationFrom(DelegateExecution execution, Date deadline) {
    Instant now = clock.instant();
    Instant first = deadline == null || deadline.toInstant().isBefore(now) ? now : deadline.toInstant();
    return cycle(execution.getProcessBusinessKey(), first);
  }

  /** Repeating ISO-8601 interval of the executive's progress reports during recovery (default every day). */
  public String progressReportCycle(DelegateExecution execution) {
    return "R/" + drillTime.span(execution.getProcessBusinessKey(), escalation.progressReportInterval());
  }

  /** How long between two rounds of the same escalation of this incident (shorter in a drill). */
  public Duration repeat(String incidentNumber) {
    return drillTime.span(incidentNumber, escalation.repeat());
  }

  // Every span goes through DrillTime: a drill's escalations come as much sooner as its time runs faster.
  private String cycleAfter(DelegateExecution execution, Duration first) {
    String number = execution.getProcessBusinessKey();
    return cycle(number, clock.instant().plus(drillTime.span(number, first)));
  }

  /** ISO-8601 repetition from a start time, which the engine's timer cycles understand. */
  private String cycle(String incidentNumber, Instant first) {
    return "R/" + first + "/" + repeat(incidentNumber);
  }
}
