package jp.smb.incident.reporting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * On the flow out of a reporting decision task, once its output mapping has set {@code reportingDecision}: records
 * the reports it decided ({@link ReportPlanning#record}) before the round of reports starts.
 */
@Component
public class ReportPlanningListener implements ExecutionListener {

  private final ReportPlanning planning;

  public ReportPlanningListener(ReportPlanning planning) {
    this.planning = planning;
  }

  @Override
  public void notify(DelegateExecution execution) {
    planning.record(execution);
  }
}
