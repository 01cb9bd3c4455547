package jp.smb.incident.record;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.smb.incident.api.ApiCaller;
import jp.smb.incident.api.ApiException;
import jp.smb.incident.api.PlainText;
import jp.smb.incident.company.CompanyScope;
import jp.smb.incident.record.IncidentRecord.State;
import jp.smb.incident.record.RecordEntries.Evidence;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The incident record over HTTP: list, read, notes, evidence with its custody, the final report, deletion. */
@RestController
public class IncidentRecordController {

  public record NoteRequest(@NotBlank @Size(max = 10000) @PlainText String text) {
  }

  public record HandoverRequest(@NotBlank @Size(max = 255) @PlainText String to, @Size(max = 2000) @PlainText String note) {
  }

  private final IncidentRecords records;
  private final IncidentRecorder recorder;
  private final ApiCaller caller;
  private final Clock clock;
  private final Period retention;
  private final CompanyScope scope;

  public IncidentRecordController(IncidentRecords records, IncidentRecorder recorder, ApiCaller caller, Clock clock,
      @Value("${incident.record.retention:P5Y}") Period retention, CompanyScope scope) {
    this.scope = scope;
    this.records = records;
    this.recorder = recorder;
    this.caller = caller;
    this.clock = clock;
    this.retention = retention;
  }

