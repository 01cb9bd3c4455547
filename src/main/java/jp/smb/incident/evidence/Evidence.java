package jp.smb.incident.evidence;

import java.time.OffsetDateTime;

/** A piece of evidence of an incident: a file (with its SHA-256) or a physical item described. */
public record Evidence(long id, String description, String source, String collectedBy, OffsetDateTime collectedAt,
    String fileName, String contentType, Long sizeBytes, String sha256) {
}
