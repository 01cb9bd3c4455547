package jp.smb.incident.reporting;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/**
 * What a report to one recipient ({@code report-to-recipient}) is given from its incident: the one input mapping
 * of every call activity that starts a report, in both procedures. Nothing comes back: a report's own facts are in
 * the record.
 */
@Component
public class ReportInputMapping implements DelegateVariableMapping {

  /** The facts a report's forms and drafts show, and the report item this call is for. */
  static final List<String> VARIABLES = List.of(
      "incidentNumber",
      "incidentTitle",
      "incidentType",
      "severityLevel",
      "detectedAt",
      "occurredAt",
      "eventDescription",
      "affectedSystems",
      "affectedCustomerData",
      "affectedInformation",
      "affectedPersons",
      "financialDamageRisk",
      "suspectedCause",
      "intrusionPath",
      "containmentNote",
      "isolationNote",
      "preventionMeasures",
      "inquiryDeskContact",
      "contactLawyer",
      "lawyerReviewRequested",
      "reportableAwareAt",
      "commissioningParty",
      "contactInsurer",
      "contactSupport",
      "contactPolice",
      "contactPartners",
      "contactChain",
      "reportItems",
      "reportItem");

  @Override
  public void mapInputVariables(DelegateExecution incident, VariableMap report) {
    for (String name : VARIABLES) {
      report.put(name, incident.getVariableTyped(name));
    }
  }

  @Override
  public void mapOutputVariables(DelegateExecution incident, VariableScope report) {
    // nothing returns to the incident
  }
}
