package jp.smb.incident.contract;

import static jp.smb.incident.contract.ProcessVariable.flag;

/** Owned by response: whether the business-continuity plan (事業継続計画) is watched and was asked for. */
public final class ResponseVariables {

  /** The incident's business is being watched for a stop found later. */
  public static final ProcessVariable<Boolean> CONTINUITY_WATCHED = flag("continuityPlanWatched");
  /** The plan was asked for once: later stops do not ask again. */
  public static final ProcessVariable<Boolean> CONTINUITY_REQUESTED = flag("continuityPlanRequested");
  /** Local to a round: it is the one that asks (several may start from one completion). */
  public static final ProcessVariable<Boolean> CONTINUITY_FIRST_REQUEST = flag("continuityPlanFirstRequest");

  private ResponseVariables() {
  }
}
