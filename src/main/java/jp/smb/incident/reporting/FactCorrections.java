package jp.smb.incident.reporting;

import java.util.Map;
import java.util.stream.Collectors;
import jp.smb.incident.procedure.Procedure;
import jp.smb.incident.record.IncidentRecorder;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/**
 * Corrects the facts that decide an incident's reports while it runs: sets them on the incident's procedure, where
 * the legal clock decides again at once, and keeps the correction in the timeline, in one transaction.
 */
@Service
public class FactCorrections {

  private final ProcessEngineConfigurationImpl engine;
  private final RuntimeService runtime;
  private final IncidentRecorder recorder;

  public FactCorrections(ProcessEngineConfigurationImpl engine, RuntimeService runtime, IncidentRecorder recorder) {
    this.engine = engine;
    this.runtime = runtime;
    this.recorder = recorder;
  }

  /**
   * @param variables checked by {@link ReportingFacts#variables}
   * @return false when the incident's procedure has ended, so that there is nothing left to correct
   */
  public boolean correct(String incidentNumber, Map<String, Object> variables, String author) {
    // The caller's right to this incident is checked before (VisibleIncidents); the procedure's own permissions
    // and tenant are the engine's business, as when a form of the procedure sets the same facts.
    return engine.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(() -> {
      boolean tenantCheck = context.isTenantCheckEnabled();
      context.disableTenantCheck();
      try {
        ProcessInstance incident = runtime.createProcessInstanceQuery().processInstanceBusinessKey(incidentNumber)
            .processDefinitionKeyIn(Procedure.processKeys()).active().singleResult();
        if (incident == null) {
          return false;
        }
        recorder.factsCorrected(incidentNumber, author, variables.entrySet().stream()
            .map(fact -> fact.getKey() + " = " + fact.getValue()).collect(Collectors.joining("、")));
        runtime.setVariables(incident.getId(), variables);
        return true;
      } finally {
        context.setTenantCheckEnabled(tenantCheck);
      }
    }));
  }
}
