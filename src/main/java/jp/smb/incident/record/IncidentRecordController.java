package jp.smb.incident.record;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.List;
import java.util.Map;
import jp.smb.incident.api.ApiCaller;
import jp.smb.incident.api.ApiException;
import jp.smb.incident.company.CompanyScope;
import jp.smb.incident.input.PlainText;
import jp.smb.incident.record.IncidentRecord.State;
import jp.smb.incident.settings.IncidentProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The incident record over HTTP: list, notes, deletion. Reading one is the report's; evidence has its own. */
@RestController
public class IncidentRecordController {

  public record NoteRequest(@NotBlank @Size(max = 10000) @PlainText String text) {
  }

  private final IncidentRecords records;
  private final IncidentRecorder recorder;
  private final ApiCaller caller;
  private final Clock clock;
  private final Period retention;
  private final CompanyScope scope;
  private final VisibleIncidents incidents;

  public IncidentRecordController(IncidentRecords records, IncidentRecorder recorder, ApiCaller caller, Clock clock,
      IncidentProperties settings, CompanyScope scope, VisibleIncidents incidents) {
    this.scope = scope;
    this.incidents = incidents;
    this.records = records;
    this.recorder = recorder;
    this.caller = caller;
    this.clock = clock;
    this.retention = settings.record().retention();
  }

  @GetMapping(path = "/api/incidents")
  public List<IncidentSummary> list(@RequestParam(required = false) String state,
      @RequestParam(required = false) Integer severity, @RequestParam(required = false) String type,
      @RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "false") boolean drills) {
    caller.require("インシデントの一覧", ApiCaller.READERS);
    if (limit < 1 || limit > 1000) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "limit は 1〜1000 にしてください");
    }
    return records.search(state(state), severity, type, limit, scope.visibleCompanies(), drills).stream()
        .map(IncidentSummary::of).toList();
  }

  @Transactional
  @PostMapping(path = "/api/incidents/{number}/notes", consumes = "application/json")
  public ResponseEntity<Map<String, Object>> note(@PathVariable String number, @Valid @RequestBody NoteRequest note) {
    String user = caller.require("メモの追加", ApiCaller.RESPONDERS);
    incidents.existing(number);
    recorder.noteAdded(number, user, note.text());
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("incidentNumber", number, "recorded", true));
  }

  /** Only an administrator, only once the retention period has passed, and the deletion itself is kept. */
  @Transactional
  @DeleteMapping(path = "/api/incidents/{number}")
  public Map<String, Object> delete(@PathVariable String number, @RequestParam String reason) {
    caller.requireAdministrator("記録の削除");
    IncidentRecord record = incidents.existing(number);
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

  /** One line of the incident list. */
  public record IncidentSummary(String incidentNumber, String title, String incidentType, String state,
      Integer severityLevel, String procedure, OffsetDateTime detectedAt, OffsetDateTime closedAt, boolean drill) {

    static IncidentSummary of(IncidentRecord r) {
      return new IncidentSummary(r.incidentNumber(), r.title(), r.incidentType(),
          r.state().name().toLowerCase().replace('_', '-'), r.severityLevel(), r.procedureKey(), r.detectedAt(),
          r.closedAt(), r.drill());
    }
  }
}
