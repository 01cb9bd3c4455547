package jp.smb.incident.evidence;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;
import jp.smb.incident.input.RecordText;
import jp.smb.incident.input.Refused;
import jp.smb.incident.record.IncidentRecords;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evidence and its chain of custody: a file is hashed when it is collected and checked against that hash before it
 * is handed out; every collection, download and handover is a custody entry, and the collection a timeline entry of
 * the incident.
 */
@Service
public class EvidenceCustody {

  /** A file as uploaded: null content for a physical item that is only described. */
  public record Upload(String fileName, String contentType, byte[] content) {
  }

  public record Collected(long id, String sha256, Integer sizeBytes) {
  }

  public record Download(Evidence evidence, byte[] content) {
  }

  private final EvidenceStore store;
  private final IncidentRecords records;
  private final Clock clock;

  public EvidenceCustody(EvidenceStore store, IncidentRecords records, Clock clock) {
    this.store = store;
    this.records = records;
    this.clock = clock;
  }

  @Transactional
  public Collected collect(String number, String description, String source, Upload upload, String user) {
    if (description == null || description.isBlank()) {
      throw Refused.invalid("description（証拠の内容）は 1〜2000 文字で入れてください");
    }
    refuse(RecordText.problem("description", description, 2000));
    refuse(RecordText.problem("source", source, 2000));
    byte[] content = upload == null || upload.content() == null || upload.content().length == 0 ? null : upload.content();
    if (content != null) {
      refuse(EvidenceFiles.fileNameProblem(upload.fileName()));
      refuse(EvidenceFiles.contentTypeProblem(upload.contentType()));
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    String sha256 = content == null ? null : sha256(content);
    Evidence evidence = new Evidence(0, description, source, user, now, content == null ? null : upload.fileName(),
        content == null ? null : upload.contentType(), content == null ? null : (long) content.length, sha256);
    long id = store.add(number, evidence, content);
    store.addCustody(id, now, "COLLECTED", user, source);
    records.addTimeline(number, now, "EVIDENCE", "証拠を登録した", user,
        description + (sha256 == null ? "" : "（SHA-256 " + sha256 + "）"));
    return new Collected(id, sha256, content == null ? null : content.length);
  }

  /** The file, once its content still matches the hash taken at collection; the download is a custody entry. */
  @Transactional
  public Download download(String number, long id, String user) {
    Evidence evidence = existing(number, id);
    byte[] content = store.content(id);
    if (content == null) {
      throw Refused.notFound("証拠 " + id + " にはファイルがありません（現物の証拠）");
    }
    if (!sha256(content).equals(evidence.sha256())) {
      throw Refused.conflict("証拠 " + id + " の内容が登録時の SHA-256 と一致しません。改ざんの疑いがあるため渡せません");
    }
    store.addCustody(id, OffsetDateTime.now(clock), "DOWNLOADED", user, null);
    return new Download(evidence, content);
  }

  @Transactional
  public void handOver(String number, long id, String user, String to, String note) {
    existing(number, id);
    store.addCustody(id, OffsetDateTime.now(clock), "HANDED_OVER", user,
        "引き渡し先: " + to + (note == null ? "" : "（" + note + "）"));
  }

  public Evidence existing(String number, long id) {
    return store.find(number, id).orElseThrow(() ->
        Refused.notFound("インシデント " + number + " に証拠 " + id + " はありません"));
  }

  public static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void refuse(Optional<String> problem) {
    problem.ifPresent(message -> {
      throw Refused.invalid(message);
    });
  }
}
