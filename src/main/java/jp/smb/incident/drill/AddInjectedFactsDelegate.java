package jp.smb.incident.drill;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 分かった事実を加える (drill-injects): the inject of this loop round. */
@Component
public class AddInjectedFactsDelegate implements JavaDelegate {

  private final DrillInjects injects;

  public AddInjectedFactsDelegate(DrillInjects injects) {
    this.injects = injects;
  }

  @Override
  public void execute(DelegateExecution execution) {
    injects.add(execution, execution.getVariable("loopCounter"));
  }
}
