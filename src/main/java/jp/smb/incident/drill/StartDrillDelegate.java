package jp.smb.incident.drill;

import jp.smb.incident.contract.DrillVariables;
import jp.smb.incident.contract.IntakeVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 訓練の手順を開始する (start-drill), started from Tasklist: runs in the person's request, so a refusal (not the
 * lead, an unknown scenario or company) is shown to them at once and nothing is started.
 */
@Component
public class StartDrillDelegate implements JavaDelegate {

  private final DrillStarter starter;

  public StartDrillDelegate(DrillStarter starter) {
    this.starter = starter;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DrillStarter.Started drill = starter.start((String) execution.getVariable(DrillVariables.SCENARIO.name()),
        (String) execution.getVariable(IntakeVariables.COMPANY.name()));
    execution.setVariable("drillNumber", drill.drillNumber());
  }
}
