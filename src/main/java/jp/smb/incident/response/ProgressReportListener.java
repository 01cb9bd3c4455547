package jp.smb.incident.response;

import jp.smb.incident.contract.ResponseRole;
import jp.smb.incident.input.RejectedInputException;
import jp.smb.incident.record.IncidentRecord;
import jp.smb.incident.record.IncidentRecorder;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of 経営者に状況を報告する（随時）: the incident lead reports to the executive whenever there is news, not only
 * when the procedure asks, and the report goes into that incident's record.
 */
@Component
public class ProgressReportListener implements ExecutionListener {

  private final IncidentHelperStart start;
  private final IncidentRecorder recorder;

  public ProgressReportListener(IncidentHelperStart start, IncidentRecorder recorder) {
    this.start = start;
    this.recorder = recorder;
  }

  @Override
  public void notify(DelegateExecution execution) {
    IncidentRecord incident = start.openIncident(execution,
        "経営者への状況報告は、インシデント対応責任者（incident-lead）が行います", false, ResponseRole.INCIDENT_LEAD,
        ResponseRole.EXECUTIVE);
    String report = IncidentHelperStart.text(execution, "progressReport");
    if (report == null) {
      throw new RejectedInputException("incidentNumber（インシデント番号）と progressReport（報告した内容）を入力してください");
    }
    // Shown with the incident in Cockpit and Tasklist, like every process of that incident.
    execution.setProcessBusinessKey(incident.incidentNumber());
    recorder.progressReported(incident.incidentNumber(), IncidentHelperStart.userId(execution), report);
  }
}
