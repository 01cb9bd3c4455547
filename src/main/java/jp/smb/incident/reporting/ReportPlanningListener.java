package jp.smb.incident.reporting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * On the flow out of a procedure's reporting decision task, once its output mapping has set
 * {@code reportingDecision}: plays the round ({@link ReportRounds}) before its reports start, voluntary ones
 * included, in the procedure's order.
 */
@Component
public class ReportPlanningListener implements ExecutionListener {

  private final ReportRounds rounds;

  public ReportPlanningListener(ReportRounds rounds) {
    this.rounds = rounds;
  }

  @Override
  public void notify(DelegateExecution execution) {
    rounds.play(execution, false);
  }
}
