package jp.smb.incident.contract;

import static jp.smb.incident.contract.ProcessVariable.text;

/** Owned by severity: what the 事故レベル decision (incident-severity) leaves on the incident. */
public final class SeverityVariables {

  /** 事故レベル 0–3 (an integer from the table; a form or the REST API may send another number type). */
  public static final ProcessVariable<Number> LEVEL = ProcessVariable.of("severityLevel", Number.class);
  /** The role responsible at that level (a group id). */
  public static final ProcessVariable<String> RESPONSIBLE_GROUP = text("responsibleGroup");

  private SeverityVariables() {
  }
}
