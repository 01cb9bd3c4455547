package jp.smb.incident.response;

import java.util.List;
import jp.smb.incident.record.IncidentRecord;
import jp.smb.incident.record.IncidentRecorder;
import jp.smb.incident.record.IncidentRecords;
import jp.smb.incident.company.CompanyScope;
import jp.smb.incident.input.RejectedInputException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Start of 経営者に状況を報告する（随時）: the incident lead reports to the executive whenever there is news, not only
 * when the procedure asks, and the report goes into that incident's record.
 */
@Component
public class ProgressReportListener implements ExecutionListener {

  private static final List<String> REPORTERS = List.of("incident-lead", "executive");

  private final IncidentRecords records;
  private final IncidentRecorder recorder;
  private final FormValues formValues;
  private final CompanyScope scope;

  public ProgressReportListener(IncidentRecords records, IncidentRecorder recorder, FormValues formValues,
      CompanyScope scope) {
    this.records = records;
    this.recorder = recorder;
    this.formValues = formValues;
    this.scope = scope;
  }

  @Override
  public void notify(DelegateExecution execution) {
    formValues.check(execution);
    Authentication caller = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    // A company's role group (acme--incident-lead) counts as the role; the company is checked with the incident.
    if (caller != null && caller.getGroupIds() != null && caller.getGroupIds().stream()
        .noneMatch(group -> REPORTERS.stream().anyMatch(role -> group.equals(role) || group.endsWith("--" + role)))) {
      throw new RejectedInputException("経営者への状況報告は、インシデント対応責任者（incident-lead）が行います");
    }
    String number = text(execution, "incidentNumber");
    String report = text(execution, "progressReport");
    if (number == null || report == null) {
      throw new RejectedInputException("incidentNumber（インシデント番号）と progressReport（報告した内容）を入力してください");
    }
    // Another company's incident is answered as one that does not exist.
    IncidentRecord incident = records.find(number, scope.visibleCompanies()).orElseThrow(() -> new RejectedInputException(
        "インシデント " + number + " が見つかりません（INC-2026-0001 のような番号です）"));
    if (incident.state() != IncidentRecord.State.OPEN) {
      throw new RejectedInputException("インシデント " + number + " は対応を終えています（" + incident.state().label() + "）");
    }
    // Shown with the incident in Cockpit and Tasklist, like every process of that incident.
    execution.setProcessBusinessKey(number);
    recorder.progressReported(number, caller == null ? null : caller.getUserId(), report);
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }
}
