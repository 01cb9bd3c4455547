package jp.smb.incident.drillmode;

/**
 * What marks a drill (訓練) wherever it goes, so that nobody takes it for the real thing: numbers of its own
 * ({@code TRN-2026-0001}) and 【訓練】 before every task name and alert a person reads.
 */
public final class Drills {

  public static final String NUMBER_PREFIX = "TRN";
  public static final String MARK = "【訓練】";

  private Drills() {
  }

  /** Whether an incident number is a drill's; called processes share the number, so they know it too. */
  public static boolean isDrillNumber(String incidentNumber) {
    return incidentNumber != null && incidentNumber.startsWith(NUMBER_PREFIX + "-");
  }

  /** The text with 【訓練】 in front, once. */
  public static String marked(String text) {
    if (text == null) {
      return MARK;
    }
    return text.startsWith(MARK) ? text : MARK + text;
  }

  /** The text without a leading 【訓練】. */
  public static String unmarked(String text) {
    return text != null && text.startsWith(MARK) ? text.substring(MARK.length()) : text;
  }
}
