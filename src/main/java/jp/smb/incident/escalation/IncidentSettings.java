package jp.smb.incident.escalation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import jp.smb.incident.settings.IncidentProperties;
import org.springframework.stereotype.Component;

/**
 * Times the diagrams read through expressions, e.g. {@code ${incidentSettings.initialResponseEscalation}}: how long
 * each step that holds the response up may stay open before the next person in the contact chain gets a task, and
 * how often that is repeated while the step stays open.
 */
@Component
public class IncidentSettings {

  private final IncidentProperties.Escalation escalation;
  private final Clock clock;

  public IncidentSettings(IncidentProperties settings, Clock clock) {
    this.escalation = settings.escalation();
    this.clock = clock;
  }

  /** Escalation cycle on インシデントに該当するか判断する / 状況を確認し記録する (first after 30 minutes). */
  public String getTriageEscalation() {
    return cycleAfter(escalation.triageTimeout());
  }

  /** Escalation cycle on 経営者に報告する (first after one hour). */
  public String getExecutiveReportEscalation() {
    return cycleAfter(escalation.executiveReportTimeout());
  }

  /** Escalation cycle on 対応体制を構築する (first after two hours). */
  public String getResponseTeamEscalation() {
    return cycleAfter(escalation.responseTeamTimeout());
  }

  /** Escalation cycle on 初動対応 and 機器を隔離しアカウントを保護する (first after one hour). */
  public String getInitialResponseEscalation() {
    return cycleAfter(escalation.initialResponseTimeout());
  }

  /** Escalation cycle on a report past its deadline: at the deadline (at once if it has passed), then repeated. */
  public String escalationFrom(Date deadline) {
    Instant now = clock.instant();
    Instant first = deadline == null || deadline.toInstant().isBefore(now) ? now : deadline.toInstant();
    return cycle(first);
  }

  /** Repeating ISO-8601 interval of the executive's progress reports during recovery (default every day). */
  public String getProgressReportCycle() {
    return "R/" + escalation.progressReportInterval();
  }

  /** How long between two rounds of the same escalation. */
  public Duration repeat() {
    return escalation.repeat();
  }

  private String cycleAfter(Duration first) {
    return cycle(clock.instant().plus(first));
  }

  /** ISO-8601 repetition from a start time, which the engine's timer cycles understand. */
  private String cycle(Instant first) {
    return "R/" + first + "/" + escalation.repeat();
  }
}
