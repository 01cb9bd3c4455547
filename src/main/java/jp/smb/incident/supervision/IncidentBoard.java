package jp.smb.incident.supervision;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jp.smb.incident.company.CompanyScope;
import jp.smb.incident.contract.ResponseRole;
import jp.smb.incident.procedure.IncidentType;
import jp.smb.incident.procedure.Procedure;
import jp.smb.incident.record.IncidentRecord.State;
import jp.smb.incident.record.IncidentRecord;
import jp.smb.incident.record.IncidentRecords;
import jp.smb.incident.supervision.PendingReports.PendingReport;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * What a manager asks of the open incidents, most urgent first: how bad each is, where it stands, who holds it and
 * which legal deadline is closest. The incidents come from the record (the caller's companies only), their deadlines
 * from the legal clock's table (report_obligation), their tasks from the engine under the caller's authorizations;
 * stages and task groups are read for all of them at once ({@link RunningState}), not once per incident or task.
 */
@Component
public class IncidentBoard {

  /** A deadline this close is shown in amber. */
  static final Duration SOON = Duration.ofHours(24);

  public enum Urgency { OVERDUE, SOON, LATER, NONE }

  public record Group(String id, String name) {
  }

  public record OpenTask(String name, List<Group> candidateGroups, String assignee, OffsetDateTime due) {
  }

  public record Deadline(String recipientName, OffsetDateTime dueAt, long minutesLeft) {
  }

  /**
   * @param state     the state as people read it (対応中 …)
   * @param stateCode the same as a value to compare: {@code open}, {@code closed}, {@code not_an_incident},
   *                  {@code cancelled}
   */
  public record Entry(String incidentNumber, String title, String company, String state, String stateCode,
      Integer severityLevel,
      String incidentType, String incidentTypeLabel, String procedure, String procedureName, List<String> stages,
      List<OpenTask> openTasks, Deadline nearestDeadline, Urgency urgency, String processInstanceId,
      OffsetDateTime detectedAt, OffsetDateTime closedAt, String reportUrl, boolean drill) {
  }

  private final IncidentRecords records;
  private final PendingReports pendingReports;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final RunningState running;
  private final Map<String, String> typeLabels;
  private final Clock clock;
  private final CompanyScope scope;

  public IncidentBoard(IncidentRecords records, PendingReports pendingReports, RuntimeService runtimeService,
      TaskService taskService, RunningState running, Clock clock, CompanyScope scope) {
    this.running = running;
    this.scope = scope;
    this.records = records;
    this.pendingReports = pendingReports;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.typeLabels = IncidentType.labels();
    this.clock = clock;
  }

  /**
   * Open incidents, most urgent first: overdue, then due within a day, then by deadline, level and age.
   *
   * @param drills drills too; without, real incidents only
   */
  public List<Entry> open(int limit, boolean drills) {
    List<IncidentRecord> open = records.search(State.OPEN, null, null, limit, scope.visibleCompanies(), drills);
    if (open.isEmpty()) {
      return List.of();
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    ZoneId zone = clock.getZone();
    List<String> numbers = open.stream().map(IncidentRecord::incidentNumber).toList();
    Map<String, Deadline> nearest = nearestDeadlines(numbers, now, zone);
    Map<String, List<OpenTask>> tasks = openTasks(numbers, zone);
    Map<String, List<String>> stages = running.stages(open.stream().map(IncidentRecord::processInstanceId)
        .filter(Objects::nonNull).toList());

    List<Entry> entries = new ArrayList<>();
    for (IncidentRecord incident : open) {
      Deadline deadline = nearest.get(incident.incidentNumber());
      entries.add(entry(incident, stages.getOrDefault(incident.processInstanceId(), List.of()),
          tasks.getOrDefault(incident.incidentNumber(), List.of()), deadline, urgency(deadline)));
    }
    entries.sort(Comparator.comparing(Entry::urgency)
        .thenComparing(e -> e.nearestDeadline() == null ? null : e.nearestDeadline().dueAt(),
            Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(Entry::severityLevel, Comparator.nullsLast(Comparator.reverseOrder()))
        .thenComparing(Entry::detectedAt));
    return entries;
  }

  /** Incidents that ended within [from, to), latest first. */
  public List<Entry> ended(OffsetDateTime from, OffsetDateTime to, int limit, boolean drills) {
    return records.endedBetween(from, to, limit, scope.visibleCompanies(), drills).stream()
        .map(incident -> entry(incident, List.of(), List.of(), null, Urgency.NONE)).toList();
  }

  static Urgency urgency(Deadline deadline) {
    if (deadline == null) {
      return Urgency.NONE;
    }
    if (deadline.minutesLeft() < 0) {
      return Urgency.OVERDUE;
    }
    return deadline.minutesLeft() <= SOON.toMinutes() ? Urgency.SOON : Urgency.LATER;
  }

  private Entry entry(IncidentRecord r, List<String> stages, List<OpenTask> tasks, Deadline deadline, Urgency urgency) {
    return new Entry(r.incidentNumber(), r.title(), r.businessOperator(), r.state().label(),
        r.state().name().toLowerCase(java.util.Locale.ROOT), r.severityLevel(),
        r.incidentType(), typeLabels.getOrDefault(r.incidentType(), r.incidentType()), r.procedureKey(),
        Procedure.displayNameOf(r.procedureKey()), stages, tasks, deadline, urgency, r.processInstanceId(), r.detectedAt(),
        r.closedAt(), "/api/incidents/" + r.incidentNumber() + "/report", r.drill());
  }

  private Map<String, Deadline> nearestDeadlines(List<String> numbers, OffsetDateTime now, ZoneId zone) {
    Map<String, Deadline> nearest = new HashMap<>();
    for (PendingReport report : pendingReports.of(numbers, zone)) {
      Deadline current = nearest.get(report.incidentNumber());
      if (current == null || report.dueAt().isBefore(current.dueAt())) {
        nearest.put(report.incidentNumber(), new Deadline(report.recipientName(), report.dueAt(),
            Duration.between(now, report.dueAt()).toMinutes()));
      }
    }
    return nearest;
  }

  /** Every open task of the incidents, the ones of their reports and playbooks too (they share the number). */
  private Map<String, List<OpenTask>> openTasks(List<String> numbers, ZoneId zone) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKeyIn(numbers.toArray(String[]::new))
        .orderByTaskCreateTime().asc().list();
    Map<String, String> incidentOf = new HashMap<>();
    if (!tasks.isEmpty()) {
      runtimeService.createProcessInstanceQuery()
          .processInstanceIds(new HashSet<>(tasks.stream().map(Task::getProcessInstanceId).toList())).list()
          .forEach(instance -> incidentOf.put(instance.getId(), instance.getBusinessKey()));
    }
    Map<String, List<String>> offeredTo = running.candidateGroups(tasks.stream().map(Task::getId).toList());
    Map<String, List<OpenTask>> byIncident = new HashMap<>();
    for (Task task : tasks) {
      List<Group> groups = offeredTo.getOrDefault(task.getId(), List.of()).stream()
          .map(id -> new Group(id, ResponseRole.ofAnyGroupId(id).map(ResponseRole::japaneseName).orElse(id))).toList();
      byIncident.computeIfAbsent(incidentOf.get(task.getProcessInstanceId()), n -> new ArrayList<>())
          .add(new OpenTask(task.getName(), groups, task.getAssignee(),
              task.getDueDate() == null ? null : task.getDueDate().toInstant().atZone(zone).toOffsetDateTime()));
    }
    return byIncident;
  }
}
