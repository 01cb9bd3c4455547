package jp.smb.incident.reporting;

import java.util.List;
import java.util.Map;
import jp.smb.incident.api.ApiCaller;
import jp.smb.incident.api.ApiException;
import jp.smb.incident.contract.ResponseRole;
import jp.smb.incident.record.VisibleIncidents;
import jp.smb.incident.reporting.ReportObligations.Obligation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The legal clock over HTTP: an incident's reporting obligations, and the facts that decide them corrected. */
@RestController
public class IncidentFactsController {

  private final ApiCaller caller;
  private final VisibleIncidents incidents;
  private final ReportObligations obligations;
  private final FactCorrections corrections;

  public IncidentFactsController(ApiCaller caller, VisibleIncidents incidents, ReportObligations obligations,
      FactCorrections corrections) {
    this.caller = caller;
    this.incidents = incidents;
    this.obligations = obligations;
    this.corrections = corrections;
  }

  @GetMapping(path = "/api/incidents/{number}/obligations")
  public List<Obligation> obligations(@PathVariable String number) {
    caller.require("報告義務の確認", ApiCaller.RESPONDERS);
    incidents.existing(number);
    return obligations.of(number);
  }

  /** Answers with the obligations as the decision taken on the corrected facts left them. */
  @PatchMapping(path = "/api/incidents/{number}/facts", consumes = "application/json")
  public List<Obligation> correct(@PathVariable String number, @RequestBody(required = false) Map<String, Object> facts) {
    String user = caller.require("事実の更新", ResponseRole.INCIDENT_LEAD);
    incidents.existing(number);
    if (facts == null || facts.isEmpty()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "更新する事実を JSON のオブジェクトで 1 つ以上指定してください。使える名前: "
          + String.join(", ", ReportingFacts.names()));
    }
    Map<String, Object> variables;
    try {
      variables = ReportingFacts.variables(facts);
    } catch (IllegalArgumentException wrongFact) {
      throw new ApiException(HttpStatus.BAD_REQUEST, wrongFact.getMessage());
    }
    if (!corrections.correct(number, variables, user)) {
      throw new ApiException(HttpStatus.CONFLICT,
          "インシデント " + number + " の対応は終わっているため、事実を更新できません。分かったことはメモで記録してください");
    }
    return obligations.of(number);
  }
}
