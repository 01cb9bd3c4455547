package jp.smb.incident.escalation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jp.smb.incident.contract.EscalationVariables;
import jp.smb.incident.contract.ResponseRole;
import jp.smb.incident.settings.ContactChain;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

/**
 * On the start of an escalation task (reached from a repeating timer on a late step), before the task exists:
 * counts the round on the late task, names the role {@link EscalationChain} gives that round
 * ({@code candidateGroups="${escalationRole}"}) and writes what to do, whom to call, into
 * {@code escalationAdvice}, which the task's form and alert show. The diagram names the first role to tell in the
 * task's property {@code incident.escalation.first-role}.
 */
@Component
public class EscalationListener implements ExecutionListener {

  static final String FIRST_ROLE = "incident.escalation.first-role";

  private final EscalationTimers timers;
  private final ContactChain chain;

  public EscalationListener(EscalationTimers timers, ContactChain chain) {
    this.timers = timers;
    this.chain = chain;
  }

  @Override
  public void notify(DelegateExecution execution) {
    FlowElement model = execution.getBpmnModelElementInstance();
    ResponseRole first = firstRole(model);
    BoundaryEvent timer = timerBefore(model);
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    Task late = timer == null ? null : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(timer.getAttachedTo().getId()).singleResult();
    int round = 1;
    List<ResponseRole> lateRoles = List.of();
    if (late != null) {
      String rounds = EscalationVariables.ROUNDS.name();
      round += tasks.getVariableLocal(late.getId(), rounds) instanceof Number n ? n.intValue() : 0;
      tasks.setVariableLocal(late.getId(), rounds, round);
      lateRoles = roles(tasks.getIdentityLinksForTask(late.getId()));
    }
    IdentityService identity = execution.getProcessEngineServices().getIdentityService();
    String tenant = execution.getTenantId();
    EscalationStep step = EscalationChain.step(round, lateRoles, first, role -> members(identity, role, tenant));
    String lateName = late != null ? late.getName() : timer == null ? model.getName() : timer.getAttachedTo().getName();
    // The role as the diagram would name it: the task's groups are resolved in the incident's company afterwards.
    EscalationVariables.ROLE.setLocal(execution, step.role().groupId());
    EscalationVariables.ROUND.setLocal(execution, round);
    // A client company's chain is its members; the configured 連絡網 is the installation's own organisation.
    EscalationVariables.ADVICE.setLocal(execution, step.advice(lateName, tenant == null ? chain : null,
        text(execution.getVariable("contactSupport")), text(execution.getVariable("contactInsurer")),
        timers.repeat(execution.getProcessBusinessKey())));
  }

  private static ResponseRole firstRole(FlowElement model) {
    String value = model.getExtensionElements() == null ? null : model.getExtensionElements()
        .getElementsQuery().filterByType(CamundaProperties.class).list()
        .stream().flatMap(properties -> properties.getCamundaProperties().stream())
        .filter(property -> FIRST_ROLE.equals(property.getCamundaName())).map(CamundaProperty::getCamundaValue)
        .findFirst().orElse(null);
    return ResponseRole.ofGroupId(value).orElseThrow(() -> new IllegalStateException(
        model.getId() + " には " + FIRST_ROLE + " に役割のグループ（executive など）が必要です: " + value));
  }

  private static BoundaryEvent timerBefore(FlowElement model) {
    if (model instanceof FlowNode node) {
      for (SequenceFlow incoming : node.getIncoming()) {
        if (incoming.getSource() instanceof BoundaryEvent boundary) {
          return boundary;
        }
      }
    }
    return null;
  }

  private static List<ResponseRole> roles(Iterable<IdentityLink> links) {
    Set<ResponseRole> roles = new LinkedHashSet<>();
    for (IdentityLink link : links) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        ResponseRole.ofAnyGroupId(link.getGroupId()).ifPresent(roles::add);
      }
    }
    return new ArrayList<>(roles);
  }

  /** A client company's role is its own group ({@code acme--executive}), of its own members. */
  private static Set<String> members(IdentityService identity, ResponseRole role, String tenant) {
    UserQuery query = identity.createUserQuery()
        .memberOfGroup(tenant == null ? role.groupId() : role.inCompany(tenant));
    if (tenant != null) {
      query.memberOfTenant(tenant);
    }
    return query.list().stream().map(User::getId).collect(Collectors.toSet());
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
