package jp.smb.incident.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * One incident from the report to the close, every step answered from its deployed Camunda Form the way a person in
 * Tasklist would: the fields the form shows (its {@code hide} conditions evaluated on the values so far), the
 * scenario's facts where it knows them, the form's default otherwise, and a plausible value for a required field
 * left empty. A step added to a diagram is answered through its form, or the run fails naming the field it could not
 * fill. Asynchronous steps run inline, as the job executor would.
 */
public final class IncidentScenario {

  /** Ransomware stops the file server and reaches customers: level 3, reports, the malware playbook, a backup. */
  public static IncidentScenario threeStage(ProcessEngine engine) {
    return new IncidentScenario(engine, "ipa-incident-response", "three-stage procedure", Map.of(
        "incidentTitle", "ファイルサーバーが開けない", "incidentType", "ransomware",
        "detectedAt", "2026-11-24T09:30+09:00", "eventDescription", "共有フォルダのファイルの拡張子が変わり、開けなくなった",
        "reportSource", "internal", "affectedSystems", "ファイルサーバー"), Map.ofEntries(
            Map.entry("isIncident", true), Map.entry("businessAffected", "yes"),
            Map.entry("externalPartiesAffected", "yes"), Map.entry("personalDataLeaked", "no"),
            Map.entry("powerKeptOn", true), Map.entry("externallyReachable", false),
            Map.entry("damageMaySpread", true), Map.entry("partnersAffected", true),
            Map.entry("consumersAffected", true), Map.entry("wideImpact", true), Map.entry("reportChannel", "email"),
            Map.entry("compensationNeeded", false), Map.entry("finalReport", true),
            Map.entry("forensicsNeeded", false), Map.entry("inHouseCapable", true), Map.entry("crimeSuspected", false),
            Map.entry("occurredAt", "2026-11-23T22:00+09:00"), Map.entry("backupUsable", true),
            Map.entry("repairConfirmed", true), Map.entry("lawyerApproved", true)));
  }

  /**
   * Whatever a drill's scenario brings, answered as its participants would: the scenario's start and later facts
   * stand as the incident knows them, every other field from its form.
   */
  public static IncidentScenario drill(ProcessEngine engine) {
    return new IncidentScenario(engine, null, "drill", Map.of(), Map.ofEntries(
        Map.entry("isIncident", true), Map.entry("powerKeptOn", true), Map.entry("forensicsNeeded", false),
        Map.entry("repairConfirmed", true), Map.entry("lawyerApproved", true), Map.entry("backupUsable", true),
        Map.entry("inHouseCapable", true), Map.entry("finalReport", true), Map.entry("reportChannel", "email"),
        Map.entry("drillImprovements", DRILL_IMPROVEMENTS)));
  }

  /** What a drill's participants write at its end as the improvements for next time. */
  public static final String DRILL_IMPROVEMENTS = "連絡網に保険会社の夜間窓口を加える";

  /** A sole proprietor's office PC infected by a mail attachment: the six steps, customers' addresses at risk. */
  public static IncidentScenario sixStep(ProcessEngine engine) {
    return new IncidentScenario(engine, "six-step-incident-response", "six-step procedure", Map.of(
        "incidentTitle", "顧客から情報漏えいの指摘", "incidentType", "malware",
        "detectedAt", "2026-11-24T09:30+09:00", "eventDescription", "顧客から、当社から不審なメールが届いたと連絡があった",
        "reportSource", "external", "externalReporterContact", "customer@example.jp"), Map.ofEntries(
            Map.entry("isIncident", true), Map.entry("occurredAt", "2026-11-23T22:00+09:00"),
            Map.entry("businessAffected", "no"), Map.entry("externalPartiesAffected", "yes"),
            Map.entry("personalDataLeaked", "no"), Map.entry("forensicsNeeded", false),
            Map.entry("powerKeptOn", true), Map.entry("repairConfirmed", true), Map.entry("lawyerApproved", true)));
  }

