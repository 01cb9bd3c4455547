package jp.smb.incident.escalation;

import java.time.Duration;
import jp.smb.incident.settings.IncidentProperties;
import org.springframework.stereotype.Component;

/**
 * Times the diagrams read through expressions, e.g. {@code ${incidentSettings.initialResponseTimeout}}: how long
 * each step that holds the response up may stay open before the next person in the contact chain gets a task.
 */
@Component
public class IncidentSettings {

  private final Duration triageTimeout;
  private final Duration executiveReportTimeout;
  private final Duration responseTeamTimeout;
  private final Duration initialResponseTimeout;
  private final Duration progressReportInterval;

  public IncidentSettings(IncidentProperties settings) {
    IncidentProperties.Escalation escalation = settings.escalation();
    this.triageTimeout = escalation.triageTimeout();
    this.executiveReportTimeout = escalation.executiveReportTimeout();
    this.responseTeamTimeout = escalation.responseTeamTimeout();
    this.initialResponseTimeout = escalation.initialResponseTimeout();
    this.progressReportInterval = escalation.progressReportInterval();
  }

  /** ISO-8601 duration for the timer on インシデントに該当するか判断する (default 30 minutes). */
  public String getTriageTimeout() {
    return triageTimeout.toString();
  }

  /** ISO-8601 duration for the timer on 経営者に報告する (default one hour). */
  public String getExecutiveReportTimeout() {
    return executiveReportTimeout.toString();
  }

  /** ISO-8601 duration for the timer on 対応体制を構築する (default two hours). */
  public String getResponseTeamTimeout() {
    return responseTeamTimeout.toString();
  }

  /** Repeating ISO-8601 interval of the executive's progress reports during recovery (default every day). */
  public String getProgressReportCycle() {
    return "R/" + progressReportInterval;
  }

  /** ISO-8601 duration for the timer on 初動対応 (default one hour). */
  public String getInitialResponseTimeout() {
    return initialResponseTimeout.toString();
  }
}
