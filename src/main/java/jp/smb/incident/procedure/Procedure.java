package jp.smb.incident.procedure;

import java.util.Arrays;
import java.util.Optional;

/** The incident procedures an organisation can run; the constant names match their process ids. */
public enum Procedure {
  /** IPA's three stages (docs/domain.md §Procedures), for a company with people in each role. */
  IPA_INCIDENT_RESPONSE("ipa-incident-response", "セキュリティインシデント対応（IPA 3段階）"),
  /** The six-step plan (docs/domain.md §Procedures), for a sole proprietor or a small CSIRT. */
  SIX_STEP_INCIDENT_RESPONSE("six-step-incident-response", "情報セキュリティインシデント対応（6ステップ）");

  private final String processKey;
  private final String displayName;

  Procedure(String processKey, String displayName) {
    this.processKey = processKey;
    this.displayName = displayName;
  }

  public String processKey() {
    return processKey;
  }

  public String displayName() {
    return displayName;
  }

  /** The procedure of a process key; empty for any other process (a playbook, a report). */
  public static Optional<Procedure> of(String processKey) {
    return Arrays.stream(values()).filter(procedure -> procedure.processKey.equals(processKey)).findFirst();
  }

  /** The Japanese name of a procedure's process key, or the key itself for another process. */
  public static String displayNameOf(String processKey) {
    return of(processKey).map(Procedure::displayName).orElse(processKey);
  }

  /** Every procedure's process key, for queries over incidents of either procedure. */
  public static String[] processKeys() {
    return Arrays.stream(values()).map(Procedure::processKey).toArray(String[]::new);
  }
}
