package jp.smb.incident.procedure;

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
}
