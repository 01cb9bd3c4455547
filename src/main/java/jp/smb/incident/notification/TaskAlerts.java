package jp.smb.incident.notification;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Set;
import jp.smb.incident.contract.EscalationVariables;
import jp.smb.incident.contract.IntakeVariables;
import jp.smb.incident.contract.SeverityVariables;
import jp.smb.incident.settings.ContactChain;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * When a task is created, one alert per person it is offered to who has an e-mail address in their profile: the
 * members of its candidate groups and its assignee, nobody else. Written to the outbox in the task's transaction.
 */
@Component
public class TaskAlerts {

  private final NotificationSettings settings;
  private final Outbox outbox;
  private final FormInstructions instructions;
  private final ContactChain chain;
  private final Clock clock;

  public TaskAlerts(NotificationSettings settings, Outbox outbox, FormInstructions instructions, ContactChain chain,
      Clock clock) {
    this.settings = settings;
    this.outbox = outbox;
    this.instructions = instructions;
    this.chain = chain;
    this.clock = clock;
  }

  public void taskCreated(DelegateTask task) {
    String number = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    if ((!settings.mailEnabled() && settings.webhookUrl() == null) || number == null) {
      return;
    }
    UserTask model = task.getBpmnModelElementInstance();
    Number level = SeverityVariables.LEVEL.in(task);
    Date due = task.getDueDate();
    TaskAlert alert = new TaskAlert(number, text(IntakeVariables.INCIDENT_TITLE.in(task)), task.getId(), task.getName(),
        model == null ? null : instructions.of(model.getCamundaFormRef()),
        level == null ? null : level.intValue(),
        due == null ? null : due.toInstant().atZone(clock.getZone()).toOffsetDateTime(), escalation(model),
        text(EscalationVariables.ADVICE.in(task)));
    OffsetDateTime now = OffsetDateTime.now(clock);
    String body = alert.body(settings.baseUrl(), clock.getZone());
    if (settings.mailEnabled()) {
      Set<String> addresses = recipients(task);
      if (alert.urgent()) {
        addresses.addAll(chainAddresses(task));
      }
      for (String address : addresses) {
        outbox.enqueue(new Alert(number, task.getId(), Alert.EMAIL, address, alert.urgent(), alert.subject(), body), now);
      }
    }
    if (settings.webhookUrl() != null) {
      outbox.enqueue(new Alert(number, task.getId(), Alert.WEBHOOK, "webhook", alert.urgent(), alert.subject(), body),
          now);
    }
  }

  /**
   * The members of the task's groups and its assignee. The engine runs listeners without the caller's
   * authorizations (authorizationEnabledForCustomCode is off), so a reporter who may not see another group's users
   * does not make the alert miss them.
   */
  private static Set<String> recipients(DelegateTask task) {
    IdentityService identity = task.getProcessEngineServices().getIdentityService();
    Set<String> addresses = new LinkedHashSet<>();
    for (IdentityLink link : task.getCandidates()) {
      if (link.getGroupId() != null) {
        UserQuery members = identity.createUserQuery().memberOfGroup(link.getGroupId());
        // A client company's task: only that company's members, though the role group is shared by all companies.
        if (task.getTenantId() != null) {
          members.memberOfTenant(task.getTenantId());
        }
        members.list().forEach(user -> addIfMailable(user, addresses));
      }
    }
    if (task.getAssignee() != null) {
      addIfMailable(identity.createUserQuery().userId(task.getAssignee()).singleResult(), addresses);
    }
    return addresses;
  }

  /** An escalation also goes to the 連絡網's address of each role it is offered to (付録5 9.3). */
  private Set<String> chainAddresses(DelegateTask task) {
    Set<String> addresses = new LinkedHashSet<>();
    if (task.getTenantId() != null) {
      // The configured chain is the installation's own organisation, not a client company's.
      return addresses;
    }
    for (IdentityLink link : task.getCandidates()) {
      ContactChain.Entry entry = link.getGroupId() == null ? null : chain.byGroup().get(link.getGroupId());
      if (entry != null && entry.email() != null && !entry.email().isBlank()) {
        addresses.add(entry.email().strip());
      }
    }
    return addresses;
  }

  private static void addIfMailable(User user, Set<String> addresses) {
    if (user != null && user.getEmail() != null && !user.getEmail().isBlank()) {
      addresses.add(user.getEmail().strip());
    }
  }

  /** A task reached from a timer on another step is an escalation or reminder: 至急. Read from the diagram. */
  private static boolean escalation(UserTask model) {
    if (model == null) {
      return false;
    }
    for (SequenceFlow incoming : model.getIncoming()) {
      if (incoming.getSource() instanceof BoundaryEvent boundary
          && !boundary.getChildElementsByType(TimerEventDefinition.class).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
