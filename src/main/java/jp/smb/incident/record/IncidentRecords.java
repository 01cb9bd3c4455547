package jp.smb.incident.record;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.smb.incident.record.IncidentRecord.State;
import jp.smb.incident.record.RecordEntries.CustodyEntry;
import jp.smb.incident.record.RecordEntries.Evidence;
import jp.smb.incident.record.RecordEntries.ReportSent;
import jp.smb.incident.record.RecordEntries.TimelineEntry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The record tables, in plain SQL that runs on H2 and PostgreSQL alike. */
@Repository
public class IncidentRecords {

  /** Record columns that steps may fill in as the response learns more, by the variable that carries them. */
  public static final Map<String, String> FACT_COLUMNS = Map.ofEntries(
      Map.entry("eventDescription", "event_description"),
      Map.entry("affectedSystems", "affected_systems"),
      Map.entry("investigationWho", "perpetrator"),
      Map.entry("investigationHow", "method"),
      Map.entry("intrusionPath", "method"),
      Map.entry("suspectedCause", "suspected_cause"),
      Map.entry("affectedSystemStatus", "affected_system_status"),
      Map.entry("systemConfiguration", "system_configuration"),
      Map.entry("rootCause", "root_cause"),
      Map.entry("preventionMeasures", "prevention_measures"),
      Map.entry("responsiblePersons", "responsible_persons"),
      Map.entry("commissioningParty", "commissioning_party"),
      // A type corrected at triage or investigation reclassifies the record too.
      Map.entry("incidentType", "incident_type"));

  private final JdbcTemplate jdbc;

