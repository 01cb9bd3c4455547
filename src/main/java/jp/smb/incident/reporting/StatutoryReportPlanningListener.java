package jp.smb.incident.reporting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * On the flow out of the legal clock's decision: plays a round that starts only the reports the law makes
 * mandatory, at once; voluntary reports keep their place in the procedure.
 */
@Component
public class StatutoryReportPlanningListener implements ExecutionListener {

  private final ReportRounds rounds;

  public StatutoryReportPlanningListener(ReportRounds rounds) {
    this.rounds = rounds;
  }

  @Override
  public void notify(DelegateExecution execution) {
    rounds.play(execution, true);
  }
}
