package jp.smb.incident.evidence;

import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The evidence tables: items with their content, and each item's chain of custody. */
@Repository
public class EvidenceStore {

  private static final RowMapper<Evidence> EVIDENCE = new DataClassRowMapper<>(Evidence.class);
  private static final RowMapper<CustodyEntry> CUSTODY = new DataClassRowMapper<>(CustodyEntry.class);

  private final JdbcClient jdbc;

  public EvidenceStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long add(String incidentNumber, Evidence e, byte[] content) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO incident_evidence (incident_number, description, source, collected_by, collected_at,
              file_name, content_type, size_bytes, sha256, content)
            VALUES (:incidentNumber, :description, :source, :collectedBy, :collectedAt, :fileName, :contentType,
              :sizeBytes, :sha256, :content)""")
        .param("incidentNumber", incidentNumber).param("description", e.description()).param("source", e.source())
        .param("collectedBy", e.collectedBy()).param("collectedAt", e.collectedAt()).param("fileName", e.fileName())
        .param("contentType", e.contentType()).param("sizeBytes", e.sizeBytes()).param("sha256", e.sha256())
        .param("content", new SqlParameterValue(Types.BINARY, content))
        .update(key, "id");
    return key.getKey().longValue();
  }

  public List<Evidence> of(String incidentNumber) {
    return jdbc.sql("SELECT * FROM incident_evidence WHERE incident_number = ? ORDER BY id").param(incidentNumber)
        .query(EVIDENCE).list();
  }

  public Optional<Evidence> find(String incidentNumber, long id) {
    return jdbc.sql("SELECT * FROM incident_evidence WHERE incident_number = ? AND id = ?")
        .params(incidentNumber, id).query(EVIDENCE).optional();
  }

  public byte[] content(long id) {
    return jdbc.sql("SELECT content FROM incident_evidence WHERE id = ?").param(id)
        .query((rs, i) -> rs.getBytes("content")).optional().orElse(null);
  }

  public void addCustody(long evidenceId, OffsetDateTime at, String action, String actor, String detail) {
    jdbc.sql("INSERT INTO evidence_custody_entry (evidence_id, occurred_at, action, actor, detail) VALUES (?, ?, ?, ?, ?)")
        .params(evidenceId, at, action, actor, detail).update();
  }

  public List<CustodyEntry> custody(long evidenceId) {
    return jdbc.sql("SELECT * FROM evidence_custody_entry WHERE evidence_id = ? ORDER BY id").param(evidenceId)
        .query(CUSTODY).list();
  }
}
