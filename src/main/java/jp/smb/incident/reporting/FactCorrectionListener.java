package jp.smb.incident.reporting;

import java.util.Map;
import jp.smb.incident.contract.ResponseRole;
import jp.smb.incident.input.RejectedInputException;
import jp.smb.incident.record.IncidentRecord;
import jp.smb.incident.response.IncidentHelperStart;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of 事実を更新する: the incident lead (or a company's lead, for its own incidents) corrects the facts that
 * decide reporting from Tasklist, as {@code PATCH /api/incidents/{number}/facts} does; a refusal says why and keeps
 * nothing.
 */
@Component
public class FactCorrectionListener implements ExecutionListener {

  private final IncidentHelperStart start;
  private final FactCorrections corrections;

  public FactCorrectionListener(IncidentHelperStart start, FactCorrections corrections) {
    this.start = start;
    this.corrections = corrections;
  }

  @Override
  public void notify(DelegateExecution execution) {
    IncidentRecord incident = start.openIncident(execution,
        "事実の更新は、インシデント対応責任者（incident-lead）が行います", true, ResponseRole.INCIDENT_LEAD);
    Map<String, Object> answers = ReportingFacts.formAnswers(execution.getVariables());
    if (answers.isEmpty()) {
      throw new RejectedInputException("変える事実を 1 つ以上入力してください");
    }
    Map<String, Object> facts;
    try {
      facts = ReportingFacts.variables(answers);
    } catch (IllegalArgumentException wrongFact) {
      throw new RejectedInputException(wrongFact.getMessage());
    }
    if (!corrections.correct(incident.incidentNumber(), facts, IncidentHelperStart.userId(execution))) {
      throw new RejectedInputException("インシデント " + incident.incidentNumber() + " は対応を終えているため、事実を更新できません");
    }
    // Shown with the incident in Cockpit, like every process of that incident.
    execution.setProcessBusinessKey(incident.incidentNumber());
  }
}