  @GetMapping(path = "/api/incidents")
  public List<Map<String, Object>> list(@RequestParam(required = false) String state,
      @RequestParam(required = false) Integer severity, @RequestParam(required = false) String type,
      @RequestParam(defaultValue = "100") int limit) {
    caller.require("インシデントの一覧", ApiCaller.READERS);
    if (limit < 1 || limit > 1000) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "limit は 1〜1000 にしてください");
    }
    return records.search(state(state), severity, type, limit, scope.visibleCompanies()).stream()
        .map(IncidentRecordController::summary).toList();
  }

  @GetMapping(path = "/api/incidents/{number}")
  public Map<String, Object> get(@PathVariable String number) {
    caller.require("インシデントの閲覧", ApiCaller.READERS);
    return view(number).json();
  }

  @GetMapping(path = "/api/incidents/{number}/report")
  public ResponseEntity<Object> report(@PathVariable String number, @RequestParam(defaultValue = "html") String format) {
    caller.require("報告書の閲覧", ApiCaller.READERS);
    IncidentReportView view = view(number);
    return switch (format) {
      case "html" -> ResponseEntity.ok().contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
          .body(view.html());
      case "md" -> ResponseEntity.ok().contentType(new MediaType("text", "markdown", java.nio.charset.StandardCharsets.UTF_8))
          .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(number + ".md").build().toString())
          .body(view.markdown());
      case "json" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(view.json());
      case "pdf" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
          .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(number + ".pdf").build().toString())
          .body(view.pdf());
      default -> throw new ApiException(HttpStatus.BAD_REQUEST, "format は html, md, json, pdf のいずれかにしてください");
    };
  }

  @Transactional
  @PostMapping(path = "/api/incidents/{number}/notes", consumes = "application/json")
  public ResponseEntity<Map<String, Object>> note(@PathVariable String number, @Valid @RequestBody NoteRequest note) {
    String user = caller.require("メモの追加", ApiCaller.RESPONDERS);
    existing(number);
    recorder.noteAdded(number, user, note.text());
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("incidentNumber", number, "recorded", true));
  }

  @Transactional
  @PostMapping(path = "/api/incidents/{number}/evidence", consumes = "multipart/form-data")
  public ResponseEntity<Map<String, Object>> addEvidence(@PathVariable String number,
      @RequestParam String description, @RequestParam(required = false) String source,
      @RequestParam(required = false) MultipartFile file) throws IOException {
    String user = caller.require("証拠の登録", ApiCaller.EVIDENCE_HANDLERS);
    existing(number);
    if (description.isBlank()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "description（証拠の内容）は 1〜2000 文字で入れてください");
    }
    refuse(RecordText.problem("description", description, 2000));
    refuse(RecordText.problem("source", source, 2000));
    if (file != null && !file.isEmpty()) {
      refuse(EvidenceFiles.fileNameProblem(file.getOriginalFilename()));
      refuse(EvidenceFiles.contentTypeProblem(file.getContentType()));
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    byte[] content = file == null || file.isEmpty() ? null : file.getBytes();
    String sha256 = content == null ? null : sha256(content);
    Evidence evidence = new Evidence(0, description, source, user, now,
        content == null ? null : file.getOriginalFilename(), content == null ? null : file.getContentType(),
        content == null ? null : (long) content.length, sha256);
    long id = records.addEvidence(number, evidence, content);
    records.addCustody(id, now, "COLLECTED", user, source);
    records.addTimeline(number, now, "EVIDENCE", "証拠を登録した", user, description + (sha256 == null ? "" : "（SHA-256 " + sha256 + "）"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("sha256", sha256);
    body.put("sizeBytes", content == null ? null : content.length);
    return ResponseEntity.created(java.net.URI.create("/api/incidents/" + number + "/evidence/" + id)).body(body);
  }

  private static void refuse(java.util.Optional<String> problem) {
    problem.ifPresent(message -> {
      throw new ApiException(HttpStatus.BAD_REQUEST, message);
    });
  }

  @GetMapping(path = "/api/incidents/{number}/evidence/{id}")
  public Map<String, Object> evidence(@PathVariable String number, @PathVariable long id) {
    caller.require("証拠の閲覧", ApiCaller.READERS);
    existing(number);
    Evidence evidence = records.evidence(number, id).orElseThrow(() -> noEvidence(number, id));
    return Map.of("item", evidence, "custody", records.custody(id));
  }

  /** Every download is a custody entry; the content is checked against its hash before it leaves. */
  @Transactional
  @GetMapping(path = "/api/incidents/{number}/evidence/{id}/content")
  public ResponseEntity<byte[]> content(@PathVariable String number, @PathVariable long id) {
    String user = caller.require("証拠のダウンロード", "incident-lead", "executive", "tech");
    existing(number);
    Evidence evidence = records.evidence(number, id).orElseThrow(() -> noEvidence(number, id));
    byte[] content = records.evidenceContent(id);
    if (content == null) {
      throw new ApiException(HttpStatus.NOT_FOUND, "証拠 " + id + " にはファイルがありません（現物の証拠）");
    }
    if (!sha256(content).equals(evidence.sha256())) {
      throw new ApiException(HttpStatus.CONFLICT,
          "証拠 " + id + " の内容が登録時の SHA-256 と一致しません。改ざんの疑いがあるため渡せません");
    }
    records.addCustody(id, OffsetDateTime.now(clock), "DOWNLOADED", user, null);
    return ResponseEntity.ok()
        .contentType(evidence.contentType() == null ? MediaType.APPLICATION_OCTET_STREAM
            : MediaType.parseMediaType(evidence.contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(evidence.fileName() == null ? "evidence-" + id : evidence.fileName(),
                java.nio.charset.StandardCharsets.UTF_8).build().toString())
        .header("X-Content-SHA256", evidence.sha256())
        .body(content);
  }

  @Transactional
  @PostMapping(path = "/api/incidents/{number}/evidence/{id}/handovers", consumes = "application/json")
  public ResponseEntity<Map<String, Object>> handover(@PathVariable String number, @PathVariable long id,
      @Valid @RequestBody HandoverRequest handover) {
    String user = caller.require("証拠の引き渡し", ApiCaller.EVIDENCE_HANDLERS);
    existing(number);
    records.evidence(number, id).orElseThrow(() -> noEvidence(number, id));
    records.addCustody(id, OffsetDateTime.now(clock), "HANDED_OVER", user,
        "引き渡し先: " + handover.to() + (handover.note() == null ? "" : "（" + handover.note() + "）"));
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("evidenceId", id, "recorded", true));
  }

  /** Only an administrator, only once the retention period has passed, and the deletion itself is kept. */
  @Transactional
  @DeleteMapping(path = "/api/incidents/{number}")
  public Map<String, Object> delete(@PathVariable String number, @RequestParam String reason) {
    caller.requireAdministrator("記録の削除");
    IncidentRecord record = existing(number);
    if (reason.isBlank()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "reason（削除の理由）を入れてください");
    }
    if (record.state() == State.OPEN || record.closedAt() == null) {
      throw new ApiException(HttpStatus.CONFLICT, "対応中のインシデントの記録は削除できません");
    }
    OffsetDateTime deletable = record.closedAt().plus(retention);
    if (OffsetDateTime.now(clock).isBefore(deletable)) {
      throw new ApiException(HttpStatus.CONFLICT, "保存期間（" + retention + "）中のため削除できません。"
          + deletable.toLocalDate() + " 以降に削除できます");
    }
    records.delete(number, caller.userId(), OffsetDateTime.now(clock), reason);
    return Map.of("incidentNumber", number, "deleted", true);
  }

  private IncidentReportView view(String number) {
    IncidentRecord record = existing(number);
    return new IncidentReportView(record, records.timeline(number), records.reportsSent(number),
        records.evidence(number), records::custody, clock.getZone());
  }

  /** Another company's incident is answered as if it did not exist: its number tells nothing. */
  private IncidentRecord existing(String number) {
    return records.find(number, scope.visibleCompanies()).orElseThrow(() -> ApiException.notFound(number));
  }

  private static ApiException noEvidence(String number, long id) {
    return new ApiException(HttpStatus.NOT_FOUND, "インシデント " + number + " に証拠 " + id + " はありません");
  }

  private static State state(String state) {
    if (state == null) {
      return null;
    }
    try {
      return State.valueOf(state.toUpperCase().replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "state は open, closed, not-an-incident, cancelled のいずれかにしてください");
    }
  }

  private static Map<String, Object> summary(IncidentRecord r) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("incidentNumber", r.incidentNumber());
    summary.put("title", r.title());
    summary.put("incidentType", r.incidentType());
    summary.put("state", r.state().name().toLowerCase().replace('_', '-'));
    summary.put("severityLevel", r.severityLevel());
    summary.put("procedure", r.procedureKey());
    summary.put("detectedAt", r.detectedAt());
    summary.put("closedAt", r.closedAt());
    return summary;
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
