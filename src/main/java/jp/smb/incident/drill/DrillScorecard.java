package jp.smb.incident.drill;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import jp.smb.incident.contract.DrillVariables;
import jp.smb.incident.contract.ReportStage;
import jp.smb.incident.drillmode.DrillTime;
import jp.smb.incident.drillmode.Drills;
import jp.smb.incident.notification.Outbox;
import jp.smb.incident.procedure.Procedure;
import jp.smb.incident.record.IncidentRecord;
import jp.smb.incident.reporting.Recipient;
import jp.smb.incident.reporting.ReportObligations;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Service;

/**
 * What a drill shows when it is looked back on (振り返り): how soon the first step was taken and the damage
 * contained, whether each legal deadline was met in the drill's time, which escalations fired and who answered,
 * which tasks nobody took, and which contacts and alerts were missing. Read from the engine's history, the record,
 * the obligations and the outbox, so it matches what happened.
 */
@Service
public class DrillScorecard {

  /** A moment of the drill, with how long it took in the drill and what that is in the incident's time. */
  public record Milestone(String label, OffsetDateTime at, long drillSeconds, String incidentTime) {
  }

  /** One legal or promised deadline: 期限内, 期限超過 (sent late), 未送信・期限超過 or 未送信（期限前）. */
  public record Deadline(String item, String recipient, String report, boolean mandatory, OffsetDateTime dueAt,
      OffsetDateTime sentAt, String result) {
  }

  /** An escalation that fired, and who answered it (null while nobody has). */
  public record Escalation(String taskName, OffsetDateTime firedAt, String answeredBy, OffsetDateTime answeredAt) {
  }

  public record Card(String drillNumber, String scenario, String title, String state, OffsetDateTime startedAt,
      OffsetDateTime endedAt, String timeScale, Milestone firstAction, Milestone containment,
      List<Deadline> deadlines, List<Escalation> escalations, List<String> tasksNobodyTook, List<String> contactGaps,
      List<String> alertsNotDelivered, String improvements, String previousImprovements) {
  }

  private final HistoryService history;
  private final ReportObligations obligations;
  private final Outbox outbox;
  private final DrillTime drillTime;
  private final DrillImprovements improvements;
  private final ZoneId zone;

  public DrillScorecard(HistoryService history, ReportObligations obligations, Outbox outbox, DrillTime drillTime,
      DrillImprovements improvements, java.time.Clock clock) {
    this.improvements = improvements;
    this.history = history;
    this.obligations = obligations;
    this.outbox = outbox;
    this.drillTime = drillTime;
    this.zone = clock.getZone();
  }

  public Card of(IncidentRecord record) {
    String number = record.incidentNumber();
    HistoricProcessInstance procedure = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number)
        .processDefinitionKeyIn(Procedure.processKeys()).singleResult();
    OffsetDateTime start = time(procedure.getStartTime());
    List<HistoricTaskInstance> tasks = history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(number)
        .orderByHistoricActivityInstanceStartTime().asc().list();