  /** What a person types where a required field asks for words, a number or a time the scenario does not give. */
  private static final String TEXT = "状況を確認し記入した";
  private static final String TIME = "2026-11-25T10:00+09:00";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] PROCEDURES = java.util.Arrays.stream(jp.smb.incident.procedure.Procedure.values())
      .map(jp.smb.incident.procedure.Procedure::processKey).toArray(String[]::new);
  private static final FeelEngine FEEL = new ScalaFeelEngineFactory().createInstance();

  private final ProcessEngine engine;
  private final String procedure;
  private final String name;
  private final Map<String, Object> report;
  private final Map<String, Object> facts;
  private List<Map<String, Object>> steps = List.of();
  private String lastNumber;

  private IncidentScenario(ProcessEngine engine, String procedure, String name, Map<String, Object> report,
      Map<String, Object> facts) {
    this.engine = engine;
    this.procedure = procedure;
    this.name = name;
    this.report = report;
    this.facts = facts;
  }

  String name() {
    return name;
  }

  /** The form values of each completed user task of the last run, in order. */
  public List<Map<String, Object>> steps() {
    return steps;
  }

  /** Activities the engine executed for the last incident, its playbooks and reports included: its work. */
  long activityInstances() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(lastNumber)
        .list().stream().mapToLong(instance -> engine.getHistoryService().createHistoricActivityInstanceQuery()
            .processInstanceId(instance.getId()).count())
        .sum();
  }

  void run() {
    String number = engine.getRuntimeService().startProcessInstanceByKey(procedure, new HashMap<>(report))
        .getBusinessKey();
    finish(number);
  }

  /**
   * Works an incident that is already running (a drill started through its API, say) from its open tasks to the
   * end of its procedure, every task answered from its form.
   */
  public void finish(String number) {
    TaskService tasks = engine.getTaskService();
    List<Map<String, Object>> completed = new ArrayList<>();
    for (int round = 0; round < 100; round++) {
      List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(number).list();
      if (open.isEmpty() && runJobs() == 0) {
        // The procedure must have ended; a drill's injects may wait on beside it.
        if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number)
            .processDefinitionKeyIn(PROCEDURES).count() > 0) {
          throw new IllegalStateException(number + " is stuck with no open task");
        }
        steps = completed;
        lastNumber = number;
        return;
      }
      for (Task task : open) {
        Map<String, Object> values = answer(task);
        tasks.complete(task.getId(), values);
        completed.add(values);
        runJobs();
      }
    }
    throw new IllegalStateException(number + " did not end");
  }

  /** The values Tasklist would submit for this task's form. */
  private Map<String, Object> answer(Task task) {
    JsonNode form;
    try (InputStream in = engine.getFormService().getDeployedTaskForm(task.getId())) {
      form = JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<JsonNode> fields = new ArrayList<>();
    collectFields(form.path("components"), fields);
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, Object> current = engine.getTaskService().getVariables(task.getId());
    for (JsonNode field : fields) {
      Object value = valueFor(field, task, current);
      if (value != null) {
        values.put(field.path("key").asText(), value);
      }
    }
    // As form-js: a field its condition hides is not submitted; conditions read the task's variables and the form.
    VariableMap context = Variables.fromMap(engine.getTaskService().getVariables(task.getId()));
    context.putAll(values);
    for (JsonNode field : fields) {
      if (hidden(field, context)) {
        values.remove(field.path("key").asText());
      }
    }
    return values;
  }

  private Object valueFor(JsonNode field, Task task, Map<String, Object> current) {
    String key = field.path("key").asText();
    if (field.path("readonly").asBoolean() || field.path("disabled").asBoolean()) {
      return null;
    }
    if (facts.containsKey(key)) {
      return facts.get(key);
    }
    // Tasklist shows what the incident already knows; a person leaves it as it is.
    if (current.get(key) != null && !(current.get(key) instanceof String text && text.isBlank())
        && !"checklist".equals(field.path("type").asText())) {
      return current.get(key);
    }
    if (field.has("defaultValue")) {
      return JSON.convertValue(field.get("defaultValue"), Object.class);
    }
    if (!field.path("validate").path("required").asBoolean()) {
      return null;
    }
    return switch (field.path("type").asText()) {
      case "textfield", "textarea" -> TEXT;
      case "number" -> 1L;
      case "checkbox" -> true;
      case "datetime" -> "date".equals(field.path("subtype").asText()) ? TIME.substring(0, 10) : TIME;
      case "select", "radio" -> field.path("values").path(0).path("value").asText();
      // As Tasklist sends a checklist: Json, every item ticked.
      case "checklist" -> SpinValues.jsonValue(field.path("values").findValues("value").toString()).create();
      default -> throw new IllegalStateException("the scenario cannot fill the required field " + key + " ("
          + field.path("type").asText() + ") of " + task.getTaskDefinitionKey());
    };
  }

  private static boolean hidden(JsonNode field, VariableMap context) {
    String condition = field.path("conditional").path("hide").asText("");
    if (!condition.startsWith("=")) {
      return false;
    }
    try {
      return Boolean.TRUE.equals(FEEL.evaluateSimpleExpression(condition.substring(1), context.asVariableContext()));
    } catch (RuntimeException unreadable) {
      return false; // form-js shows a field whose condition it cannot evaluate
    }
  }

  private static void collectFields(JsonNode components, List<JsonNode> fields) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key") && !List.of("text", "html", "image", "button").contains(
          component.path("type").asText())) {
        fields.add(component);
      }
      collectFields(component.path("components"), fields);
    }
  }

  private int runJobs() {
    ManagementService management = engine.getManagementService();
    int executed = 0;
    for (List<Job> jobs = management.createJobQuery().messages().executable().list(); !jobs.isEmpty();
        jobs = management.createJobQuery().messages().executable().list()) {
      for (Job job : jobs) {
        management.executeJob(job.getId());
        executed++;
      }
    }
    return executed;
  }
}
