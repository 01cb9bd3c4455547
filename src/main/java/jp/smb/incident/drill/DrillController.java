package jp.smb.incident.drill;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.util.List;
import java.util.Map;
import jp.smb.incident.api.ApiCaller;
import jp.smb.incident.api.ApiException;
import jp.smb.incident.contract.ResponseRole;
import jp.smb.incident.drillmode.Drills;
import jp.smb.incident.record.IncidentRecord;
import jp.smb.incident.record.VisibleIncidents;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Drills (訓練): the incident lead rehearses a scenario on the real procedures, under a drill's number
 * ({@code TRN-2026-0001}), inside its own company.
 */
@RestController
public class DrillController {

  /** A scenario as the lead chooses it. */
  public record ScenarioSummary(String id, String title, String summary, String procedure, int injects) {
  }

  /** @param company the company to rehearse in; empty: the caller's only company (or {@code installation}) */
  public record DrillRequest(@NotBlank String scenario, String company) {
  }

  private final DrillScenarios scenarios;
  private final DrillStarter starter;
  private final DrillScorecard scorecard;
  private final DrillCleanup cleanup;
  private final VisibleIncidents incidents;
  private final ApiCaller caller;

  public DrillController(DrillScenarios scenarios, DrillStarter starter, DrillScorecard scorecard,
      DrillCleanup cleanup, VisibleIncidents incidents, ApiCaller caller) {
    this.scenarios = scenarios;
    this.starter = starter;
    this.scorecard = scorecard;
    this.cleanup = cleanup;
    this.incidents = incidents;
    this.caller = caller;
  }

  @GetMapping(path = "/api/drills/scenarios")
  public List<ScenarioSummary> scenarios() {
    caller.require("訓練のシナリオの一覧", ApiCaller.RESPONDERS);
    return scenarios.all().stream().map(s -> new ScenarioSummary(s.id(), s.title(), s.summary(), s.procedure(),
        s.injects().size())).toList();
  }

  @Transactional
  @PostMapping(path = "/api/drills", consumes = "application/json")
  public ResponseEntity<DrillStarter.Started> start(@Valid @RequestBody DrillRequest request) {
    caller.require("訓練の開始", ResponseRole.INCIDENT_LEAD);
    DrillStarter.Started drill = starter.start(request.scenario(), request.company());
    return ResponseEntity.created(URI.create("/api/incidents/" + drill.drillNumber())).body(drill);
  }

  /** 振り返り: the drill's scorecard, for the leads and executives who may see the drill. */
  @GetMapping(path = "/api/drills/{number}/scorecard")
  public DrillScorecard.Card scorecard(@PathVariable String number) {
    caller.require("訓練の振り返り", ApiCaller.READERS);
    return scorecard.of(visibleDrill(number));
  }

  /** The scorecard as a PDF, every page marked as a drill's. */
  @GetMapping(path = "/api/drills/{number}/scorecard.pdf", produces = "application/pdf")
  public ResponseEntity<byte[]> scorecardPdf(@PathVariable String number) {
    caller.require("訓練の振り返り", ApiCaller.READERS);
    IncidentRecord drill = visibleDrill(number);
    return ResponseEntity.ok().header("Content-Disposition", "inline; filename=\"" + number + "-scorecard.pdf\"")
        .body(ScorecardDocument.pdf(scorecard.of(drill), drill.businessOperator()));
  }

  /** Ends a running drill: its tasks and timers go, its record and scorecard stay (取り消し). */
  @Transactional
  @PostMapping(path = "/api/drills/{number}/stop")
  public Map<String, Object> stop(@PathVariable String number) {
    String user = caller.require("訓練の終了", ResponseRole.INCIDENT_LEAD);
    visibleDrill(number);
    return Map.of("drillNumber", number, "stopped", cleanup.stop(number, user));
  }

  /** Deletes a finished (or stopped) drill with everything it wrote; a running one must be stopped first. */
  @Transactional
  @DeleteMapping(path = "/api/drills/{number}")
  public ResponseEntity<Void> delete(@PathVariable String number) {
    String user = caller.require("訓練の削除", ResponseRole.INCIDENT_LEAD);
    visibleDrill(number);
    if (cleanup.running(number)) {
      throw new ApiException(HttpStatus.CONFLICT, "訓練 " + number + " はまだ続いています。終えてから削除してください"
          + "（POST /api/drills/" + number + "/stop）");
    }
    cleanup.delete(number, user);
    return ResponseEntity.noContent().build();
  }

  private IncidentRecord visibleDrill(String number) {
    if (!Drills.isDrillNumber(number)) {
      throw new ApiException(HttpStatus.NOT_FOUND, number + " は訓練の番号ではありません（訓練は TRN- で始まります）");
    }
    return incidents.existing(number);
  }
}
