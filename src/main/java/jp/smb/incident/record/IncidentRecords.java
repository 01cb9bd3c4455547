package jp.smb.incident.record;

import java.sql.ResultSet;
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
import jp.smb.incident.record.RecordEntries.ReportSent;
import jp.smb.incident.record.RecordEntries.TimelineEntry;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
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

  private static final RowMapper<IncidentRecord> RECORD = new DataClassRowMapper<>(IncidentRecord.class);
  private static final RowMapper<TimelineEntry> TIMELINE = new DataClassRowMapper<>(TimelineEntry.class);
  private static final RowMapper<ReportSent> REPORT = new DataClassRowMapper<>(ReportSent.class);

  private final JdbcClient jdbc;

  public IncidentRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A new record, open, with what is known at intake. */
  public void create(NewIncident incident) {
    jdbc.sql("""
            INSERT INTO incident_record (incident_number, process_instance_id, procedure_key, state, title,
              incident_type, business_operator, commissioning_party, report_source, reporter, detected_at,
              occurred_at, event_description, affected_systems, created_at, drill)
            VALUES (:incidentNumber, :processInstanceId, :procedureKey, 'OPEN', :title, :incidentType,
              :businessOperator, :commissioningParty, :reportSource, :reporter, :detectedAt, :occurredAt,
              :eventDescription, :affectedSystems, :createdAt, :drill)""")
        .paramSource(incident).update();
  }

  public boolean exists(String incidentNumber) {
    return jdbc.sql("SELECT COUNT(*) FROM incident_record WHERE incident_number = ?").param(incidentNumber)
        .query(Integer.class).single() > 0;
  }

  public Optional<IncidentRecord> find(String incidentNumber) {
    return jdbc.sql("SELECT * FROM incident_record WHERE incident_number = ?").param(incidentNumber).query(RECORD)
        .optional();
  }

  public List<IncidentRecord> search(State state, Integer severityLevel, String incidentType, int limit) {
    return search(state, severityLevel, incidentType, limit, Optional.empty(), false);
  }

  /**
   * @param companies the companies whose incidents may be listed, besides those of no company; empty: all
   * @param drills    drills too; without, real incidents only
   */
  public List<IncidentRecord> search(State state, Integer severityLevel, String incidentType, int limit,
      Optional<Set<String>> companies, boolean drills) {
    StringBuilder sql = new StringBuilder("SELECT * FROM incident_record WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    companyFilter(sql, args, companies);
    drillFilter(sql, drills);
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
    return jdbc.sql(sql.toString()).params(args).query(RECORD).list();
  }

  /** Incidents that ended (closed, not an incident, cancelled) within [from, to), latest first. */
  public List<IncidentRecord> endedBetween(OffsetDateTime from, OffsetDateTime to, int limit,
      Optional<Set<String>> companies, boolean drills) {
    StringBuilder sql = new StringBuilder("SELECT * FROM incident_record WHERE state <> ? AND closed_at >= ? AND closed_at < ?");
    List<Object> args = new ArrayList<>(List.of(State.OPEN.name(), from, to));
    companyFilter(sql, args, companies);
    drillFilter(sql, drills);
    sql.append(" ORDER BY closed_at DESC, incident_number DESC LIMIT ?");
    args.add(limit);
    return jdbc.sql(sql.toString()).params(args).query(RECORD).list();
  }

  /** Incidents detected within [from, to), for the monthly figures. */
  public List<IncidentRecord> detectedBetween(OffsetDateTime from, OffsetDateTime to, Optional<Set<String>> companies,
      boolean drills) {
    StringBuilder sql = new StringBuilder("SELECT * FROM incident_record WHERE detected_at >= ? AND detected_at < ?");
    List<Object> args = new ArrayList<>(List.of(from, to));
    companyFilter(sql, args, companies);
    drillFilter(sql, drills);
    sql.append(" ORDER BY detected_at");
    return jdbc.sql(sql.toString()).params(args).query(RECORD).list();
  }

  /** Drills are left out of lists and figures unless asked for: a drill must never count as a real incident. */
  private static void drillFilter(StringBuilder sql, boolean drills) {
    if (!drills) {
      sql.append(" AND drill = FALSE");
    }
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
    return jdbc.sql(sql.toString()).params(args).query(RECORD).optional();
  }

  /** The companies of the given incidents, in one query; incidents of no company are left out. */
  public Map<String, String> companiesOf(Collection<String> incidentNumbers) {
    Map<String, String> companies = new HashMap<>();
    if (incidentNumbers.isEmpty()) {
      return companies;
    }
    jdbc.sql("SELECT incident_number, company_id FROM incident_record WHERE company_id IS NOT NULL"
            + " AND incident_number IN (" + String.join(",", Collections.nCopies(incidentNumbers.size(), "?")) + ")")
        .params(List.copyOf(incidentNumbers))
        .query((ResultSet rs) -> {
          companies.put(rs.getString("incident_number"), rs.getString("company_id"));
        });
    return companies;
  }

  /** The company an incident belongs to; empty for an incident of no company. */
  public Optional<String> companyOf(String incidentNumber) {
    return jdbc.sql("SELECT company_id FROM incident_record WHERE incident_number = ?").param(incidentNumber)
        .query((rs, i) -> Optional.ofNullable(rs.getString("company_id"))).optional().flatMap(company -> company);
  }

  public void assignCompany(String incidentNumber, String companyId) {
    jdbc.sql("UPDATE incident_record SET company_id = ? WHERE incident_number = ?").params(companyId, incidentNumber)
        .update();
  }

  /** Open real incidents per 事故レベル (drills left out); the key is null for those not yet assessed. */
  public Map<Integer, Long> openCountByLevel() {
    Map<Integer, Long> counts = new HashMap<>();
    jdbc.sql("SELECT severity_level, COUNT(*) AS n FROM incident_record WHERE state = ? AND drill = FALSE"
            + " GROUP BY severity_level")
        .param(State.OPEN.name())
        .query((ResultSet rs) -> {
          int level = rs.getInt("severity_level");
          counts.put(rs.wasNull() ? null : level, rs.getLong("n"));
        });
    return counts;
  }

  /** Which of these incidents are still open and real (not drills): what the metrics count. */
  public Set<String> openRealAmong(Collection<String> incidentNumbers) {
    if (incidentNumbers.isEmpty()) {
      return Set.of();
    }
    Set<String> distinct = new HashSet<>(incidentNumbers);
    String marks = String.join(",", Collections.nCopies(distinct.size(), "?"));
    List<Object> params = new ArrayList<>(distinct);
    params.add(State.OPEN.name());
    return new HashSet<>(jdbc.sql("SELECT incident_number FROM incident_record WHERE incident_number IN (" + marks
        + ") AND state = ? AND drill = FALSE").params(params).query(String.class).list());
  }

  /** The report items already sent, as "incident number/report item", of the given incidents. */
  public Set<String> sentReportItems(Collection<String> incidentNumbers) {
    if (incidentNumbers.isEmpty()) {
      return Set.of();
    }
    String marks = String.join(",", Collections.nCopies(incidentNumbers.size(), "?"));
    return new HashSet<>(jdbc.sql("SELECT incident_number, report_item FROM incident_report_sent"
            + " WHERE incident_number IN (" + marks + ")").params(List.copyOf(incidentNumbers))
        .query((rs, i) -> rs.getString("incident_number") + "/" + rs.getString("report_item")).list());
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
    jdbc.sql("UPDATE incident_record SET " + String.join(" = ?, ", columns.keySet()) + " = ? WHERE incident_number = ?")
        .params(args).update();
  }

  public void updateSeverity(String incidentNumber, int level) {
    jdbc.sql("UPDATE incident_record SET severity_level = ? WHERE incident_number = ?").params(level, incidentNumber)
        .update();
  }

  public void updateOccurredAt(String incidentNumber, OffsetDateTime occurredAt) {
    jdbc.sql("UPDATE incident_record SET occurred_at = ? WHERE incident_number = ?").params(occurredAt, incidentNumber)
        .update();
  }

  public void markContained(String incidentNumber, OffsetDateTime at) {
    jdbc.sql("UPDATE incident_record SET contained_at = ? WHERE incident_number = ? AND contained_at IS NULL")
        .params(at, incidentNumber).update();
  }

  public void markRecovered(String incidentNumber, OffsetDateTime at) {
    jdbc.sql("UPDATE incident_record SET recovered_at = ? WHERE incident_number = ?").params(at, incidentNumber).update();
  }

  public void close(String incidentNumber, State state, OffsetDateTime at) {
    jdbc.sql("UPDATE incident_record SET state = ?, closed_at = ? WHERE incident_number = ?")
        .params(state.name(), at, incidentNumber).update();
  }

  public void addTimeline(String incidentNumber, OffsetDateTime at, String kind, String title, String actor,
      String detail) {
    jdbc.sql("""
        INSERT INTO incident_timeline_entry (incident_number, occurred_at, kind, title, actor, detail)
        VALUES (?, ?, ?, ?, ?, ?)""").params(incidentNumber, at, kind, title, actor, detail).update();
  }

  public List<TimelineEntry> timeline(String incidentNumber) {
    return jdbc.sql("SELECT * FROM incident_timeline_entry WHERE incident_number = ? ORDER BY occurred_at, id")
        .param(incidentNumber).query(TIMELINE).list();
  }

  public void addReportSent(String incidentNumber, ReportSent report, OffsetDateTime recordedAt) {
    jdbc.sql("""
            INSERT INTO incident_report_sent (incident_number, report_item, recipient, title, mandatory, due_at,
              sent_at, sent_by, channel, reference, content, recorded_at)
            VALUES (:incidentNumber, :reportItem, :recipient, :title, :mandatory, :dueAt, :sentAt, :sentBy, :channel,
              :reference, :content, :recordedAt)""")
        .param("incidentNumber", incidentNumber).param("reportItem", report.reportItem())
        .param("recipient", report.recipient()).param("title", report.title()).param("mandatory", report.mandatory())
        .param("dueAt", report.dueAt()).param("sentAt", report.sentAt()).param("sentBy", report.sentBy())
        .param("channel", report.channel()).param("reference", report.reference()).param("content", report.content())
        .param("recordedAt", recordedAt).update();
  }

  public List<ReportSent> reportsSent(String incidentNumber) {
    return jdbc.sql("SELECT * FROM incident_report_sent WHERE incident_number = ? ORDER BY id").param(incidentNumber)
        .query(REPORT).list();
  }

  /** Removes a record and everything in it, its evidence too, and keeps who did it and why. */
  public void delete(String incidentNumber, String deletedBy, OffsetDateTime at, String reason) {
    deleteRows(incidentNumber);
    jdbc.sql("INSERT INTO incident_record_deletion (incident_number, deleted_by, deleted_at, reason) VALUES (?, ?, ?, ?)")
        .params(incidentNumber, deletedBy, at, reason).update();
  }

  /** A drill's record, gone without a trace: a rehearsal is not a record the law asks to keep. */
  public void purgeDrill(String incidentNumber) {
    if (find(incidentNumber).filter(IncidentRecord::drill).isEmpty()) {
      throw new IllegalArgumentException(incidentNumber + " is not a drill");
    }
    deleteRows(incidentNumber);
  }

  /** Ends an open incident as 取り消し (a drill that was stopped), keeping its record. */
  public void cancel(String incidentNumber, OffsetDateTime at) {
    jdbc.sql("UPDATE incident_record SET state = ?, closed_at = ? WHERE incident_number = ? AND state = ?")
        .params(State.CANCELLED.name(), at, incidentNumber, State.OPEN.name()).update();
  }

  private void deleteRows(String incidentNumber) {
    jdbc.sql("DELETE FROM evidence_custody_entry WHERE evidence_id IN "
        + "(SELECT id FROM incident_evidence WHERE incident_number = ?)").param(incidentNumber).update();
    for (String table : List.of("incident_evidence", "incident_report_sent", "report_obligation",
        "incident_timeline_entry", "incident_record")) {
      jdbc.sql("DELETE FROM " + table + " WHERE incident_number = ?").param(incidentNumber).update();
    }
  }

  public int deletionsOf(String incidentNumber) {
    return jdbc.sql("SELECT COUNT(*) FROM incident_record_deletion WHERE incident_number = ?").param(incidentNumber)
        .query(Integer.class).single();
  }
}
