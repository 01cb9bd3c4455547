package jp.smb.incident.record;

import java.time.OffsetDateTime;

/** What the record knows of an incident at intake; the rest is filled in as the response learns it. */
public record NewIncident(
    String incidentNumber,
    String processInstanceId,
    String procedureKey,
    String title,
    String incidentType,
    String businessOperator,
    String commissioningParty,
    String reportSource,
    String reporter,
    OffsetDateTime detectedAt,
    OffsetDateTime occurredAt,
    String eventDescription,
    String affectedSystems,
    OffsetDateTime createdAt,
    boolean drill) {
}
