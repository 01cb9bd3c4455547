package jp.smb.incident.reporting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * On the legal clock's start event: remembers the facts this round decides on, so that the clock's condition is
 * false again until one of them changes (the round's own variables do not set it off once more).
 */
@Component
public class LegalClockListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    execution.getProcessInstance().setVariable(LegalClock.DECIDED_FACTS, LegalClock.fingerprint(execution));
  }
}
