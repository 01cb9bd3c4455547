package jp.smb.incident.reporting;

import java.util.List;
import java.util.Map;
import jp.smb.incident.company.CompanyScope;
import jp.smb.incident.input.RejectedInputException;
import jp.smb.incident.record.IncidentRecord;
import jp.smb.incident.record.IncidentRecords;
import jp.smb.incident.response.FormValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Start of 事実を更新する: the incident lead (or a company's lead, for its own incidents) corrects the facts that
 * decide reporting from Tasklist, as {@code PATCH /api/incidents/{number}/facts} does; a refusal says why and keeps
 * nothing.
 */
@Component
public class FactCorrectionListener implements ExecutionListener {

  private static final String LEAD = "incident-lead";
  private static final String COMPANY_LEAD = "--" + LEAD;
  private static final String ADMIN = "camunda-admin";

  private final IncidentRecords records;
  private final CompanyScope scope;
  private final FactCorrections corrections;
  private final FormValues formValues;

  public FactCorrectionListener(IncidentRecords records, CompanyScope scope, FactCorrections corrections,
      FormValues formValues) {
    this.records = records;
    this.scope = scope;
    this.corrections = corrections;
    this.formValues = formValues;
  }

  @Override
  public void notify(DelegateExecution execution) {
    formValues.check(execution);
    Authentication caller = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    List<String> groups = caller == null || caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    if (caller != null && groups.stream().noneMatch(g -> g.equals(LEAD) || g.endsWith(COMPANY_LEAD) || g.equals(ADMIN))) {
      throw new RejectedInputException("事実の更新は、インシデント対応責任者（incident-lead）が行います");
    }
    Object number = execution.getVariable("incidentNumber");
    if (number == null || number.toString().isBlank()) {
      throw new RejectedInputException("incidentNumber（インシデント番号）を入力してください");
    }
    IncidentRecord incident = records.find(number.toString().strip(), scope.visibleCompanies())
        .orElseThrow(() -> new RejectedInputException(
            "インシデント " + number + " が見つかりません（INC-2026-0001 のような番号です）"));
    Map<String, Object> answers = ReportingFacts.formAnswers(execution.getVariables());
    if (answers.isEmpty()) {
      throw new RejectedInputException("変える事実を 1 つ以上入力してください");
    }
    Map<String, Object> facts;
    try {
      facts = ReportingFacts.variables(answers);
    } catch (IllegalArgumentException wrongFact) {
      throw new RejectedInputException(wrongFact.getMessage());
    }
    if (!corrections.correct(incident.incidentNumber(), facts, caller == null ? null : caller.getUserId())) {
      throw new RejectedInputException("インシデント " + incident.incidentNumber() + " は対応を終えているため、事実を更新できません");
    }
    // Shown with the incident in Cockpit, like every process of that incident.
    execution.setProcessBusinessKey(incident.incidentNumber());
  }
}
