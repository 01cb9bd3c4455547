package jp.smb.incident.record;

import java.time.Duration;
import java.time.OffsetDateTime;

/** The record of one incident: the ten items of docs/domain.md §Record and the times the response reached each stage. */
public record IncidentRecord(
    String incidentNumber,
    String processInstanceId,
    String procedureKey,
    State state,
    String title,
    String incidentType,
    Integer severityLevel,
    String businessOperator,
    String commissioningParty,
    String responsiblePersons,
    String reportSource,
    String reporter,
    OffsetDateTime detectedAt,
    OffsetDateTime occurredAt,
    OffsetDateTime containedAt,
    OffsetDateTime recoveredAt,
    OffsetDateTime closedAt,
    String eventDescription,
    String suspectedCause,
    String affectedSystemStatus,
    String systemConfiguration,
    String rootCause,
    String preventionMeasures,
    String affectedSystems,
    String perpetrator,
    String method,
    OffsetDateTime createdAt,
    boolean drill) {

  /** 発生→発覚; null until both are known (or when they are out of order). */
  public Duration timeToDetect() {
    return between(occurredAt, detectedAt);
  }

  /** 発覚→初動対応の完了 (the step marked {@code incident.milestone=contained}). */
  public Duration timeToContain() {
    return between(detectedAt, containedAt);
  }

  /** 発覚→復旧 (the step marked {@code incident.milestone=recovered}). */
  public Duration timeToRecover() {
    return between(detectedAt, recoveredAt);
  }

  private static Duration between(OffsetDateTime from, OffsetDateTime to) {
    return from == null || to == null || to.isBefore(from) ? null : Duration.between(from, to);
  }

  public enum State {
    OPEN("対応中"), CLOSED("完了"), NOT_AN_INCIDENT("インシデントに該当しない"), CANCELLED("取り消し");

    private final String label;

    State(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}
