package jp.smb.incident.record;

import static jp.smb.incident.contract.IntakeVariables.AFFECTED_SYSTEMS;
import static jp.smb.incident.contract.IntakeVariables.COMMISSIONING_PARTY;
import static jp.smb.incident.contract.IntakeVariables.DETECTED_AT;
import static jp.smb.incident.contract.IntakeVariables.EVENT_DESCRIPTION;
import static jp.smb.incident.contract.IntakeVariables.EXTERNAL_REPORTER_CONTACT;
import static jp.smb.incident.contract.IntakeVariables.EXTERNAL_REPORTER_NAME;
import static jp.smb.incident.contract.IntakeVariables.INCIDENT_TITLE;
import static jp.smb.incident.contract.IntakeVariables.INCIDENT_TYPE;
import static jp.smb.incident.contract.IntakeVariables.OCCURRED_AT;
import static jp.smb.incident.contract.IntakeVariables.REPORTER_ID;
import static jp.smb.incident.contract.IntakeVariables.REPORT_SOURCE;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.smb.incident.company.Companies;
import jp.smb.incident.company.Company;
import jp.smb.incident.contract.ProcessVariable;
import jp.smb.incident.contract.ReportVariables;
import jp.smb.incident.contract.ReportingVariables;
import jp.smb.incident.contract.SeverityVariables;
import jp.smb.incident.drillmode.Drills;
import jp.smb.incident.input.RecordText;
import jp.smb.incident.record.IncidentRecord.State;
import jp.smb.incident.record.RecordEntries.ReportSent;
import jp.smb.incident.settings.IncidentProperties;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Service;

/**
 * Writes the record as the engine works an incident: the intake, every completed step with who and when, every
 * decision, every report sent, and the close. Runs in the engine's transaction, so the record never disagrees with
 * what the engine committed.
 */
@Service
public class IncidentRecorder {

  /**
   * The diagrams mark the steps the record measures with {@code camunda:property incident.milestone}, and how an
   * incident ended with {@code incident.outcome} on its end event: a step renamed or added in Modeler keeps its
   * meaning without a change here.
   */
  public static final String MILESTONE = "incident.milestone";
  public static final String CONTAINED = "contained";
  public static final String RECOVERED = "recovered";
  public static final String REPORT_SENT = "report-sent";
  /** On an end event: how the incident ended, when not simply closed. */
  public static final String OUTCOME = "incident.outcome";
  public static final String NOT_AN_INCIDENT = "not-an-incident";
  static final String REPORTING_DECISION = "reporting-obligations";

  private final IncidentRecords records;
  private final IncidentMetrics metrics;
  private final Clock clock;
  private final String businessOperator;
  private final Companies companies;

  public IncidentRecorder(IncidentRecords records, IncidentMetrics metrics, Companies companies, Clock clock,
      IncidentProperties settings) {
    this.records = records;
    this.companies = companies;
    this.metrics = metrics;
    this.clock = clock;
    this.businessOperator = settings.organisation().name();
  }

  public void incidentStarted(DelegateExecution execution) {
    String number = execution.getProcessBusinessKey();
    if (records.exists(number)) {
      return;
    }
    OffsetDateTime now = now();
    String reporter = firstOf(execution, EXTERNAL_REPORTER_NAME, EXTERNAL_REPORTER_CONTACT, REPORTER_ID);
    // A client company's incident names that company as the business operator.
    String company = execution.getTenantId();
    String operator = company == null ? businessOperator
        : companies.find(company).map(Company::name).orElse(company);
    records.create(new NewIncident(number, execution.getProcessInstanceId(),
        ((ExecutionEntity) execution).getProcessDefinition().getKey(),
        orElse(text(execution, INCIDENT_TITLE), "（件名なし）"), orElse(text(execution, INCIDENT_TYPE), "other"),
        operator, text(execution, COMMISSIONING_PARTY), text(execution, REPORT_SOURCE), reporter,
        orElse(time(DETECTED_AT.in(execution)), now), time(OCCURRED_AT.in(execution)),
        text(execution, EVENT_DESCRIPTION), text(execution, AFFECTED_SYSTEMS), now, Drills.isDrillNumber(number)));
    if (company != null) {
      records.assignCompany(number, company);
    }
    records.addTimeline(number, now, "STARTED", "インシデントを受け付けた", orElse(actor(), reporter),
        text(execution, EVENT_DESCRIPTION));
  }

