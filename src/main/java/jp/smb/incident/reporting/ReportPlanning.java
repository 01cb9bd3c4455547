package jp.smb.incident.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import java.util.stream.Collectors;
import jp.smb.incident.contract.ReportStage;
import jp.smb.incident.contract.ReportingVariables;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Keeps an incident's reports as JSON variables, for the diagrams: {@code reportItems} (every report the decision
 * has asked for, by id), {@code startedReportItems} and {@code pendingReportItems} (those a reporting round still
 * has to start), so that re-evaluating the decision adds tasks only for new recipients ({@link ReportRound}).
 */
@Component
public class ReportPlanning {

  static final String ITEMS = "reportItems";
  static final String STARTED = "startedReportItems";
  static final String PENDING = "pendingReportItems";
  /** The legal clock's own: its round and a procedure's may run in one transaction, each starting its own. */
  static final String STATUTORY_PENDING = "statutoryPendingReportItems";
  /** Mandatory reports the incident lead was asked to withdraw or keep since the facts stopped requiring them. */
  static final String REVIEWED = "reviewedReportItems";
  static final String DECIDED = "reportingDecision";

  /** Report items as JSON objects, their deadlines as ISO-8601 durations ("PT72H"), as stored since the start. */
  private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  private static final TypeReference<List<ReportItem>> ITEM_LIST = new TypeReference<>() { };
  private static final TypeReference<List<String>> ID_LIST = new TypeReference<>() { };

  private final ReportingRules rules;

  public ReportPlanning(ReportingRules rules) {
    this.rules = rules;
  }

  /** Whether a report is the 確報 of a report made in two: it waits for its 速報 (report-to-recipient's gateway). */
  public boolean isFinal(String reportItem) {
    return ReportStage.of(reportItem).orElse(null) == ReportStage.FINAL;
  }

  /**
   * Output mapping of the decision task: the reports the decision asks for, as JSON. Only reads; the listener on the
   * flow out of the task ({@link ReportPlanningListener}) records them.
   */
  public TypedValue decided(DmnDecisionResult decisionResult) {
    List<ReportItem> items = rules.items(rules.merge(decisionResult.getResultList()));
    return SpinValues.jsonValue(write(items)).create();
  }

  /**
   * What the last decision ({@code reportingDecision}) changes in the incident's reports; reads only.
   *
   * @param statutoryOnly the legal clock's round, which starts mandatory reports only
   */
  public ReportRound decide(VariableScope execution, boolean statutoryOnly) {
    return ReportRound.decide(readItems(execution, ITEMS), readIds(execution, STARTED), readIds(execution, REVIEWED),
        readItems(execution, DECIDED), statutoryOnly);
  }

  /**
   * Keeps a round: every item decided, those started, this round's to start ({@code pendingReportItems}), and a
   * summary for people to read ({@code reportingSummary}).
   */
  public void save(VariableScope execution, ReportRound round, boolean statutoryOnly) {
    List<ReportItem> decided = readItems(execution, DECIDED);
    execution.setVariable(ITEMS, SpinValues.jsonValue(itemsJson(round)).create());
    execution.setVariable(STARTED, SpinValues.jsonValue(write(round.started())).create());
    execution.setVariable(REVIEWED, SpinValues.jsonValue(write(round.reviewed())).create());
    execution.setVariable(statutoryOnly ? STATUTORY_PENDING : PENDING,
        SpinValues.jsonValue(write(round.toStart())).create());
    ReportingVariables.SUMMARY.set(execution, decided.isEmpty() ? "報告が必要な相手はいません"
        : decided.stream().map(i -> i.taskName() + (i.mandatory() ? "（義務）" : "")).collect(Collectors.joining("、")));
  }

  /** The items as the running reports read them ({@code reportItems} of a round). */
  static String itemsJson(ReportRound round) {
    return write(List.copyOf(round.known().values()));
  }

  /** The collection of the multi-instance call activity: the ids of the reports this round starts. */
  public List<String> pending(VariableScope execution) {
    return readIds(execution, PENDING);
  }

  /** The collection of the legal clock's multi-instance call activity: the mandatory reports its round starts. */
  public List<String> statutoryPending(VariableScope execution) {
    return readIds(execution, STATUTORY_PENDING);
  }

  /** Whether a report to this item has been started in some round, e.g. the fact report to partners and customers. */
  public boolean started(VariableScope execution, String id) {
    return readIds(execution, STARTED).contains(id);
  }

  public ReportItem item(VariableScope execution, String id) {
    return readItems(execution, ITEMS).stream().filter(item -> item.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("報告 " + id + " が報告先の一覧 reportItems にありません"));
  }

  private static List<ReportItem> readItems(VariableScope execution, String name) {
    String json = serialized(execution, name);
    return json == null ? List.of() : items(json);
  }

  /**
   * A JSON variable's text, read without deserialising it: a value deserialised in a command is written back at its
   * end if it differs from what is stored, which would undo another round's update in the same command.
   */
  private static String serialized(VariableScope execution, String name) {
    TypedValue value = execution.getVariableTyped(name, false);
    if (value instanceof SerializableValue stored && !stored.isDeserialized()) {
      return stored.getValueSerialized();
    }
    return value == null || value.getValue() == null ? null : value.getValue().toString();
  }

  /** Report items from their JSON, as incidents under way hold them. */
  static List<ReportItem> items(String json) {
    return read(json, ITEM_LIST);
  }

  static String json(List<ReportItem> items) {
    return write(items);
  }

  private static List<String> readIds(VariableScope execution, String name) {
    String json = serialized(execution, name);
    return json == null ? List.of() : read(json, ID_LIST);
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> T read(String json, TypeReference<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("報告の一覧を読めません: " + json, e);
    }
  }
}
