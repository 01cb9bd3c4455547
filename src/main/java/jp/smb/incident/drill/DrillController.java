package jp.smb.incident.drill;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.smb.incident.api.ApiCaller;
import jp.smb.incident.api.ApiException;
import jp.smb.incident.company.CompanyTenantProvider;
import jp.smb.incident.drillmode.Drills;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Drills (訓練): the incident lead rehearses a scenario on the real procedures, under a drill's number
 * ({@code TRN-2026-0001}), inside its own company.
 */
@RestController
public class DrillController {

  static final String LEAD = "incident-lead";
  static final String INJECTS_PROCESS = "drill-injects";

  /** A scenario as the lead chooses it. */
  public record ScenarioSummary(String id, String title, String summary, String procedure, int injects) {
  }

  /** @param company the company to rehearse in; empty: the caller's only company (or {@code installation}) */
  public record DrillRequest(@NotBlank String scenario, String company) {
  }

  private final DrillScenarios scenarios;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final ApiCaller caller;
  private final Clock clock;

  public DrillController(DrillScenarios scenarios, RuntimeService runtimeService, IdentityService identityService,
      ApiCaller caller, Clock clock) {
    this.scenarios = scenarios;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.caller = caller;
    this.clock = clock;
  }

  @GetMapping(path = "/api/drills/scenarios")
  public List<ScenarioSummary> scenarios() {
    caller.require("訓練のシナリオの一覧", ApiCaller.RESPONDERS);
    return scenarios.all().stream().map(s -> new ScenarioSummary(s.id(), s.title(), s.summary(), s.procedure(),
        s.injects().size())).toList();
  }

  @Transactional
  @PostMapping(path = "/api/drills", consumes = "application/json")
  public ResponseEntity<Map<String, Object>> start(@Valid @RequestBody DrillRequest request) {
    String user = caller.require("訓練の開始", LEAD);
    DrillScenario scenario = scenarios.find(request.scenario()).orElseThrow(() -> new ApiException(
        HttpStatus.BAD_REQUEST, "シナリオ " + request.scenario() + " はありません（使えるシナリオ: "
            + String.join(", ", scenarios.all().stream().map(DrillScenario::id).toList()) + "）"));
    String company = request.company() == null || request.company().isBlank() ? null : request.company().strip();
    requireLeadOf(company);

    Map<String, Object> variables = new HashMap<>(scenario.report());
    variables.put(Drills.VARIABLE, true);
    variables.put(Drills.SCENARIO_VARIABLE, scenario.id());
    variables.put("reporterId", user);
    // The drill's incident is learnt now: its deadlines count from the start of the exercise.
    OffsetDateTime now = OffsetDateTime.now(clock);
    variables.put("detectedAt", now.truncatedTo(ChronoUnit.MINUTES).toString());
    if (company != null) {
      variables.put(CompanyTenantProvider.COMPANY_VARIABLE, company);
    }
    // Started as the caller: the engine checks that this user may start the procedure.
    ProcessInstanceWithVariables instance = runtimeService.createProcessInstanceByKey(scenario.procedure())
        .setVariables(variables).executeWithVariablesInReturn();
    String number = (String) instance.getVariables().get("incidentNumber");
    if (!scenario.injects().isEmpty()) {
      startInjects(scenario, number, now.toString(), instance.getTenantId());
    }
    return ResponseEntity.created(URI.create("/api/incidents/" + number)).body(Map.of("drillNumber", number,
        "scenario", scenario.id(), "procedure", scenario.procedure(), "processInstanceId", instance.getId()));
  }

  /**
   * The scenario's later facts, as timers of their own process beside the drill (in its company, under its number),
   * so that they come on time on any node and after a restart. The engine, not the caller, starts it: it is part of
   * the drill the caller was allowed to start.
   */
  private void startInjects(DrillScenario scenario, String number, String startedAt, String company) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Drills.SCENARIO_VARIABLE, scenario.id());
    variables.put(DrillInjects.STARTED_AT, startedAt);
    variables.put(DrillInjects.COUNT, scenario.injects().size());
    variables.put(CompanyTenantProvider.COMPANY_VARIABLE, company == null ? CompanyTenantProvider.INSTALLATION : company);
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      runtimeService.startProcessInstanceByKey(INJECTS_PROCESS, number, variables);
    } finally {
      identityService.setAuthentication(caller);
    }
  }

  /**
   * Only the incident lead of the company the drill runs in (or of the installation), or camunda-admin: a drill
   * sends alerts to everyone in that company's roles.
   */
  private void requireLeadOf(String company) {
    Authentication login = identityService.getCurrentAuthentication();
    List<String> groups = login.getGroupIds() == null ? List.of() : login.getGroupIds();
    if (groups.contains(Groups.CAMUNDA_ADMIN)) {
      return;
    }
    List<String> memberOf = login.getTenantIds() == null ? List.of() : login.getTenantIds();
    String target;
    if (company == null) {
      if (memberOf.size() > 1) {
        throw new ApiException(HttpStatus.BAD_REQUEST, "複数の会社に所属しているため、company で会社を指定してください（"
            + String.join(", ", memberOf.stream().sorted().toList()) + "）");
      }
      target = memberOf.isEmpty() ? null : memberOf.get(0);
    } else if (CompanyTenantProvider.INSTALLATION.equals(company)) {
      target = null;
    } else if (!memberOf.contains(company)) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "会社 " + company + " の訓練は始められません。会社 ID を確かめてください"
          + (memberOf.isEmpty() ? "" : "（あなたの会社: " + String.join(", ", memberOf.stream().sorted().toList()) + "）"));
    } else {
      target = company;
    }
    String needed = target == null ? LEAD : target + "--" + LEAD;
    if (!groups.contains(needed)) {
      throw new ApiException(HttpStatus.FORBIDDEN, "訓練を始められるのは、" + (target == null ? "" : "会社 " + target + " の")
          + "インシデント対応責任者（incident-lead）だけです");
    }
  }
}
