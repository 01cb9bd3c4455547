package jp.smb.incident.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The alert outbox. Written in the transaction of the step that causes an alert, so an alert exists exactly when
 * its step committed; read by the dispatcher after commit. A node claims one entry at a time with a conditional
 * update and a token of its own, so that nodes sharing one database do not send it twice; a claim left by a dead
 * node runs out and is taken again, and the dead node's late update finds the token changed and writes nothing.
 */
@Repository
public class Outbox {

  /** Published with each alert queued: once its step commits, the dispatcher sends it without waiting to poll. */
  public record AlertQueued(String incidentNumber) {
  }

  private final JdbcTemplate jdbc;
  private final ApplicationEventPublisher events;

  public Outbox(JdbcTemplate jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  public void enqueue(Alert alert, OffsetDateTime now) {
    jdbc.update("""
        INSERT INTO notification_outbox (created_at, incident_number, task_id, channel, recipient, urgent, subject,
          body, state, attempts, next_attempt_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?)""", now, alert.incidentNumber(), alert.taskId(),
        alert.channel(), alert.recipient(), alert.urgent(), truncate(alert.subject(), 500), truncate(alert.body(), 4000),
        now);
    events.publishEvent(new AlertQueued(alert.incidentNumber()));
  }

  /** An entry taken by one node, with the token that proves the claim is still its own. */
  public record Claim(OutboxEntry entry, String token) {
  }

  /**
   * Takes the oldest due entry for {@code lease}, or nothing if none is due. One entry at a time, so the lease
   * covers one send and not a batch whose tail another node would take again while this one is still sending.
   */
  public Optional<Claim> claimNext(OffsetDateTime now, Duration lease) {
    List<Long> due = jdbc.queryForList("""
        SELECT id FROM notification_outbox
        WHERE (state = 'PENDING' AND next_attempt_at <= ?) OR (state = 'SENDING' AND claimed_until < ?)
        ORDER BY id LIMIT 10""", Long.class, now, now);
    for (long id : due) {
      String token = UUID.randomUUID().toString();
      // Taken only if no other node took it since it was read.
      int taken = jdbc.update("""
          UPDATE notification_outbox SET state = 'SENDING', claimed_until = ?, claim_token = ?
          WHERE id = ? AND ((state = 'PENDING' AND next_attempt_at <= ?) OR (state = 'SENDING' AND claimed_until < ?))""",
          now.plus(lease), token, id, now, now);
      if (taken == 1) {
        return Optional.of(new Claim(jdbc.queryForObject("SELECT * FROM notification_outbox WHERE id = ?",
            Outbox::entry, id), token));
      }
    }
    return Optional.empty();
  }

  /** Marks the entry sent, if the claim is still the caller's; false if another node has taken it since. */
  public boolean sent(Claim claim, OffsetDateTime at) {
    return jdbc.update("UPDATE notification_outbox SET state = 'SENT', sent_at = ?, claimed_until = NULL,"
        + " claim_token = NULL, last_error = NULL, attempts = attempts + 1 WHERE id = ? AND claim_token = ?", at,
        claim.entry().id(), claim.token()) == 1;
  }

  /**
   * Records a failed attempt: tried again at {@code nextAttemptAt}, or given up (FAILED) for a person to see. False
   * if the claim is no longer the caller's.
   */
  public boolean attemptFailed(Claim claim, String error, OffsetDateTime nextAttemptAt, boolean giveUp) {
    return jdbc.update("UPDATE notification_outbox SET state = ?, attempts = attempts + 1, next_attempt_at = ?,"
        + " claimed_until = NULL, claim_token = NULL, last_error = ? WHERE id = ? AND claim_token = ?",
        giveUp ? "FAILED" : "PENDING", nextAttemptAt, truncate(error, 1000), claim.entry().id(), claim.token()) == 1;
  }

  public List<OutboxEntry> list(String state, int limit) {
    return jdbc.query("SELECT * FROM notification_outbox WHERE state = ? ORDER BY id DESC LIMIT ?", Outbox::entry,
        state, limit);
  }

  /** Every alert of one incident, oldest first. */
  public List<OutboxEntry> ofIncident(String incidentNumber) {
    return jdbc.query("SELECT * FROM notification_outbox WHERE incident_number = ? ORDER BY id", Outbox::entry,
        incidentNumber);
  }

  /** Removes every alert of a drill that is being deleted. */
  public void deleteOfIncident(String incidentNumber) {
    jdbc.update("DELETE FROM notification_outbox WHERE incident_number = ?", incidentNumber);
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
