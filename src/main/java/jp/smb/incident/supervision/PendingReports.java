package jp.smb.incident.supervision;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import jp.smb.incident.record.IncidentRecords;
import jp.smb.incident.reporting.Recipient;
import jp.smb.incident.reporting.ReportObligations;
import org.springframework.stereotype.Component;

/**
 * Reports with a deadline that are neither sent nor withdrawn, as the legal clock keeps them (table
 * {@code report_obligation}): one row per report item, so a sent report is no longer pending even while its
 * reminder tasks stay open, and nothing is read from the engine's variables.
 */
@Component
public class PendingReports {

  public record PendingReport(String incidentNumber, String reportItem, String recipientName, OffsetDateTime dueAt) {
  }

  private final ReportObligations obligations;
  private final IncidentRecords records;

  public PendingReports(ReportObligations obligations, IncidentRecords records) {
    this.obligations = obligations;
    this.records = records;
  }

  /** The pending reports of these incidents (the ones the caller may see). */
  public List<PendingReport> of(Collection<String> incidentNumbers, ZoneId zone) {
    return obligations.openOf(incidentNumbers).stream().map(due -> pending(due, zone)).toList();
  }

  /** Pending reports whose deadline has passed, of real incidents still open (drills are never counted). */
  public List<PendingReport> overdue(Instant now, ZoneId zone) {
    List<ReportObligations.Due> overdue = obligations.open(now.atZone(zone).toOffsetDateTime());
    if (overdue.isEmpty()) {
      return List.of();
    }
    Set<String> open = records.openRealAmong(overdue.stream().map(ReportObligations.Due::incidentNumber).toList());
    return overdue.stream().filter(due -> open.contains(due.incidentNumber())).map(due -> pending(due, zone)).toList();
  }

  private static PendingReport pending(ReportObligations.Due due, ZoneId zone) {
    return new PendingReport(due.incidentNumber(), due.item(), Recipient.displayNameOf(due.recipient()),
        due.dueAt().atZoneSameInstant(zone).toOffsetDateTime());
  }
}
