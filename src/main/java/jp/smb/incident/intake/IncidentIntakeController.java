package jp.smb.incident.intake;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.smb.incident.api.ApiCaller;
import jp.smb.incident.api.ApiException;
import jp.smb.incident.company.Company;
import jp.smb.incident.company.CompanyScope;
import jp.smb.incident.company.CompanyService;
import jp.smb.incident.company.CompanyTenantProvider;
import jp.smb.incident.contract.IntakeVariables;
import jp.smb.incident.procedure.Procedure;
import jp.smb.incident.settings.OrganisationProperties;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/incidents}: another system, or a person, opens an incident; the answer is its number. */
@RestController
public class IncidentIntakeController {

  private final RuntimeService runtimeService;
  private final OrganisationProperties organisation;
  private final ApiCaller caller;
  private final CompanyService companies;
  private final CompanyScope scope;

  public IncidentIntakeController(RuntimeService runtimeService, OrganisationProperties organisation,
      ApiCaller caller, CompanyService companies, CompanyScope scope) {
    this.runtimeService = runtimeService;
    this.organisation = organisation;
    this.caller = caller;
    this.companies = companies;
    this.scope = scope;
  }

  @PostMapping(path = "/api/incidents", consumes = "application/json")
  public ResponseEntity<Map<String, Object>> open(@Valid @RequestBody IntakeRequest request) {
    String user = caller.require("インシデントの報告", ApiCaller.REPORTERS);
    String source = request.source() == null ? "person" : request.source();
    if ("customer".equals(source) && isBlank(request.reporterContact())) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "外部からの通報（source=customer）には reporterContact が必要です");
    }
    Company company = companyOf(request.company());
    String processKey = request.procedure() != null ? request.procedure() : defaultProcedure(company);

    Map<String, Object> variables = new HashMap<>();
    variables.put("incidentTitle", request.title());
    variables.put("incidentType", request.incidentType());
    variables.put("eventDescription", request.eventDescription());
    variables.put("reportSource", "customer".equals(source) ? "external" : "internal");
    variables.put("alertSource", source);
    variables.put("reporterId", user);
    putIfPresent(variables, "detectedAt", request.detectedAt() == null ? null : request.detectedAt().toString());
    putIfPresent(variables, "externalReporterName", request.reporterName());
    putIfPresent(variables, "externalReporterContact", request.reporterContact());
    putIfPresent(variables, "affectedSystems", request.affectedSystems());
    putIfPresent(variables, "commissioningParty", request.commissioningParty());
    putIfPresent(variables, IntakeVariables.COMPANY.name(), company != null ? company.id()
        : CompanyTenantProvider.INSTALLATION.equals(request.company()) ? CompanyTenantProvider.INSTALLATION : null);

    // Started as the caller: the engine checks that this user may start incidents.
    ProcessInstanceWithVariables instance = runtimeService.createProcessInstanceByKey(processKey)
        .setVariables(variables).executeWithVariablesInReturn();
    String number = (String) instance.getVariables().get("incidentNumber");
    return ResponseEntity.created(URI.create("/api/incidents/" + number)).body(Map.of(
        "incidentNumber", number, "procedure", processKey, "processInstanceId", instance.getId()));
  }

  /**
   * The company of the new incident: the one named, if the caller may report for it; none if the caller names the
   * installation itself; else the caller's only company; none in an installation without companies.
   */
  private Company companyOf(String named) {
    List<String> memberOf = scope.memberOf();
    if (CompanyTenantProvider.INSTALLATION.equals(named)) {
      if (memberOf.size() == 1 && !caller.isAdministrator()) {
        throw new ApiException(HttpStatus.BAD_REQUEST, "あなたの会社は " + memberOf.get(0)
            + " です。この会社のインシデントとして報告してください（company は省略できます）");
      }
      return null;
    }
    if (named != null && !named.isBlank()) {
      // A typo and a company of someone else's are answered alike, so that neither tells which companies exist.
      return companies.find(named).filter(company -> scope.sees(company.id())).orElseThrow(() -> new ApiException(
          HttpStatus.BAD_REQUEST, "会社 " + named + " のインシデントは報告できません。会社 ID を確かめてください"
              + (memberOf.isEmpty() ? "" : "（あなたの会社: " + String.join(", ", memberOf.stream().sorted().toList()) + "）")));
    }
    if (memberOf.size() > 1) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "複数の会社に所属しているため、company で会社を指定してください（"
          + String.join(", ", memberOf.stream().sorted().toList()) + "。この環境そのもののインシデントなら "
          + CompanyTenantProvider.INSTALLATION + "）");
    }
    return memberOf.isEmpty() ? null : companies.existing(memberOf.get(0));
  }

  /**
   * The procedures the caller may start an incident with, the organisation's own first and marked: its company's
   * (when the caller has exactly one) or the installation's. A sole proprietor is offered only that one.
   */
  @GetMapping(path = "/api/procedures")
  public List<Map<String, Object>> procedures() {
    caller.require("手順の一覧", ApiCaller.REPORTERS);
    List<String> memberOf = scope.memberOf();
    Company company = memberOf.size() == 1 ? companies.existing(memberOf.get(0)) : null;
    String own = defaultProcedure(company);
    boolean soleProprietor = company == null ? organisation.soleProprietor() : "sole-proprietor".equals(company.profile());
    return java.util.Arrays.stream(Procedure.values())
        .sorted(java.util.Comparator.comparing(procedure -> !procedure.processKey().equals(own)))
        .map(procedure -> Map.<String, Object>of("key", procedure.processKey(), "name", procedure.displayName(),
            "default", procedure.processKey().equals(own),
            "offered", !soleProprietor || procedure.processKey().equals(own)))
        .toList();
  }

  private String defaultProcedure(Company company) {
    if (company == null) {
      return organisation.defaultProcedure().processKey();
    }
    if (company.defaultProcedure() != null) {
      return company.defaultProcedure();
    }
    return "sole-proprietor".equals(company.profile()) ? Procedure.SIX_STEP_INCIDENT_RESPONSE.processKey()
        : Procedure.IPA_INCIDENT_RESPONSE.processKey();
  }

  private static void putIfPresent(Map<String, Object> variables, String name, String value) {
    if (!isBlank(value)) {
      variables.put(name, value);
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
