package jp.smb.incident.reporting;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.smb.incident.contract.ReportVariables;
import jp.smb.incident.database.InChunks;
import jp.smb.incident.record.IncidentRecords;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Once at start-up: the reports with a deadline that were running before table {@code report_obligation} existed
 * get their row, so that the board and the overdue figure, which read only the table, still see them.
 */
@Component
public class RunningReportsBackfill {

  private static final Logger LOG = LoggerFactory.getLogger(RunningReportsBackfill.class);

  private final RuntimeService runtimeService;
  private final ReportObligations obligations;
  private final IncidentRecords records;
  private final Clock clock;

  public RunningReportsBackfill(RuntimeService runtimeService, ReportObligations obligations, IncidentRecords records,
      Clock clock) {
    this.runtimeService = runtimeService;
    this.obligations = obligations;
    this.records = records;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void recordRunningReports() {
    Map<String, String> incidentOf = new HashMap<>();
    runtimeService.createProcessInstanceQuery().processDefinitionKey("report-to-recipient").list()
        .forEach((ProcessInstance instance) -> incidentOf.put(instance.getId(), instance.getBusinessKey()));
    Map<String, Map<String, Object>> reports = new HashMap<>();
    for (List<String> ids : InChunks.of(incidentOf.keySet())) {
      runtimeService.createVariableInstanceQuery()
          .processInstanceIdIn(ids.toArray(String[]::new))
          .variableNameIn(ReportVariables.DUE_DATE.name(), ReportVariables.ITEM.name(),
              ReportVariables.RECIPIENT.name(), ReportVariables.TASK_NAME.name(), ReportVariables.MANDATORY.name(),
              ReportVariables.BASIS.name())
          .list().forEach(variable -> reports.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
              .put(variable.getName(), variable.getValue()));
    }
    reports.values().removeIf(values -> !(values.get(ReportVariables.DUE_DATE.name()) instanceof Date)
        || !(values.get(ReportVariables.ITEM.name()) instanceof String)
        || !(values.get(ReportVariables.RECIPIENT.name()) instanceof String));
    if (reports.isEmpty()) {
      return;
    }
    Set<String> sent = records.sentReportItems(new HashSet<>(incidentOf.values()));
    OffsetDateTime now = OffsetDateTime.now(clock);
    reports.forEach((instanceId, values) -> {
      String number = incidentOf.get(instanceId);
      if (number == null) {
        return;
      }
      ReportItem item = new ReportItem(ReportVariables.ITEM.in(values), ReportVariables.RECIPIENT.in(values),
          ReportVariables.TASK_NAME.in(values), Boolean.TRUE.equals(ReportVariables.MANDATORY.in(values)), null,
          ReportVariables.BASIS.in(values));
      OffsetDateTime due = ReportVariables.DUE_DATE.in(values).toInstant().atZone(clock.getZone()).toOffsetDateTime();
      try {
        obligations.recordRunning(number, item, due, sent.contains(number + "/" + item.id()), now);
      } catch (DataAccessException e) {
        // One odd report must not keep the application from starting: it stays in the engine as it is.
        LOG.warn("報告 {} / {} を report_obligation に記録できませんでした: {}", number, item.id(), e.getMessage());
      }
    });
  }
}
