package jp.smb.incident.supervision;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.smb.incident.record.IncidentRecords;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.runtime.VariableInstanceQuery;
import org.springframework.stereotype.Component;

/**
 * Reports with a legal deadline that are not sent yet: the running {@code report-to-recipient} instances whose
 * report item the record has no sent entry for. A report that was sent (late or not) is no longer pending, even
 * while its reminder tasks stay open. Queries run with the caller's authorizations when there is a caller.
 */
@Component
public class PendingReports {

  /** Variables the reporting step sets on each report it prepares ({@code PrepareReportDelegate}). */
  static final String DUE_DATE = "reportDueDate";
  static final String REPORT_ITEM = "reportItem";
  static final String RECIPIENT_NAME = "recipientName";

  public record PendingReport(String incidentNumber, String reportItem, String recipientName, OffsetDateTime dueAt) {
  }

  private final RuntimeService runtimeService;
  private final IncidentRecords records;

  public PendingReports(RuntimeService runtimeService, IncidentRecords records) {
    this.runtimeService = runtimeService;
    this.records = records;
  }

  /** Every pending report with a deadline. */
  public List<PendingReport> all(ZoneId zone) {
    return pending(runtimeService.createVariableInstanceQuery().variableName(DUE_DATE), zone);
  }

  /** Pending reports whose deadline has passed. */
  public List<PendingReport> overdue(Instant now, ZoneId zone) {
    return pending(runtimeService.createVariableInstanceQuery()
        .variableValueLessThan(DUE_DATE, Date.from(now)), zone);
  }

  private List<PendingReport> pending(VariableInstanceQuery dueDates, ZoneId zone) {
    Map<String, Date> dueByInstance = new HashMap<>();
    for (VariableInstance variable : dueDates.list()) {
      if (variable.getValue() instanceof Date due) {
        dueByInstance.put(variable.getProcessInstanceId(), due);
      }
    }
    if (dueByInstance.isEmpty()) {
      return List.of();
    }
    String[] instanceIds = dueByInstance.keySet().toArray(String[]::new);
    Map<String, Map<String, Object>> details = new HashMap<>();
    runtimeService.createVariableInstanceQuery().processInstanceIdIn(instanceIds)
        .variableNameIn(REPORT_ITEM, RECIPIENT_NAME).list()
        .forEach(v -> details.computeIfAbsent(v.getProcessInstanceId(), id -> new HashMap<>()).put(v.getName(), v.getValue()));
    Map<String, String> incidentOf = new HashMap<>();
    runtimeService.createProcessInstanceQuery().processInstanceIds(new HashSet<>(dueByInstance.keySet())).list()
        .forEach((ProcessInstance instance) -> incidentOf.put(instance.getId(), instance.getBusinessKey()));
    Set<String> sent = records.sentReportItems(new HashSet<>(incidentOf.values()));

    List<PendingReport> pending = new ArrayList<>();
    dueByInstance.forEach((instanceId, due) -> {
      String incident = incidentOf.get(instanceId);
      Map<String, Object> values = details.getOrDefault(instanceId, Map.of());
      String item = (String) values.get(REPORT_ITEM);
      if (incident != null && !sent.contains(incident + "/" + item)) {
        pending.add(new PendingReport(incident, item, (String) values.get(RECIPIENT_NAME),
            due.toInstant().atZone(zone).toOffsetDateTime()));
      }
    });
    return pending;
  }
}
