package jp.smb.incident.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;

/**
 * Works one incident through the engine API the way Tasklist does: finds the task by key anywhere in the
 * incident (called playbooks share its business key), checks whom it is offered to, completes it with form
 * values.
 */
class IncidentDriver {

  private final ProcessEngine engine;
  private final ProcessInstance instance;

  IncidentDriver(ProcessEngine engine, ProcessInstance instance) {
    this.engine = engine;
    this.instance = instance;
  }

  ProcessInstance instance() {
    return instance;
  }

  String businessKey() {
    return instance.getBusinessKey();
  }

  Task task(String taskKey) {
    List<Task> tasks = engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(instance.getBusinessKey()).taskDefinitionKey(taskKey).list();
    assertThat(tasks).as("open tasks %s of %s; open are %s", taskKey, businessKey(), openTaskKeys()).hasSize(1);
    return tasks.get(0);
  }

  List<String> openTaskKeys() {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey()).list()
        .stream().map(Task::getTaskDefinitionKey).sorted().toList();
  }

  List<String> candidateGroups(String taskKey) {
    return engine.getTaskService().getIdentityLinksForTask(task(taskKey).getId()).stream()
        .filter(link -> link.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .sorted()
        .toList();
  }

  IncidentDriver complete(String taskKey, Object... keyValues) {
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      variables.put((String) keyValues[i], keyValues[i + 1]);
    }
    engine.getTaskService().complete(task(taskKey).getId(), variables);
    return this;
  }

  Object variable(String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(name).singleResult().getValue();
  }

  boolean ended() {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count() == 0;
  }
}
