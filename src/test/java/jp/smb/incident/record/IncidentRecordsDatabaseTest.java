package jp.smb.incident.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import jp.smb.incident.evidence.Evidence;
import jp.smb.incident.evidence.EvidenceCustody;
import jp.smb.incident.evidence.EvidenceStore;
import jp.smb.incident.record.IncidentRecord.State;
import jp.smb.incident.record.RecordEntries.ReportSent;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The record tables and their migrations on both databases the product runs on: the embedded H2 file database
 * and a real PostgreSQL.
 */
class IncidentRecordsDatabaseTest {

  private static Path h2Directory;

  @BeforeAll
  static void startDatabases() throws IOException {
    h2Directory = Files.createTempDirectory("records-h2");
  }

  /** The record tables on an H2 file and on the test run's one PostgreSQL (a database of its own). */
  static Stream<Arguments> databases() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:file:" + h2Directory.resolve("records") + ";WRITE_DELAY=0");
    h2.setUser("sa");
    PGSimpleDataSource postgres = new PGSimpleDataSource();
    postgres.setUrl(jp.smb.incident.EmbeddedPostgres.freshDatabase("records"));
    postgres.setUser("postgres");
    postgres.setPassword("postgres");
    return Stream.of(Arguments.of("h2", h2), Arguments.of("postgresql", postgres));
  }

  private static IncidentRecords migrated(String vendor, DataSource dataSource) {
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
        .load().migrate();
    return new IncidentRecords(JdbcClient.create(dataSource));
  }

  private static NewIncident newRecord(String number, OffsetDateTime detectedAt) {
    return new NewIncident(number, "pi-1", "six-step-incident-response", "顧客名簿の漏えい", "unauthorized-access",
        "株式会社サンプル", null, "internal", "staff1", detectedAt, null, "不審なログイン", "ファイルサーバー", detectedAt, false);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void shouldKeepARecordWithItsTimelineReportsAndEvidence(String vendor, DataSource dataSource) {
    IncidentRecords records = migrated(vendor, dataSource);
    String number = "INC-2026-" + UUID.randomUUID().toString().substring(0, 8);
    OffsetDateTime detectedAt = OffsetDateTime.of(2026, 11, 24, 9, 30, 0, 0, ZoneOffset.ofHours(9));

    records.create(newRecord(number, detectedAt));
    IncidentRecord opened = records.find(number).orElseThrow();
    assertThat(opened.state()).isEqualTo(State.OPEN);
    assertThat(opened.severityLevel()).as("not assessed yet").isNull();
    assertThat(opened.containedAt()).isNull();
    assertThat(opened.title()).isEqualTo("顧客名簿の漏えい");
    assertThat(opened.businessOperator()).isEqualTo("株式会社サンプル");
    assertThat(opened.createdAt().toInstant()).isEqualTo(detectedAt.toInstant());
    records.updateFacts(number, Map.of("suspectedCause", "VPN の脆弱性", "rootCause", "更新の遅れ", "unknownFact", "x"));
    records.updateSeverity(number, 3);
    records.markContained(number, detectedAt.plusHours(2));
    records.markContained(number, detectedAt.plusHours(5));
    records.markRecovered(number, detectedAt.plusDays(2));
    records.addTimeline(number, detectedAt, "STARTED", "インシデントを受け付けた", "staff1", null);
    records.addTimeline(number, detectedAt.plusMinutes(5), "NOTE", "メモ", "lead1", "<b>太字</b>");
    records.addReportSent(number, new ReportSent(0, "ppc-preliminary", "ppc", "個人情報保護委員会に速報する", true,
        detectedAt.plusDays(3), "2026-11-25T10:00+09:00", "comms1", "web-form", "受付 1", "本文"), detectedAt.plusDays(1));
    byte[] content = "log line".getBytes(StandardCharsets.UTF_8);
    EvidenceStore evidence = new EvidenceStore(JdbcClient.create(dataSource));
    Evidence collected = new Evidence(0, "ログ", "UTM", "tech1", detectedAt.plusHours(1), "utm.log", "text/plain",
        (long) content.length, EvidenceCustody.sha256(content));
    long evidenceId = evidence.add(number, collected, content);
    evidence.addCustody(evidenceId, detectedAt.plusHours(1), "COLLECTED", "tech1", null);
    long photo = evidence.add(number, new Evidence(0, "机上のメモの写真", null, "tech1", detectedAt.plusHours(2), null, null,
        null, null), null);
    records.close(number, State.CLOSED, detectedAt.plusDays(3));

    IncidentRecord record = records.find(number).orElseThrow();
    assertThat(record.state()).isEqualTo(State.CLOSED);
    assertThat(record.severityLevel()).isEqualTo(3);
    assertThat(record.detectedAt().toInstant()).isEqualTo(detectedAt.toInstant());
    assertThat(record.containedAt().toInstant()).as("the first containment counts")
        .isEqualTo(detectedAt.plusHours(2).toInstant());
    assertThat(record.suspectedCause()).isEqualTo("VPN の脆弱性");
    assertThat(record.rootCause()).isEqualTo("更新の遅れ");
    assertThat(record.affectedSystems()).isEqualTo("ファイルサーバー");
    assertThat(records.timeline(number)).extracting(RecordEntries.TimelineEntry::kind).containsExactly("STARTED", "NOTE");
    assertThat(records.reportsSent(number)).singleElement()
        .satisfies(r -> assertThat(r.dueAt().toInstant()).isEqualTo(detectedAt.plusDays(3).toInstant()));
    assertThat(evidence.content(evidenceId)).isEqualTo(content);
    assertThat(evidence.content(photo)).as("a physical item has no file").isNull();
    assertThat(evidence.find(number, evidenceId).orElseThrow()).usingRecursiveComparison().ignoringFields("id", "collectedAt")
        .isEqualTo(collected);
    assertThat(evidence.of(number)).extracting(Evidence::id).containsExactly(evidenceId, photo);
    assertThat(evidence.custody(evidenceId)).singleElement()
        .satisfies(entry -> assertThat(entry.action()).isEqualTo("COLLECTED"))
        .satisfies(entry -> assertThat(entry.occurredAt().toInstant()).isEqualTo(detectedAt.plusHours(1).toInstant()));
    assertThat(records.search(State.CLOSED, 3, "unauthorized-access", 10)).extracting(IncidentRecord::incidentNumber)
        .contains(number);
    assertThat(records.search(State.OPEN, null, null, 10)).extracting(IncidentRecord::incidentNumber)
        .doesNotContain(number);

    records.delete(number, "admin", detectedAt.plusYears(6), "保存期間の経過");
    assertThat(records.find(number)).isEmpty();
    assertThat(evidence.custody(evidenceId)).isEmpty();
    assertThat(evidence.of(number)).isEmpty();
    assertThat(records.deletionsOf(number)).isEqualTo(1);
  }
}
