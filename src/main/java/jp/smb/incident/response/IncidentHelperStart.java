package jp.smb.incident.response;

import java.util.List;
import jp.smb.incident.company.CompanyScope;
import jp.smb.incident.contract.ResponseRole;
import jp.smb.incident.forms.FormValues;
import jp.smb.incident.input.RejectedInputException;
import jp.smb.incident.record.IncidentRecord;
import jp.smb.incident.record.IncidentRecords;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The start of a Tasklist helper process about one open incident (経営者に状況を報告する（随時）, 事実を更新する): the
 * form's values checked, the caller's role, and the incident by its number within the caller's companies. Each
 * refusal says why and keeps nothing.
 */
@Component
public class IncidentHelperStart {

  private final IncidentRecords records;
  private final CompanyScope scope;
  private final FormValues formValues;

  public IncidentHelperStart(IncidentRecords records, CompanyScope scope, FormValues formValues) {
    this.records = records;
    this.scope = scope;
    this.formValues = formValues;
  }

  /**
   * @param refusal        what a caller without one of the roles is told
   * @param administrators whether camunda-admin may start it too
   * @param roles          the roles that may start it; a company's role group counts as its role
   * @return the open incident named by {@code incidentNumber}
   */
  public IncidentRecord openIncident(DelegateExecution execution, String refusal, boolean administrators,
      ResponseRole... roles) {
    formValues.check(execution);
    Authentication caller = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (caller != null && caller.getGroupIds() != null
        && !(administrators && caller.getGroupIds().contains(Groups.CAMUNDA_ADMIN))
        && !ResponseRole.anyHeldBy(caller.getGroupIds(), List.of(roles))) {
      throw new RejectedInputException(refusal);
    }
    String number = text(execution, "incidentNumber");
    if (number == null) {
      throw new RejectedInputException("incidentNumber（インシデント番号）を入力してください");
    }
    // Another company's incident is answered as one that does not exist.
    IncidentRecord incident = records.find(number, scope.visibleCompanies()).orElseThrow(() -> new RejectedInputException(
        "インシデント " + number + " が見つかりません（INC-2026-0001 のような番号です）"));
    if (incident.state() != IncidentRecord.State.OPEN) {
      throw new RejectedInputException("インシデント " + number + " は対応を終えています（" + incident.state().label() + "）");
    }
    return incident;
  }

  /** Who started it, or null when the engine itself did. */
  public static String userId(DelegateExecution execution) {
    Authentication caller = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return caller == null ? null : caller.getUserId();
  }

  static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }
}
