package jp.smb.incident.drill;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import jp.smb.incident.drillmode.Drills;
import jp.smb.incident.notification.Outbox;
import jp.smb.incident.procedure.AsTheApplication;
import jp.smb.incident.procedure.Procedure;
import jp.smb.incident.record.IncidentRecorder;
import jp.smb.incident.record.IncidentRecords;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/**
 * Ends a drill: stopped (its processes ended, its record kept as 取り消し for the scorecard) or deleted with
 * everything it wrote (engine history, record, obligations, evidence, alerts). Who may do this is checked by the
 * caller; the engine's own permissions are not the lead's to hold, so this runs as the engine.
 */
@Service
public class DrillCleanup {

  private final RuntimeService runtime;
  private final HistoryService history;
  private final IdentityService identity;
  private final IncidentRecords records;
  private final IncidentRecorder recorder;
  private final Outbox outbox;
  private final Clock clock;

  public DrillCleanup(RuntimeService runtime, HistoryService history, IdentityService identity,
      IncidentRecords records, IncidentRecorder recorder, Outbox outbox, Clock clock) {
    this.runtime = runtime;
    this.history = history;
    this.identity = identity;
    this.records = records;
    this.recorder = recorder;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** Whether the drill's procedure is still running (its injects may wait on after it ended). */
  public boolean running(String number) {
    return AsTheApplication.get(identity, () -> runtime.createProcessInstanceQuery()
        .processInstanceBusinessKey(number).processDefinitionKeyIn(Procedure.processKeys()).count()) > 0;
  }

  /** Stops every process of the drill; false if its procedure was not running. */
  public boolean stop(String number, String by) {
    return stop(number, by, null);
  }

  /**
   * Stops every process of the drill but {@code except} (the process asking, which ends by itself); false if its
   * procedure was not running.
   */
  public boolean stop(String number, String by, String except) {
    requireDrill(number);
    boolean procedureRunning = running(number);
    // The roots only: a procedure takes its called reports and playbooks with it.
    List<String> roots = AsTheApplication.get(identity, () -> runtime.createProcessInstanceQuery()
        .processInstanceBusinessKey(number).rootProcessInstances().list()).stream().map(ProcessInstance::getId)
        .filter(id -> !id.equals(except)).toList();
    if (roots.isEmpty()) {
      return false;
    }
    AsTheApplication.run(identity,
        () -> roots.forEach(id -> runtime.deleteProcessInstanceIfExists(id, "訓練を終了した", true, true, false, false)));
    if (!procedureRunning) {
      return false;
    }
    records.cancel(number, OffsetDateTime.now(clock));
    recorder.noteAdded(number, by, Drills.MARK + "訓練を終了した");
    return true;
  }

  /** Deletes the drill and everything it wrote, stopping it first if it still runs. */
  public void delete(String number, String by) {
    stop(number, by);
    List<String> ids = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number).list()
        .stream().map(HistoricProcessInstance::getId).toList();
    AsTheApplication.run(identity, () -> {
      for (String id : ids) {
        // Decisions and the operation log are kept apart from the process history: they go one by one.
        history.createHistoricDecisionInstanceQuery().processInstanceId(id).list()
            .forEach(decision -> history.deleteHistoricDecisionInstanceByInstanceId(decision.getId()));
        history.createUserOperationLogQuery().processInstanceId(id).list()
            .forEach(entry -> history.deleteUserOperationLogEntry(entry.getId()));
      }
      if (!ids.isEmpty()) {
        history.deleteHistoricProcessInstancesIfExists(ids);
      }
    });
    outbox.deleteOfIncident(number);
    records.purgeDrill(number);
  }

  private static void requireDrill(String number) {
    if (!Drills.isDrillNumber(number)) {
      throw new IllegalArgumentException(number + " is not a drill");
    }
  }


}
