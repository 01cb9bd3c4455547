package jp.smb.incident.finalreport;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import jp.smb.incident.api.ApiCaller;
import jp.smb.incident.api.ApiException;
import jp.smb.incident.evidence.EvidenceStore;
import jp.smb.incident.record.IncidentRecord;
import jp.smb.incident.record.IncidentRecords;
import jp.smb.incident.record.VisibleIncidents;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An incident as read: the whole record as JSON, and the final report as HTML, PDF or Markdown. */
@RestController
public class IncidentReportController {

  private final IncidentRecords records;
  private final EvidenceStore evidence;
  private final VisibleIncidents incidents;
  private final ApiCaller caller;
  private final Clock clock;

  public IncidentReportController(IncidentRecords records, EvidenceStore evidence, VisibleIncidents incidents,
      ApiCaller caller, Clock clock) {
    this.records = records;
    this.evidence = evidence;
    this.incidents = incidents;
    this.caller = caller;
    this.clock = clock;
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
      case "html" -> ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
          .body(view.html());
      case "md" -> ResponseEntity.ok().contentType(new MediaType("text", "markdown", StandardCharsets.UTF_8))
          .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(number + ".md").build().toString())
          .body(view.markdown());
      case "json" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(view.json());
      case "pdf" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
          .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(number + ".pdf").build().toString())
          .body(view.pdf());
      default -> throw new ApiException(HttpStatus.BAD_REQUEST, "format は html, md, json, pdf のいずれかにしてください");
    };
  }

  private IncidentReportView view(String number) {
    IncidentRecord record = incidents.existing(number);
    return new IncidentReportView(record, records.timeline(number), records.reportsSent(number),
        evidence.of(number), evidence::custody, clock.getZone());
  }
}
