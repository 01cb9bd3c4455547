package jp.smb.incident.intake;

import static jp.smb.incident.contract.IntakeVariables.DETECTED_AT;
import static jp.smb.incident.contract.IntakeVariables.INCIDENT_NUMBER;
import static jp.smb.incident.contract.IntakeVariables.REPORT_SOURCE;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import jp.smb.incident.company.Companies;
import jp.smb.incident.contract.DrillVariables;
import jp.smb.incident.forms.FormValues;
import jp.smb.incident.input.RejectedInputException;
import jp.smb.incident.record.IncidentRecorder;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of every incident process: gives the incident its number as business key (unless the caller
 * chose one), takes the start as the time of awareness when the report did not say, and adds what the
 * organisation's configuration says (a value the caller sent wins).
 */
@Component
public class IncidentIntakeListener implements ExecutionListener {


  private final IncidentNumbering numbering;
  private final IncidentStartVariables startVariables;
  private final IncidentRecorder recorder;
  private final FormValues formValues;
  private final Clock clock;
  private final Companies companies;

  public IncidentIntakeListener(IncidentNumbering numbering, IncidentStartVariables startVariables,
      IncidentRecorder recorder, FormValues formValues, Clock clock, Companies companies) {
    this.companies = companies;
    this.formValues = formValues;
    this.numbering = numbering;
    this.startVariables = startVariables;
    this.recorder = recorder;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    formValues.check(execution);
    Object detectedAt = DETECTED_AT.in(execution);
    if ("external".equals(execution.getVariable(REPORT_SOURCE.name()))
        && (detectedAt == null || detectedAt.toString().isBlank())) {
      // Entered later, the start would count as awareness and a statutory deadline would start late.
      throw new RejectedInputException("外部からの通報では、発覚日時（通報を受けた日時）を入力してください。"
          + "法定の報告の期限はこの日時から数えます");
    }
    String businessKey = execution.getProcessBusinessKey();
    if (businessKey == null || businessKey.isBlank()) {
      businessKey = numbering.next(DrillVariables.DRILL.isTrueIn(execution));
      execution.setProcessBusinessKey(businessKey);
    }
    // Also a variable: Tasklist lists variables, not business keys, next to each task.
    INCIDENT_NUMBER.set(execution, businessKey);
    if (DETECTED_AT.in(execution) == null) {
      DETECTED_AT.set(execution, OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES).toString());
    }
    String company = execution.getTenantId();
    Map<String, Object> defaults = company == null ? startVariables.forNewIncident()
        : companies.find(company).map(startVariables::forCompany).orElseGet(startVariables::forNewIncident);
    defaults.forEach((name, value) -> {
      if (!execution.hasVariable(name)) {
        execution.setVariable(name, value);
      }
    });
    recorder.incidentStarted(execution);
  }
}
