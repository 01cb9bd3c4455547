package jp.smb.incident.evidence;

import java.time.OffsetDateTime;

/** One link of an evidence item's chain of custody: collected, downloaded, handed over. */
public record CustodyEntry(long id, long evidenceId, OffsetDateTime occurredAt, String action, String actor,
    String detail) {
}
