package jp.smb.incident.reporting;

import jp.smb.incident.contract.ReportingVariables;
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
    // One completion sets several facts, and the clock's condition may start several rounds before the first of
    // them remembers the facts: only the first decides, the others end at once.
    String facts = LegalClock.fingerprint(execution);
    ReportingVariables.ROUND_HAS_NEW_FACTS.setLocal(execution,
        !facts.equals(ReportingVariables.DECIDED_FACTS.in(execution)));
    ReportingVariables.DECIDED_FACTS.set(execution.getProcessInstance(), facts);
  }
}
