package jp.smb.incident.notification;

import java.time.OffsetDateTime;

/** An alert in the outbox with its delivery state: PENDING, SENDING, SENT or FAILED (given up, needs a person). */
public record OutboxEntry(long id, OffsetDateTime createdAt, String incidentNumber, String taskId, String channel,
    String recipient, boolean urgent, String subject, String body, String state, int attempts,
    OffsetDateTime nextAttemptAt, String lastError, OffsetDateTime sentAt) {
}
