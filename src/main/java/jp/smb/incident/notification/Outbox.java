package jp.smb.incident.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The alert outbox. Written in the transaction of the step that causes an alert, so an alert exists exactly when
 * its step committed; read by the dispatcher after commit. A node claims an entry with a conditional update, so
 * that nodes sharing one database do not send it twice; a claim left by a dead node runs out and is taken again.
 */
@Repository
public class Outbox {

  private final JdbcTemplate jdbc;

  public Outbox(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void enqueue(Alert alert, OffsetDateTime now) {
    jdbc.update("""
        INSERT INTO notification_outbox (created_at, incident_number, task_id, channel, recipient, urgent, subject,
          body, state, attempts, next_attempt_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?)""", now, alert.incidentNumber(), alert.taskId(),
        alert.channel(), alert.recipient(), alert.urgent(), truncate(alert.subject(), 500), truncate(alert.body(), 4000),
        now);
  }

  /** Takes up to {@code limit} entries that are due, for {@code claimFor}; each is returned to one node only. */
  public List<OutboxEntry> claimDue(OffsetDateTime now, Duration claimFor, int limit) {
    List<OutboxEntry> due = jdbc.query("""
        SELECT * FROM notification_outbox
        WHERE (state = 'PENDING' AND next_attempt_at <= ?) OR (state = 'SENDING' AND claimed_until < ?)
        ORDER BY id LIMIT ?""", Outbox::entry, now, now, limit);
    List<OutboxEntry> claimed = new ArrayList<>();
    for (OutboxEntry entry : due) {
      // Taken only if no other node took it since it was read; what is sent does not change with the claim.
      int taken = jdbc.update("""
          UPDATE notification_outbox SET state = 'SENDING', claimed_until = ?
          WHERE id = ? AND ((state = 'PENDING' AND next_attempt_at <= ?) OR (state = 'SENDING' AND claimed_until < ?))""",
          now.plus(claimFor), entry.id(), now, now);
      if (taken == 1) {
        claimed.add(entry);
      }
    }
    return claimed;
  }

  public void sent(long id, OffsetDateTime at) {
    jdbc.update("UPDATE notification_outbox SET state = 'SENT', sent_at = ?, claimed_until = NULL, last_error = NULL,"
        + " attempts = attempts + 1 WHERE id = ?", at, id);
  }

  /** Records a failed attempt: tried again at {@code nextAttemptAt}, or given up (FAILED) for a person to see. */
  public void attemptFailed(long id, String error, OffsetDateTime nextAttemptAt, boolean giveUp) {
    jdbc.update("UPDATE notification_outbox SET state = ?, attempts = attempts + 1, next_attempt_at = ?,"
        + " claimed_until = NULL, last_error = ? WHERE id = ?", giveUp ? "FAILED" : "PENDING", nextAttemptAt,
        truncate(error, 1000), id);
  }

  public List<OutboxEntry> list(String state, int limit) {
    return jdbc.query("SELECT * FROM notification_outbox WHERE state = ? ORDER BY id DESC LIMIT ?", Outbox::entry,
        state, limit);
  }

  public long count(String state) {
    Long count = jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox WHERE state = ?", Long.class, state);
    return count == null ? 0 : count;
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  private static OutboxEntry entry(ResultSet rs, int row) throws SQLException {
    return new OutboxEntry(rs.getLong("id"), rs.getObject("created_at", OffsetDateTime.class),
        rs.getString("incident_number"), rs.getString("task_id"), rs.getString("channel"), rs.getString("recipient"),
        rs.getBoolean("urgent"), rs.getString("subject"), rs.getString("body"), rs.getString("state"),
        rs.getInt("attempts"), rs.getObject("next_attempt_at", OffsetDateTime.class), rs.getString("last_error"),
        rs.getObject("sent_at", OffsetDateTime.class));
  }
}
