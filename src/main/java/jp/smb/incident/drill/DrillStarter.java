package jp.smb.incident.drill;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.smb.incident.company.CompanyTenantProvider;
import jp.smb.incident.contract.DrillVariables;
import jp.smb.incident.contract.IntakeVariables;
import jp.smb.incident.contract.ResponseRole;
import jp.smb.incident.input.RejectedInputException;
import jp.smb.incident.procedure.AsTheApplication;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.stereotype.Service;

/**
 * Starts a drill of a scenario for the logged-in incident lead, from the API or from Tasklist's 訓練を始める: the
 * scenario's procedure under a drill's number, and its later facts beside it. Refusals are the caller's mistakes
 * (400, naming what is wrong): an unknown scenario, a company the caller is not in, a caller who is not its lead.
 */
@Service
public class DrillStarter {

  static final String LEAD = ResponseRole.INCIDENT_LEAD.groupId();
  static final String INJECTS_PROCESS = "drill-injects";

  /** @param drillNumber {@code TRN-2026-0001} */
  public record Started(String drillNumber, String scenario, String procedure, String processInstanceId) {
  }

  private final DrillScenarios scenarios;
  private final DrillImprovements improvements;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final Clock clock;

  public DrillStarter(DrillScenarios scenarios, DrillImprovements improvements, RuntimeService runtimeService,
      IdentityService identityService, Clock clock) {
    this.scenarios = scenarios;
    this.improvements = improvements;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.clock = clock;
  }

  /** @param company the company to rehearse in; blank: the caller's only company (or {@code installation}) */
  public Started start(String scenarioId, String company) {
    DrillScenario scenario = scenarios.find(scenarioId).orElseThrow(() -> new RejectedInputException(
        "シナリオ " + scenarioId + " はありません（使えるシナリオ: "
            + String.join(", ", scenarios.all().stream().map(DrillScenario::id).toList()) + "）"));
    String chosen = company == null || company.isBlank() ? null : company.strip();
    Authentication login = identityService.getCurrentAuthentication();
    if (login == null) {
      throw new RejectedInputException("訓練を始めるにはログインが必要です");
    }
    requireLeadOf(login, chosen);

    Map<String, Object> variables = new HashMap<>(scenario.report());
    variables.put(DrillVariables.DRILL.name(), true);
    variables.put(DrillVariables.SCENARIO.name(), scenario.id());
    variables.put("reporterId", login.getUserId());
    // The drill's incident is learnt now: its deadlines count from the start of the exercise.
    OffsetDateTime now = OffsetDateTime.now(clock);
    variables.put("detectedAt", now.truncatedTo(ChronoUnit.MINUTES).toString());
    if (chosen != null) {
      variables.put(IntakeVariables.COMPANY.name(), chosen);
    }
    // What the last drill said to improve, in the first task of this one.
    String drillCompany = chosen != null && !CompanyTenantProvider.INSTALLATION.equals(chosen) ? chosen
        : chosen == null && login.getTenantIds() != null && login.getTenantIds().size() == 1
            ? login.getTenantIds().get(0) : null;
    improvements.latest(drillCompany).ifPresent(text -> variables.put(DrillVariables.PREVIOUS_IMPROVEMENTS.name(), text));
    // Started as the caller: the engine checks that this user may start the procedure.
    ProcessInstanceWithVariables instance = runtimeService.createProcessInstanceByKey(scenario.procedure())
        .setVariables(variables).executeWithVariablesInReturn();
    String number = (String) instance.getVariables().get("incidentNumber");
    startInjects(scenario, number, now.toString(), instance.getTenantId());
    return new Started(number, scenario.id(), scenario.procedure(), instance.getId());
  }

  /**
   * The scenario's later facts and the drill's expiry, as timers of their own process beside the drill (in its
   * company, under its number), so that they come on time on any node and after a restart. The engine, not the
   * caller, starts it: it is part of the drill the caller was allowed to start.
   */
  private void startInjects(DrillScenario scenario, String number, String startedAt, String company) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(DrillVariables.SCENARIO.name(), scenario.id());
    variables.put(DrillVariables.STARTED_AT.name(), startedAt);
    variables.put(DrillVariables.INJECT_COUNT.name(), scenario.injects().size());
    variables.put(IntakeVariables.COMPANY.name(), company == null ? CompanyTenantProvider.INSTALLATION : company);
    AsTheApplication.run(identityService,
        () -> runtimeService.startProcessInstanceByKey(INJECTS_PROCESS, number, variables));
  }

  /**
   * Only the incident lead of the company the drill runs in (or of the installation), or camunda-admin: a drill
   * sends alerts to everyone in that company's roles.
   */
  private static void requireLeadOf(Authentication login, String company) {
    List<String> groups = login.getGroupIds() == null ? List.of() : login.getGroupIds();
    if (groups.contains(Groups.CAMUNDA_ADMIN)) {
      return;
    }
    List<String> memberOf = login.getTenantIds() == null ? List.of() : login.getTenantIds();
    String yours = String.join(", ", memberOf.stream().sorted().toList());
    String target;
    if (company == null) {
      if (memberOf.size() > 1) {
        throw new RejectedInputException("複数の会社に所属しているため、会社を指定してください（" + yours + "）");
      }
      target = memberOf.isEmpty() ? null : memberOf.get(0);
    } else if (CompanyTenantProvider.INSTALLATION.equals(company)) {
      target = null;
    } else if (!memberOf.contains(company)) {
      throw new RejectedInputException("会社 " + company + " の訓練は始められません。会社 ID を確かめてください"
          + (memberOf.isEmpty() ? "" : "（あなたの会社: " + yours + "）"));
    } else {
      target = company;
    }
    String needed = target == null ? LEAD : ResponseRole.INCIDENT_LEAD.inCompany(target);
    if (!groups.contains(needed)) {
      throw new RejectedInputException("訓練を始められるのは、" + (target == null ? "" : "会社 " + target + " の")
          + "インシデント対応責任者（incident-lead）だけです");
    }
  }
}
