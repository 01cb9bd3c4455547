package jp.smb.incident.record;

import java.time.OffsetDateTime;

/** The lists that make up a record besides its facts. */
public final class RecordEntries {

  private RecordEntries() {
  }

  /** 対応経過: a completed step, a decision, a report, a note, an evidence event. */
  public record TimelineEntry(long id, OffsetDateTime occurredAt, String kind, String title, String actor,
      String detail) {
  }

  public record ReportSent(long id, String reportItem, String recipient, String title, boolean mandatory,
      OffsetDateTime dueAt, String sentAt, String sentBy, String channel, String reference, String content) {
  }
}
