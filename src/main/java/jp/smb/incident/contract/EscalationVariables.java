package jp.smb.incident.contract;

import static jp.smb.incident.contract.ProcessVariable.text;

/**
 * Owned by escalation: set on a late step's escalation task (期限を過ぎた…に対応する) when a cycle fires, read by
 * the diagrams' candidate groups and by the alert.
 */
public final class EscalationVariables {

  /** The group the late step is escalated to this round (the diagrams' {@code candidateGroups="${escalationRole}"}). */
  public static final ProcessVariable<String> ROLE = text("escalationRole");
  /** Which round of the chain this is, from 1. */
  public static final ProcessVariable<Integer> ROUND = ProcessVariable.of("escalationRound", Integer.class);
  /** On the late task itself: how many rounds have fired for it. */
  public static final ProcessVariable<Integer> ROUNDS = ProcessVariable.of("escalationRounds", Integer.class);
  /** What to do, in words, for the person the escalation reaches (shown in the form and the alert). */
  public static final ProcessVariable<String> ADVICE = text("escalationAdvice");

  private EscalationVariables() {
  }
}
