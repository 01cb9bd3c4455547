package jp.smb.incident.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Keeps an incident's reports as JSON variables, for the diagrams: {@code reportItems} (every report the decision
 * has asked for, by id), {@code startedReportItems} and {@code pendingReportItems} (those a reporting round still
 * has to start), so that re-evaluating the decision adds tasks only for new recipients.
 */
@Component
public class ReportPlanning {

  static final String ITEMS = "reportItems";
  static final String STARTED = "startedReportItems";
  static final String PENDING = "pendingReportItems";
  static final String DECIDED = "reportingDecision";
  static final String SUMMARY = "reportingSummary";

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

  /**
   * Output mapping of the decision task: the reports the decision asks for, as JSON. Only reads; the listener on the
   * flow out of the task ({@link ReportPlanningListener}) records them.
   */
  public TypedValue decided(DmnDecisionResult decisionResult) {
    List<ReportItem> items = rules.items(rules.merge(decisionResult.getResultList()));
    return SpinValues.jsonValue(write(items)).create();
  }

  /**
   * Adds the reports of the last decision ({@code reportingDecision}) to the incident's, marks those not started
   * yet as this round's, and writes a summary for people to read ({@code reportingSummary}).
   */
  public void record(VariableScope execution) {
    List<ReportItem> items = readItems(execution, DECIDED);
    Map<String, ReportItem> known = new LinkedHashMap<>();
    readItems(execution, ITEMS).forEach(item -> known.put(item.id(), item));
    items.forEach(item -> known.put(item.id(), item));

    Set<String> started = new LinkedHashSet<>(readIds(execution, STARTED));
    List<String> pending = items.stream().map(ReportItem::id).filter(id -> !started.contains(id)).toList();
    started.addAll(pending);

    execution.setVariable(ITEMS, SpinValues.jsonValue(write(List.copyOf(known.values()))).create());
    execution.setVariable(STARTED, SpinValues.jsonValue(write(started)).create());
    execution.setVariable(PENDING, SpinValues.jsonValue(write(pending)).create());
    execution.setVariable(SUMMARY, items.isEmpty() ? "報告が必要な相手はいません"
        : items.stream().map(i -> i.taskName() + (i.mandatory() ? "（義務）" : "")).collect(Collectors.joining("、")));
  }

  /** The collection of the multi-instance call activity: the ids of the reports this round starts. */
  public List<String> pending(VariableScope execution) {
    return readIds(execution, PENDING);
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
    Object json = execution.getVariable(name);
    return json == null ? List.of() : items(json.toString());
  }

  /** Report items from their JSON, as incidents under way hold them. */
  static List<ReportItem> items(String json) {
    return read(json, ITEM_LIST);
  }

  static String json(List<ReportItem> items) {
    return write(items);
  }

  private static List<String> readIds(VariableScope execution, String name) {
    Object json = execution.getVariable(name);
    return json == null ? List.of() : read(json.toString(), ID_LIST);
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
