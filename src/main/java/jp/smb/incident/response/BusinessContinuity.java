package jp.smb.incident.response;

import static jp.smb.incident.contract.ResponseVariables.CONTINUITY_REQUESTED;
import static jp.smb.incident.contract.ResponseVariables.CONTINUITY_WATCHED;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The business continuity plan (BCP) when the business is found stopped only after the first response: the
 * type-specific containment activates it when the stop is known at the start; the event subprocess
 * {@code SubProcess_ActivateContinuityWhenBusinessStops} does when it is learned later, in any form or through the
 * API, so that a first answer of 不明 never leaves a stopped business without its plan.
 */
@Component
public class BusinessContinuity {

  /** Condition of 事業の停止が後から分かった. Reads only. */
  public boolean stopFoundLater(VariableScope execution) {
    return CONTINUITY_WATCHED.isTrueIn(execution) && !CONTINUITY_REQUESTED.isTrueIn(execution)
        && stopped(execution);
  }

  static boolean stopped(VariableScope execution) {
    Object answer = execution.getVariable("businessAffected");
    return "yes".equals(answer) || Boolean.TRUE.equals(answer);
  }
}
