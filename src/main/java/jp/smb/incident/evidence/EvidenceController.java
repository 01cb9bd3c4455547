package jp.smb.incident.evidence;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.smb.incident.api.ApiCaller;
import jp.smb.incident.contract.ResponseRole;
import jp.smb.incident.input.PlainText;
import jp.smb.incident.record.VisibleIncidents;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** An incident's evidence over HTTP: who may do what, and the shape of the answers ({@link EvidenceCustody}). */
@RestController
public class EvidenceController {

  public record HandoverRequest(@NotBlank @Size(max = 255) @PlainText String to, @Size(max = 2000) @PlainText String note) {
  }

  private final EvidenceCustody custody;
  private final EvidenceStore store;
  private final VisibleIncidents incidents;
  private final ApiCaller caller;

  public EvidenceController(EvidenceCustody custody, EvidenceStore store, VisibleIncidents incidents, ApiCaller caller) {
    this.custody = custody;
    this.store = store;
    this.incidents = incidents;
    this.caller = caller;
  }

  @PostMapping(path = "/api/incidents/{number}/evidence", consumes = "multipart/form-data")
  public ResponseEntity<Map<String, Object>> add(@PathVariable String number, @RequestParam String description,
      @RequestParam(required = false) String source, @RequestParam(required = false) MultipartFile file)
      throws IOException {
    String user = caller.require("証拠の登録", ApiCaller.EVIDENCE_HANDLERS);
    incidents.existing(number);
    EvidenceCustody.Upload upload = file == null || file.isEmpty() ? null
        : new EvidenceCustody.Upload(file.getOriginalFilename(), file.getContentType(), file.getBytes());
    EvidenceCustody.Collected collected = custody.collect(number, description, source, upload, user);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", collected.id());
    body.put("sha256", collected.sha256());
    body.put("sizeBytes", collected.sizeBytes());
    return ResponseEntity.created(URI.create("/api/incidents/" + number + "/evidence/" + collected.id())).body(body);
  }

  @GetMapping(path = "/api/incidents/{number}/evidence/{id}")
  public Map<String, Object> get(@PathVariable String number, @PathVariable long id) {
    caller.require("証拠の閲覧", ApiCaller.READERS);
    incidents.existing(number);
    return Map.of("item", custody.existing(number, id), "custody", store.custody(id));
  }

  @GetMapping(path = "/api/incidents/{number}/evidence/{id}/content")
  public ResponseEntity<byte[]> content(@PathVariable String number, @PathVariable long id) {
    String user = caller.require("証拠のダウンロード", ResponseRole.INCIDENT_LEAD, ResponseRole.EXECUTIVE, ResponseRole.TECH);
    incidents.existing(number);
    EvidenceCustody.Download download = custody.download(number, id, user);
    Evidence evidence = download.evidence();
    return ResponseEntity.ok()
        .contentType(evidence.contentType() == null ? MediaType.APPLICATION_OCTET_STREAM
            : MediaType.parseMediaType(evidence.contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(evidence.fileName() == null ? "evidence-" + id : evidence.fileName(), StandardCharsets.UTF_8)
            .build().toString())
        .header("X-Content-SHA256", evidence.sha256())
        .body(download.content());
  }

  @PostMapping(path = "/api/incidents/{number}/evidence/{id}/handovers", consumes = "application/json")
  public ResponseEntity<Map<String, Object>> handOver(@PathVariable String number, @PathVariable long id,
      @Valid @RequestBody HandoverRequest handover) {
    String user = caller.require("証拠の引き渡し", ApiCaller.EVIDENCE_HANDLERS);
    incidents.existing(number);
    custody.handOver(number, id, user, handover.to(), handover.note());
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("evidenceId", id, "recorded", true));
  }
}
