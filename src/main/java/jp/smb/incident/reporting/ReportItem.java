package jp.smb.incident.reporting;

import java.time.Duration;

/**
 * One report to send: a recipient with one deadline becomes one item; one with a 速報 and a 確報 becomes two, so
 * that each has its own task and due date.
 *
 * @param id       stable within an incident, e.g. {@code ppc-preliminary}, {@code ppc-final}, {@code police}
 * @param deadline time from awareness, or null when no deadline applies
 */
public record ReportItem(String id, String recipient, String taskName, boolean mandatory, Duration deadline,
    String basis) {

  public Recipient recipientKind() {
    return Recipient.fromId(recipient);
  }
}
