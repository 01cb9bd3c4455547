package jp.smb.incident.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
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

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<Map<String, Object>>> ITEM_LIST = new TypeReference<>() { };
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
    return SpinValues.jsonValue(write(items.stream().map(ReportPlanning::toMap).toList())).create();
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

    execution.setVariable(ITEMS, SpinValues.jsonValue(write(known.values().stream().map(ReportPlanning::toMap).toList())).create());
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
    if (json == null) {
      return List.of();
    }
    List<ReportItem> items = new ArrayList<>();
    for (Map<String, Object> map : read(json.toString(), ITEM_LIST)) {
      Object deadline = map.get("deadline");
      items.add(new ReportItem((String) map.get("id"), (String) map.get("recipient"), (String) map.get("taskName"),
          Boolean.TRUE.equals(map.get("mandatory")), deadline == null ? null : Duration.parse((String) deadline),
          (String) map.get("basis")));
    }
    return items;
  }

  private static List<String> readIds(VariableScope execution, String name) {
    Object json = execution.getVariable(name);
    return json == null ? List.of() : read(json.toString(), ID_LIST);
  }

  private static Map<String, Object> toMap(ReportItem item) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("id", item.id());
    map.put("recipient", item.recipient());
    map.put("taskName", item.taskName());
    map.put("mandatory", item.mandatory());
    map.put("deadline", item.deadline() == null ? null : item.deadline().toString());
    map.put("basis", item.basis());
    return map;
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