  public void taskCompleted(DelegateTask task) {
    String number = task.getExecution().getProcessBusinessKey();
    if (number == null || !records.exists(number)) {
      return;
    }
    OffsetDateTime now = now();
    String actor = orElse(actor(), task.getAssignee());
    records.addTimeline(number, now, "TASK_COMPLETED", task.getName(), actor, null);

    Map<String, String> facts = new LinkedHashMap<>();
    for (String variable : IncidentRecords.FACT_COLUMNS.keySet()) {
      facts.put(variable, text(task, variable));
    }
    String leader = text(task, "responseLeader");
    if (leader != null) {
      facts.put("responsiblePersons", "責任者: " + leader + orElse(prefixed("／担当: ", text(task, "responseMembers")), ""));
    }
    records.updateFacts(number, facts);
    OffsetDateTime occurredAt = time(OCCURRED_AT.in(task));
    if (occurredAt != null) {
      records.updateOccurredAt(number, occurredAt);
    }
    String milestone = milestoneOf(task);
    if (CONTAINED.equals(milestone)) {
      records.markContained(number, now);
    }
    if (RECOVERED.equals(milestone)) {
      records.markRecovered(number, now);
    }
    if (REPORT_SENT.equals(milestone)) {
      Date due = ReportVariables.DUE_DATE.in(task);
      records.addReportSent(number, new ReportSent(0, text(task, ReportVariables.ITEM),
          text(task, ReportVariables.RECIPIENT), task.getName(), ReportVariables.MANDATORY.isTrueIn(task),
          due == null ? null : due.toInstant().atZone(clock.getZone()).toOffsetDateTime(),
          text(task, ReportVariables.SENT_AT), orElse(text(task, ReportVariables.SENT_BY), actor),
          text(task, ReportVariables.CHANNEL), text(task, ReportVariables.REFERENCE),
          text(task, ReportVariables.DRAFT)), now);
    }
  }

  public void decisionMade(DelegateExecution execution) {
    String number = execution.getProcessBusinessKey();
    if (number == null || !records.exists(number)) {
      return;
    }
    String detail;
    // On the outgoing flow the current activity is still the decision task; which decision it calls is in the model.
    if (REPORTING_DECISION.equals(decisionCalledBy(execution))) {
      detail = text(execution, ReportingVariables.SUMMARY);
    } else {
      Number level = SeverityVariables.LEVEL.in(execution);
      if (level != null) {
        records.updateSeverity(number, level.intValue());
      }
      detail = "事故レベル " + level + "（責任: " + SeverityVariables.RESPONSIBLE_GROUP.in(execution) + "）";
    }
    records.addTimeline(number, now(), "DECISION", orElse(execution.getCurrentActivityName(), "判定"), null, detail);
  }

  static String milestoneOf(DelegateTask task) {
    return property(task.getBpmnModelElementInstance(), MILESTONE);
  }

  /** A {@code camunda:property} of an element as Modeler writes it; null when the element has none of that name. */
  static String property(BaseElement element, String name) {
    if (element == null || element.getExtensionElements() == null) {
      return null;
    }
    return element.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(properties -> properties.getCamundaProperties().stream())
        .filter(property -> name.equals(property.getCamundaName()))
        .map(CamundaProperty::getCamundaValue).findFirst().orElse(null);
  }

  private static String decisionCalledBy(DelegateExecution execution) {
    String activityId = execution.getCurrentActivityId();
    ModelElementInstance element = activityId == null ? null
        : execution.getBpmnModelInstance().getModelElementById(activityId);
    return element instanceof BusinessRuleTask task ? task.getCamundaDecisionRef() : null;
  }

  public void incidentEnded(DelegateExecution execution) {
    String number = execution.getProcessBusinessKey();
    if (number == null || !records.exists(number)) {
      return;
    }
    OffsetDateTime now = now();
    // How it ended is marked on the end event in the diagram (camunda:property incident.outcome).
    String endedAt = execution.getCurrentActivityId();
    ModelElementInstance end = endedAt == null ? null : execution.getBpmnModelInstance().getModelElementById(endedAt);
    String outcome = end instanceof BaseElement element ? property(element, OUTCOME) : null;
    State state = execution.isCanceled() ? State.CANCELLED
        : NOT_AN_INCIDENT.equals(outcome) ? State.NOT_AN_INCIDENT : State.CLOSED;
    records.close(number, state, now);
    records.addTimeline(number, now, "CLOSED", state == State.CLOSED ? "対応を完了した" : state.label(), actor(),
        text(execution, "notIncidentReason"));
    records.find(number).ifPresent(metrics::recordClosed);
  }

  /** A report to the executive made when the lead chose to, outside the procedure's own steps. */
  public void progressReported(String number, String author, String text) {
    records.addTimeline(number, now(), "EXECUTIVE_REPORT", "経営者に状況を報告した（随時）", author, text);
  }

  /** A correction of the facts that decide reporting (PATCH /api/incidents/{number}/facts). */
  public void factsCorrected(String number, String author, String facts) {
    records.addTimeline(number, now(), "FACTS", "報告を左右する事実を更新した", author, facts);
  }

  public void noteAdded(String number, String author, String text) {
    records.addTimeline(number, now(), "NOTE", "メモ", author, text);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  private static String actor() {
    Authentication current = org.camunda.bpm.engine.impl.context.Context.getCommandContext() == null ? null
        : org.camunda.bpm.engine.impl.context.Context.getCommandContext().getAuthentication();
    return current == null ? null : current.getUserId();
  }

  static OffsetDateTime time(Object value) {
    if (value instanceof Date date) {
      return date.toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.toString());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String text(VariableScope scope, ProcessVariable<?> variable) {
    return text(scope, variable.name());
  }

  private static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null || value.toString().isBlank() ? null : RecordText.checked(name, value.toString());
  }

  private static String firstOf(VariableScope scope, ProcessVariable<?>... variables) {
    for (ProcessVariable<?> variable : variables) {
      String value = text(scope, variable);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  private static String prefixed(String prefix, String value) {
    return value == null ? null : prefix + value;
  }

  private static <T> T orElse(T value, T fallback) {
    return value != null ? value : fallback;
  }
}
