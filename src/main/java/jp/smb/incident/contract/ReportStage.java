package jp.smb.incident.contract;

import java.util.Arrays;
import java.util.Optional;

/**
 * The stage of a report made in two (速報, then 確報), as its item id carries it ({@code ppc-preliminary},
 * {@code ppc-final}): the one place that suffix is written or read. A report of one stage only has none.
 */
public enum ReportStage {
  PRELIMINARY("-preliminary", "速報"),
  FINAL("-final", "確報");

  private final String suffix;
  private final String label;

  ReportStage(String suffix, String label) {
    this.suffix = suffix;
    this.label = label;
  }

  /** The item id of this stage of the report to a recipient: {@code ppc} → {@code ppc-final}. */
  public String itemOf(String recipient) {
    return recipient + suffix;
  }

  /** 速報 or 確報. */
  public String label() {
    return label;
  }

  /** The stage an item id names; empty for a report made once. */
  public static Optional<ReportStage> of(String itemId) {
    return itemId == null ? Optional.empty()
        : Arrays.stream(values()).filter(stage -> itemId.endsWith(stage.suffix)).findFirst();
  }

  /** The same recipient's report at another stage: {@code ppc-preliminary} → {@code ppc-final}. */
  public static String sameRecipient(String itemId, ReportStage stage) {
    return of(itemId).map(current -> stage.itemOf(itemId.substring(0, itemId.length() - current.suffix.length())))
        .orElseThrow(() -> new IllegalArgumentException(itemId + " is a report made once"));
  }
}
