package jp.smb.incident.response;

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

  /** Set once the containment has decided on the BCP: from then on a stop is "found later". */
  static final String WATCHED = "continuityPlanWatched";
  /** Set once the BCP has been asked for, by the containment or later. */
  static final String REQUESTED = "continuityPlanRequested";
  /** Local to 事業の停止が後から分かった: whether this is the first request. */
  static final String FIRST_REQUEST = "continuityPlanFirstRequest";

  /** Condition of 事業の停止が後から分かった. Reads only. */
  public boolean stopFoundLater(VariableScope execution) {
    return Boolean.TRUE.equals(execution.getVariable(WATCHED))
        && !Boolean.TRUE.equals(execution.getVariable(REQUESTED)) && stopped(execution);
  }

  static boolean stopped(VariableScope execution) {
    Object answer = execution.getVariable("businessAffected");
    return "yes".equals(answer) || Boolean.TRUE.equals(answer);
  }
}
