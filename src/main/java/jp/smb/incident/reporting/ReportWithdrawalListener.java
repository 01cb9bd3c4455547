package jp.smb.incident.reporting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** On 報告を取り下げた: the report's obligation is kept as withdrawn, with the incident lead's reason. */
@Component
public class ReportWithdrawalListener implements ExecutionListener {

  private final ReportObligations obligations;

  public ReportWithdrawalListener(ReportObligations obligations) {
    this.obligations = obligations;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String number = execution.getProcessBusinessKey();
    Object item = execution.getVariable("reportItem");
    if (number != null && item != null) {
      Object reason = execution.getVariable("withdrawalReason");
      obligations.withdrawn(number, item.toString(), reason == null ? null : reason.toString());
    }
  }
}
