package jp.smb.incident.contract;

import static jp.smb.incident.contract.ProcessVariable.flag;
import static jp.smb.incident.contract.ProcessVariable.text;

/**
 * Owned by reporting: the legal clock's state on the incident (報告義務の判断), read by its diagrams' rounds and by
 * the record. One report's own variables are {@link ReportVariables}.
 */
public final class ReportingVariables {

  /** The deciding facts as the clock last decided on them (a fingerprint, compared, never shown). */
  public static final ProcessVariable<String> DECIDED_FACTS = text("reportingFactsDecided");
  /** Local to a round: whether it has facts no earlier round decided on; the others end at once. */
  public static final ProcessVariable<Boolean> ROUND_HAS_NEW_FACTS = flag("roundHasNewFacts");
  /** The decision in words, for the record's timeline. */
  public static final ProcessVariable<String> SUMMARY = text("reportingSummary");

  private ReportingVariables() {
  }
}
