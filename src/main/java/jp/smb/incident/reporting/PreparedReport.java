package jp.smb.incident.reporting;

import java.time.OffsetDateTime;

/**
 * What the task for one report shows and when it is due.
 *
 * @param dueAt      null when no deadline applies
 * @param remindAt   when the incident lead is reminded; null when no deadline applies
 */
public record PreparedReport(String taskName, String recipient, String recipientName, boolean mandatory,
    String basis, OffsetDateTime dueAt, OffsetDateTime remindAt, String dueLabel, String contact, String draft,
    boolean lawyerReviewRequired) {
}
