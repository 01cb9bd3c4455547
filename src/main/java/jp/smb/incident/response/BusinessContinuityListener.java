package jp.smb.incident.response;

import jp.smb.incident.contract.ResponseVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * On the start of the type-specific containment and of 事業の停止が後から分かった: remembers that the BCP has been
 * decided on, and asked for if the business is stopped, so that it is asked for once ({@link BusinessContinuity}).
 */
@Component
public class BusinessContinuityListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    // Several variables set at once may start several rounds before the first sets REQUESTED: only it asks.
    ResponseVariables.CONTINUITY_FIRST_REQUEST.setLocal(execution,
        !ResponseVariables.CONTINUITY_REQUESTED.isTrueIn(execution));
    ResponseVariables.CONTINUITY_WATCHED.set(execution.getProcessInstance(), true);
    if (BusinessContinuity.stopped(execution)) {
      ResponseVariables.CONTINUITY_REQUESTED.set(execution.getProcessInstance(), true);
    }
  }
}