    Milestone firstAction = tasks.stream().filter(task -> task.getEndTime() != null && completed(task))
        .min(Comparator.comparing(HistoricTaskInstance::getEndTime))
        .map(task -> milestone(number, Drills.unmarked(task.getName()), start, time(task.getEndTime()))).orElse(null);
    Milestone containment = record.containedAt() == null ? null
        : milestone(number, "封じ込め（初動対応の完了）", start, record.containedAt());
    OffsetDateTime now = OffsetDateTime.now(zone);
    List<Deadline> deadlines = obligations.of(number).stream().filter(o -> o.dueAt() != null)
        .map(o -> new Deadline(o.item(), o.recipient(), reportName(o), o.mandatory(), o.dueAt(), o.sentAt(),
            result(o, now)))
        .toList();
    List<Escalation> escalations = tasks.stream()
        .filter(task -> task.getTaskDefinitionKey() != null && task.getTaskDefinitionKey().startsWith("Task_HandleOverdue"))
        .map(task -> new Escalation(Drills.unmarked(task.getName()), time(task.getStartTime()),
            completed(task) ? task.getAssignee() : null, completed(task) ? time(task.getEndTime()) : null))
        .toList();
    List<String> nobodyTook = tasks.stream().filter(task -> task.getAssignee() == null && !completed(task))
        .map(task -> Drills.unmarked(task.getName())).distinct().toList();
    List<HistoricVariableInstance> variables = history.createHistoricVariableInstanceQuery()
        .processInstanceId(procedure.getId()).list();
    String scenario = variables.stream().filter(variable -> DrillVariables.SCENARIO.name().equals(variable.getName()))
        .map(variable -> String.valueOf(variable.getValue())).findFirst().orElse(null);
    List<String> contactGaps = variables.stream()
        .filter(variable -> variable.getName().startsWith("contact") && variable.getValue() instanceof String text
            && text.contains("未登録"))
        .map(HistoricVariableInstance::getName).sorted().toList();
    List<String> notDelivered = outbox.ofIncident(number).stream()
        .filter(entry -> !"SENT".equals(entry.state()) && entry.attempts() > 0)
        .map(entry -> entry.recipient() + ": " + Objects.requireNonNullElse(entry.lastError(), entry.state())).toList();
    String previous = variables.stream()
        .filter(variable -> DrillVariables.PREVIOUS_IMPROVEMENTS.name().equals(variable.getName()))
        .map(variable -> String.valueOf(variable.getValue())).findFirst().orElse(null);
    return new Card(number, scenario, record.title(), record.state().label(), start, time(procedure.getEndTime()),
        "1 日 = " + humane(drillTime.span(number, Duration.ofDays(1))), firstAction, containment, deadlines,
        escalations, nobodyTook, contactGaps, notDelivered, improvements.of(procedure.getId()).orElse(null), previous);
  }

  private Milestone milestone(String number, String label, OffsetDateTime start, OffsetDateTime at) {
    Duration inDrill = Duration.between(start, at);
    return new Milestone(label, at, inDrill.toSeconds(), humane(drillTime.incidentSpan(number, inDrill)));
  }

  /** 「個人情報保護委員会（速報）」 */
  private static String reportName(ReportObligations.Obligation obligation) {
    return Recipient.displayNameOf(obligation.recipient()) + ReportStage.of(obligation.item()).map(stage -> "（" + stage.label() + "）").orElse("");
  }

  private static String result(ReportObligations.Obligation obligation, OffsetDateTime now) {
    if (obligation.sentAt() != null) {
      return obligation.sentAt().isAfter(obligation.dueAt()) ? "期限超過（遅れて送った）" : "期限内";
    }
    if ("withdrawn".equals(obligation.state())) {
      return "取り下げ";
    }
    return now.isAfter(obligation.dueAt()) ? "未送信・期限超過" : "未送信（期限前）";
  }

  private static boolean completed(HistoricTaskInstance task) {
    return task.getEndTime() != null && "completed".equals(task.getDeleteReason());
  }

  private OffsetDateTime time(Date date) {
    return date == null ? null : date.toInstant().atZone(zone).toOffsetDateTime();
  }

  /** 「1時間36分」「40秒」 */
  static String humane(Duration duration) {
    long seconds = Math.max(0, duration.toSeconds());
    long days = seconds / 86_400;
    long hours = seconds % 86_400 / 3_600;
    long minutes = seconds % 3_600 / 60;
    StringBuilder text = new StringBuilder();
    if (days > 0) {
      text.append(days).append("日");
    }
    if (hours > 0) {
      text.append(hours).append("時間");
    }
    if (minutes > 0) {
      text.append(minutes).append("分");
    }
    return text.isEmpty() ? seconds + "秒" : text.toString();
  }
}
