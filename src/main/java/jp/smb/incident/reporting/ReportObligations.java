package jp.smb.incident.reporting;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import jp.smb.incident.database.InChunks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The legal clock's table ({@code report_obligation}): each report an incident has opened and what became of it. */
@Repository
public class ReportObligations {

  /**
   * One report item of an incident, as {@code GET /api/incidents/{number}/obligations} answers it.
   *
   * @param state            {@code open}, {@code sent} or {@code withdrawn}
   * @param withdrawalReason why the incident lead withdrew it, once withdrawn
   */
  public record Obligation(String item, String recipient, boolean mandatory, String basis, OffsetDateTime awareAt,
      OffsetDateTime dueAt, String state, OffsetDateTime sentAt, String withdrawalReason) {

    public boolean sent() {
      return "sent".equals(state);
    }
  }

  private final JdbcClient jdbc;

  public ReportObligations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A report opened, or a running one that now goes on as {@code item} ({@code previousItem}, upgraded in place). */
  public void opened(String incidentNumber, String previousItem, ReportItem item, OffsetDateTime awareAt,
      OffsetDateTime dueAt, OffsetDateTime now) {
    int updated = jdbc.sql("""
            UPDATE report_obligation SET item = :item, mandatory = :mandatory, basis = :basis, aware_at = :awareAt,
              due_at = :dueAt WHERE incident_number = :number AND item = :previous""")
        .param("item", item.id()).param("mandatory", item.mandatory()).param("basis", item.basis())
        .param("awareAt", awareAt).param("dueAt", dueAt).param("number", incidentNumber)
        .param("previous", previousItem).update();
    if (updated == 0) {
      jdbc.sql("""
              INSERT INTO report_obligation (incident_number, item, recipient, mandatory, basis, aware_at, due_at,
                state, opened_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?)""")
          .params(incidentNumber, item.id(), item.recipient(), item.mandatory(), item.basis(), awareAt, dueAt, now)
          .update();
    }
  }

  public void sent(String incidentNumber, String item, OffsetDateTime sentAt) {
    jdbc.sql("UPDATE report_obligation SET state = 'sent', sent_at = ? WHERE incident_number = ? AND item = ?")
        .params(sentAt, incidentNumber, item).update();
  }

  /** The incident lead withdrew a report the facts no longer require, with the reason. */
  public void withdrawn(String incidentNumber, String item, String reason) {
    jdbc.sql("UPDATE report_obligation SET state = 'withdrawn', withdrawal_reason = ? WHERE incident_number = ? AND item = ?")
        .params(reason, incidentNumber, item).update();
  }

  /** A report with a deadline that is neither sent nor withdrawn. */
  public record Due(String incidentNumber, String item, String recipient, OffsetDateTime dueAt) {
  }

  /** Every report with a deadline still open, or only those due before {@code before} when it is given. */
  public List<Due> open(OffsetDateTime before) {
    return jdbc.sql("SELECT incident_number, item, recipient, due_at FROM report_obligation"
            + " WHERE state = 'open' AND due_at IS NOT NULL" + (before == null ? "" : " AND due_at < :before"))
        .params(before == null ? java.util.Map.of() : java.util.Map.of("before", before))
        .query(Due.class).list();
  }

  /** The open reports with a deadline of these incidents only: what the board shows beside them. */
  public List<Due> openOf(Collection<String> incidentNumbers) {
    List<Due> due = new ArrayList<>();
    for (List<String> numbers : InChunks.of(incidentNumbers)) {
      due.addAll(jdbc.sql("SELECT incident_number, item, recipient, due_at FROM report_obligation"
              + " WHERE state = 'open' AND due_at IS NOT NULL AND incident_number IN (:numbers)")
          .param("numbers", numbers).query(Due.class).list());
    }
    return due;
  }

  /**
   * A report the engine was already running before this table existed: recorded as it stands, unless a row for it
   * is there (another node may do the same at the same time).
   */
  public void recordRunning(String incidentNumber, ReportItem item, OffsetDateTime dueAt, boolean sent,
      OffsetDateTime now) {
    try {
      jdbc.sql("""
              INSERT INTO report_obligation (incident_number, item, recipient, mandatory, basis, due_at, state, opened_at)
              SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS
                (SELECT 1 FROM report_obligation WHERE incident_number = ? AND item = ?)""")
          .params(incidentNumber, item.id(), item.recipient(), item.mandatory(), item.basis(), dueAt,
              sent ? "sent" : "open", now, incidentNumber, item.id())
          .update();
    } catch (org.springframework.dao.DuplicateKeyException alreadyRecorded) {
      // The other node was first: its row stands.
    }
  }

  public List<Obligation> of(String incidentNumber) {
    return jdbc.sql("""
            SELECT item, recipient, mandatory, basis, aware_at, due_at, state, sent_at, withdrawal_reason
            FROM report_obligation
            WHERE incident_number = ? ORDER BY mandatory DESC, CASE WHEN due_at IS NULL THEN 1 ELSE 0 END, due_at, opened_at, item""")
        .param(incidentNumber).query(Obligation.class).list();
  }
}
