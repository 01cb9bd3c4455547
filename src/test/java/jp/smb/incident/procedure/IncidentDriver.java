package jp.smb.incident.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;

/**
 * Works one incident through the engine API the way Tasklist does: finds the task by key anywhere in the
 * incident (called playbooks share its business key), checks whom it is offered to, completes it with form
 * values. Asynchronous steps (the report drafts) run right after, as the job executor would; timers only when a
 * test moves the clock and fires them.
 */
public class IncidentDriver {

  /** The first facts of each procedure, whose forms require the answer about personal data. */
  private static final List<String> FIRST_FACTS = List.of("Task_TriageReport", "Task_RecordSituation");

  private static final List<String> REPORT_TASKS =
      List.of("Task_SendReport", "Task_SendReportByDeadline", "Task_SendReportPromptly");

  private final ProcessEngine engine;
  private final ProcessInstance instance;

  public IncidentDriver(ProcessEngine engine, ProcessInstance instance) {
    this.engine = engine;
    this.instance = instance;
  }

  public ProcessInstance instance() {
    return instance;
  }

  public String businessKey() {
    return instance.getBusinessKey();
  }

  public Task task(String taskKey) {
    List<Task> tasks = engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(instance.getBusinessKey()).taskDefinitionKey(taskKey).list();
    assertThat(tasks).as("open tasks %s of %s; open are %s", taskKey, businessKey(), openTaskKeys()).hasSize(1);
    return tasks.get(0);
  }

  public List<String> openTaskKeys() {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey()).list()
        .stream().map(Task::getTaskDefinitionKey).sorted().toList();
  }

  /** The open steps of the procedure itself, without the report tasks the legal clock may have opened beside them. */
  public List<String> openStepKeys() {
    return openTaskKeys().stream().filter(key -> !REPORT_TASKS.contains(key)).toList();
  }

  public List<String> candidateGroups(String taskKey) {
    return candidateGroupsOf(task(taskKey));
  }

  public List<String> candidateGroupsOf(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> link.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .sorted()
        .toList();
  }

  public IncidentDriver complete(String taskKey, Object... keyValues) {
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      variables.put((String) keyValues[i], keyValues[i + 1]);
    }
    if (FIRST_FACTS.contains(taskKey) && Boolean.TRUE.equals(variables.get("isIncident"))) {
      // Tasklist does not submit these forms without an answer; scenarios about personal data give their own.
      variables.putIfAbsent("personalDataLeaked", "no");
    }
    engine.getTaskService().complete(task(taskKey).getId(), variables);
    runAsynchronousSteps();
    return this;
  }

  /** Completes the task if the incident has it open; for steps that only some incidents take. */
  public IncidentDriver completeIfOpen(String taskKey, Object... keyValues) {
    boolean open = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey())
        .taskDefinitionKey(taskKey).count() > 0;
    return open ? complete(taskKey, keyValues) : this;
  }

  /** The type-specific containment steps (type-specific-containment) this incident has open, each done. */
  public IncidentDriver containByType() {
    return completeIfOpen("Task_RequestDeletionByRecipient", "misdeliveryRecipients", "送信先に削除を依頼した")
        .completeIfOpen("Task_WithdrawPublication", "publicationWithdrawn", "ページを非公開にした")
        .completeIfOpen("Task_SuspendInsiderAccess", "insiderAccessSuspended", "アカウントを停止した")
        .completeIfOpen("Task_ActivateBusinessContinuityPlan", "continuityActions", "紙の伝票で受注を続ける");
  }

  /** Whether the incident (or a process it called) had this task at some point. */
  public boolean hadTask(String taskKey) {
    return engine.getHistoryService().createHistoricTaskInstanceQuery()
        .processInstanceBusinessKey(instance.getBusinessKey()).taskDefinitionKey(taskKey).count() > 0;
  }

  public void runAsynchronousSteps() {
    List<Job> jobs;
    do {
      jobs = engine.getManagementService().createJobQuery().messages().withRetriesLeft().list().stream()
          .filter(job -> processInstanceIds().contains(job.getProcessInstanceId())).toList();
      jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    } while (!jobs.isEmpty());
  }

  /** Fires the timers of this incident that are due at the engine's current (test) time. */
  public void fireDueTimers() {
    engine.getManagementService().createJobQuery().timers().executable().list().stream()
        .filter(job -> processInstanceIds().contains(job.getProcessInstanceId()))
        .forEach(job -> engine.getManagementService().executeJob(job.getId()));
    runAsynchronousSteps();
  }

  private List<String> processInstanceIds() {
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(instance.getBusinessKey()).list().stream().map(ProcessInstance::getId).toList();
  }

  /** The open report tasks (one per report item of the reporting decision), by item id. */
  public Map<String, Task> reportTasks() {
    Map<String, Task> tasks = new LinkedHashMap<>();
    engine.getTaskService().createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey())
        .taskDefinitionKeyIn(REPORT_TASKS.toArray(String[]::new)).orderByTaskName().asc().list()
        .forEach(task -> tasks.put((String) engine.getTaskService().getVariable(task.getId(), "reportItem"), task));
    return tasks;
  }

  /** Sends one report as a person would after checking the draft. */
  public IncidentDriver sendReport(String item) {
    Task task = reportTasks().get(item);
    assertThat(task).as("report task %s of %s; open are %s", item, businessKey(), reportTasks().keySet()).isNotNull();
    engine.getTaskService().complete(task.getId(), Map.of("reportChannel", "email",
        "reportSentAt", "2026-11-25T10:00+09:00", "reportReference", "送付済み " + item));
    runAsynchronousSteps();
    return this;
  }

  /** Sends every open report, and the 確報 that each sent 速報 starts, until none is left. */
  public IncidentDriver sendAllReports() {
    for (int round = 0; round < 5 && !reportTasks().isEmpty(); round++) {
      reportTasks().keySet().forEach(this::sendReport);
    }
    return this;
  }

  public Object variable(String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(name).singleResult().getValue();
  }

  public boolean ended() {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count() == 0;
  }
}