  public IncidentRecords(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void create(IncidentRecord r) {
    jdbc.update("""
        INSERT INTO incident_record (incident_number, process_instance_id, procedure_key, state, title, incident_type,
          severity_level, business_operator, commissioning_party, responsible_persons, report_source, reporter,
          detected_at, occurred_at, event_description, affected_systems, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        r.incidentNumber(), r.processInstanceId(), r.procedureKey(), r.state().name(), r.title(), r.incidentType(),
        r.severityLevel(), r.businessOperator(), r.commissioningParty(), r.responsiblePersons(), r.reportSource(),
        r.reporter(), r.detectedAt(), r.occurredAt(), r.eventDescription(), r.affectedSystems(), r.createdAt());
  }

  public boolean exists(String incidentNumber) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM incident_record WHERE incident_number = ?",
        Integer.class, incidentNumber);
    return count != null && count > 0;
  }

  public Optional<IncidentRecord> find(String incidentNumber) {
    return jdbc.query("SELECT * FROM incident_record WHERE incident_number = ?", IncidentRecords::record,
        incidentNumber).stream().findFirst();
  }

  public List<IncidentRecord> search(State state, Integer severityLevel, String incidentType, int limit) {
    return search(state, severityLevel, incidentType, limit, Optional.empty());
  }

  /**
   * @param companies the companies whose incidents may be listed, besides those of no company; empty: all
   */
  public List<IncidentRecord> search(State state, Integer severityLevel, String incidentType, int limit,
      Optional<Set<String>> companies) {
    StringBuilder sql = new StringBuilder("SELECT * FROM incident_record WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    companyFilter(sql, args, companies);
    if (state != null) {
      sql.append(" AND state = ?");
      args.add(state.name());
    }
    if (severityLevel != null) {
      sql.append(" AND severity_level = ?");
      args.add(severityLevel);
    }
    if (incidentType != null) {
      sql.append(" AND incident_type = ?");
      args.add(incidentType);
    }
    sql.append(" ORDER BY detected_at DESC, incident_number DESC LIMIT ?");
    args.add(limit);
    return jdbc.query(sql.toString(), IncidentRecords::record, args.toArray());
  }

  /** Incidents that ended (closed, not an incident, cancelled) within [from, to), latest first. */
  public List<IncidentRecord> endedBetween(OffsetDateTime from, OffsetDateTime to, int limit,
      Optional<Set<String>> companies) {
    StringBuilder sql = new StringBuilder("SELECT * FROM incident_record WHERE state <> ? AND closed_at >= ? AND closed_at < ?");
    List<Object> args = new ArrayList<>(List.of(State.OPEN.name(), from, to));
    companyFilter(sql, args, companies);
    sql.append(" ORDER BY closed_at DESC, incident_number DESC LIMIT ?");
    args.add(limit);
    return jdbc.query(sql.toString(), IncidentRecords::record, args.toArray());
  }

  /** Incidents detected within [from, to), for the monthly figures. */
  public List<IncidentRecord> detectedBetween(OffsetDateTime from, OffsetDateTime to, Optional<Set<String>> companies) {
    StringBuilder sql = new StringBuilder("SELECT * FROM incident_record WHERE detected_at >= ? AND detected_at < ?");
    List<Object> args = new ArrayList<>(List.of(from, to));
    companyFilter(sql, args, companies);
    sql.append(" ORDER BY detected_at");
    return jdbc.query(sql.toString(), IncidentRecords::record, args.toArray());
  }

  /** Incidents of no company are everyone's (an installation without companies); others only their members'. */
  private static void companyFilter(StringBuilder sql, List<Object> args, Optional<Set<String>> companies) {
    if (companies.isEmpty()) {
      return;
    }
    if (companies.get().isEmpty()) {
      sql.append(" AND company_id IS NULL");
      return;
    }
    sql.append(" AND (company_id IS NULL OR company_id IN (")
        .append(String.join(",", Collections.nCopies(companies.get().size(), "?"))).append("))");
    args.addAll(companies.get());
  }

  /** An incident, if it is of no company or of one of the given companies (empty: any). */
  public Optional<IncidentRecord> find(String incidentNumber, Optional<Set<String>> companies) {
    StringBuilder sql = new StringBuilder("SELECT * FROM incident_record WHERE incident_number = ?");
    List<Object> args = new ArrayList<>(List.of(incidentNumber));
    companyFilter(sql, args, companies);
    return jdbc.query(sql.toString(), IncidentRecords::record, args.toArray()).stream().findFirst();
  }

  /** The companies of the given incidents, in one query; incidents of no company are left out. */
  public Map<String, String> companiesOf(Collection<String> incidentNumbers) {
    Map<String, String> companies = new HashMap<>();
    if (incidentNumbers.isEmpty()) {
      return companies;
    }
    jdbc.query("SELECT incident_number, company_id FROM incident_record WHERE company_id IS NOT NULL"
            + " AND incident_number IN (" + String.join(",", Collections.nCopies(incidentNumbers.size(), "?")) + ")",
        (ResultSet rs) -> {
          companies.put(rs.getString("incident_number"), rs.getString("company_id"));
        }, incidentNumbers.toArray());
    return companies;
  }

  /** The company an incident belongs to; empty for an incident of no company. */
  public Optional<String> companyOf(String incidentNumber) {
    return jdbc.query("SELECT company_id FROM incident_record WHERE incident_number = ?",
        (rs, i) -> Optional.ofNullable(rs.getString("company_id")), incidentNumber).stream().findFirst()
        .flatMap(company -> company);
  }

  public void assignCompany(String incidentNumber, String companyId) {
    jdbc.update("UPDATE incident_record SET company_id = ? WHERE incident_number = ?", companyId, incidentNumber);
  }

  /** Open incidents per 事故レベル; the key is null for those not yet assessed. */
  public Map<Integer, Long> openCountByLevel() {
    Map<Integer, Long> counts = new HashMap<>();
    jdbc.query("SELECT severity_level, COUNT(*) AS n FROM incident_record WHERE state = ? GROUP BY severity_level",
        (ResultSet rs) -> {
          int level = rs.getInt("severity_level");
          counts.put(rs.wasNull() ? null : level, rs.getLong("n"));
        }, State.OPEN.name());
    return counts;
  }

  /** The report items already sent, as "incident number/report item", of the given incidents. */
  public Set<String> sentReportItems(Collection<String> incidentNumbers) {
    if (incidentNumbers.isEmpty()) {
      return Set.of();
    }
    String marks = String.join(",", Collections.nCopies(incidentNumbers.size(), "?"));
    return new HashSet<>(jdbc.query("SELECT incident_number, report_item FROM incident_report_sent"
            + " WHERE incident_number IN (" + marks + ")",
        (rs, i) -> rs.getString("incident_number") + "/" + rs.getString("report_item"), incidentNumbers.toArray()));
  }

  /** Sets the given fact columns (keys of {@link #FACT_COLUMNS}) that have a value, in one statement. */
  public void updateFacts(String incidentNumber, Map<String, String> facts) {
    Map<String, String> columns = new java.util.LinkedHashMap<>();
    facts.forEach((variable, value) -> {
      String column = FACT_COLUMNS.get(variable);
      if (column != null && value != null && !value.isBlank()) {
        columns.put(column, value);
      }
    });
    if (columns.isEmpty()) {
      return;
    }
    List<Object> args = new ArrayList<>(columns.values());
    args.add(incidentNumber);
    jdbc.update("UPDATE incident_record SET " + String.join(" = ?, ", columns.keySet())
        + " = ? WHERE incident_number = ?", args.toArray());
  }

  public void updateSeverity(String incidentNumber, int level) {
    jdbc.update("UPDATE incident_record SET severity_level = ? WHERE incident_number = ?", level, incidentNumber);
  }

  public void updateOccurredAt(String incidentNumber, OffsetDateTime occurredAt) {
    jdbc.update("UPDATE incident_record SET occurred_at = ? WHERE incident_number = ?", occurredAt, incidentNumber);
  }

  public void markContained(String incidentNumber, OffsetDateTime at) {
    jdbc.update("UPDATE incident_record SET contained_at = ? WHERE incident_number = ? AND contained_at IS NULL",
        at, incidentNumber);
  }

  public void markRecovered(String incidentNumber, OffsetDateTime at) {
    jdbc.update("UPDATE incident_record SET recovered_at = ? WHERE incident_number = ?", at, incidentNumber);
  }

  public void close(String incidentNumber, State state, OffsetDateTime at) {
    jdbc.update("UPDATE incident_record SET state = ?, closed_at = ? WHERE incident_number = ?", state.name(), at,
        incidentNumber);
  }

  public void addTimeline(String incidentNumber, OffsetDateTime at, String kind, String title, String actor,
      String detail) {
    jdbc.update("""
        INSERT INTO incident_timeline_entry (incident_number, occurred_at, kind, title, actor, detail)
        VALUES (?, ?, ?, ?, ?, ?)""", incidentNumber, at, kind, title, actor, detail);
  }

  public List<TimelineEntry> timeline(String incidentNumber) {
    return jdbc.query("SELECT * FROM incident_timeline_entry WHERE incident_number = ? ORDER BY occurred_at, id",
        (rs, i) -> new TimelineEntry(rs.getLong("id"), time(rs, "occurred_at"), rs.getString("kind"),
            rs.getString("title"), rs.getString("actor"), rs.getString("detail")), incidentNumber);
  }

  public void addReportSent(String incidentNumber, ReportSent report, OffsetDateTime recordedAt) {
    jdbc.update("""
        INSERT INTO incident_report_sent (incident_number, report_item, recipient, title, mandatory, due_at, sent_at,
          sent_by, channel, reference, content, recorded_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", incidentNumber, report.reportItem(), report.recipient(),
        report.title(), report.mandatory(), report.dueAt(), report.sentAt(), report.sentBy(), report.channel(),
        report.reference(), report.content(), recordedAt);
  }

  public List<ReportSent> reportsSent(String incidentNumber) {
    return jdbc.query("SELECT * FROM incident_report_sent WHERE incident_number = ? ORDER BY id",
        (rs, i) -> new ReportSent(rs.getLong("id"), rs.getString("report_item"), rs.getString("recipient"),
            rs.getString("title"), rs.getBoolean("mandatory"), time(rs, "due_at"), rs.getString("sent_at"),
            rs.getString("sent_by"), rs.getString("channel"), rs.getString("reference"), rs.getString("content")),
        incidentNumber);
  }

  public long addEvidence(String incidentNumber, Evidence e, byte[] content) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var statement = connection.prepareStatement("""
          INSERT INTO incident_evidence (incident_number, description, source, collected_by, collected_at, file_name,
            content_type, size_bytes, sha256, content)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
      statement.setString(1, incidentNumber);
      statement.setString(2, e.description());
      statement.setString(3, e.source());
      statement.setString(4, e.collectedBy());
      statement.setObject(5, e.collectedAt());
      statement.setString(6, e.fileName());
      statement.setString(7, e.contentType());
      statement.setObject(8, e.sizeBytes());
      statement.setString(9, e.sha256());
      statement.setBytes(10, content);
      return statement;
    }, key);
    return key.getKey().longValue();
  }

  public List<Evidence> evidence(String incidentNumber) {
    return jdbc.query("SELECT * FROM incident_evidence WHERE incident_number = ? ORDER BY id", IncidentRecords::evidence,
        incidentNumber);
  }

  public Optional<Evidence> evidence(String incidentNumber, long id) {
    return jdbc.query("SELECT * FROM incident_evidence WHERE incident_number = ? AND id = ?", IncidentRecords::evidence,
        incidentNumber, id).stream().findFirst();
  }

  public byte[] evidenceContent(long id) {
    return jdbc.query("SELECT content FROM incident_evidence WHERE id = ?", (rs, i) -> rs.getBytes("content"), id)
        .stream().findFirst().orElse(null);
  }

  public void addCustody(long evidenceId, OffsetDateTime at, String action, String actor, String detail) {
    jdbc.update("""
        INSERT INTO evidence_custody_entry (evidence_id, occurred_at, action, actor, detail) VALUES (?, ?, ?, ?, ?)""",
        evidenceId, at, action, actor, detail);
  }

  public List<CustodyEntry> custody(long evidenceId) {
    return jdbc.query("SELECT * FROM evidence_custody_entry WHERE evidence_id = ? ORDER BY id",
        (rs, i) -> new CustodyEntry(rs.getLong("id"), rs.getLong("evidence_id"), time(rs, "occurred_at"),
            rs.getString("action"), rs.getString("actor"), rs.getString("detail")), evidenceId);
  }

  /** Removes a record and everything in it, and keeps who did it and why. */
  public void delete(String incidentNumber, String deletedBy, OffsetDateTime at, String reason) {
    jdbc.update("DELETE FROM evidence_custody_entry WHERE evidence_id IN "
        + "(SELECT id FROM incident_evidence WHERE incident_number = ?)", incidentNumber);
    for (String table : List.of("incident_evidence", "incident_report_sent", "incident_timeline_entry",
        "incident_record")) {
      jdbc.update("DELETE FROM " + table + " WHERE incident_number = ?", incidentNumber);
    }
    jdbc.update("INSERT INTO incident_record_deletion (incident_number, deleted_by, deleted_at, reason) "
        + "VALUES (?, ?, ?, ?)", incidentNumber, deletedBy, at, reason);
  }

  public int deletionsOf(String incidentNumber) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM incident_record_deletion WHERE incident_number = ?",
        Integer.class, incidentNumber);
    return count == null ? 0 : count;
  }

  private static IncidentRecord record(ResultSet rs, int row) throws SQLException {
    return new IncidentRecord(rs.getString("incident_number"), rs.getString("process_instance_id"),
        rs.getString("procedure_key"), State.valueOf(rs.getString("state")), rs.getString("title"),
        rs.getString("incident_type"), (Integer) rs.getObject("severity_level", Integer.class),
        rs.getString("business_operator"), rs.getString("commissioning_party"), rs.getString("responsible_persons"),
        rs.getString("report_source"), rs.getString("reporter"), time(rs, "detected_at"), time(rs, "occurred_at"),
        time(rs, "contained_at"), time(rs, "recovered_at"), time(rs, "closed_at"), rs.getString("event_description"),
        rs.getString("suspected_cause"), rs.getString("affected_system_status"), rs.getString("system_configuration"),
        rs.getString("root_cause"), rs.getString("prevention_measures"), rs.getString("affected_systems"),
        rs.getString("perpetrator"), rs.getString("method"), time(rs, "created_at"));
  }

  private static Evidence evidence(ResultSet rs, int row) throws SQLException {
    return new Evidence(rs.getLong("id"), rs.getString("description"), rs.getString("source"),
        rs.getString("collected_by"), time(rs, "collected_at"), rs.getString("file_name"),
        rs.getString("content_type"), (Long) rs.getObject("size_bytes", Long.class), rs.getString("sha256"));
  }

  private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class);
  }
}
