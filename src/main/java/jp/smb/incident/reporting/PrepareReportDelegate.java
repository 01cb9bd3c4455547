package jp.smb.incident.reporting;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Service task 「報告の下書きを作る」: maps the incident's variables to and from {@link ReportPreparation}. */
@Component
public class PrepareReportDelegate implements JavaDelegate {

  private final ReportPlanning plan;
  private final ReportPreparation preparation;
  private final ReportObligations obligations;

  public PrepareReportDelegate(ReportPlanning plan, ReportPreparation preparation, ReportObligations obligations) {
    this.plan = plan;
    this.preparation = preparation;
    this.obligations = obligations;
  }

  /**
   * The incident's facts as they are now: a 確報 that waited for its 速報 is drafted from what the investigation
   * has found since, not from the copy taken when the report was started.
   */
  private static Map<String, Object> facts(DelegateExecution execution) {
    Map<String, Object> facts = new HashMap<>(execution.getVariables());
    DelegateExecution incident = execution.getSuperExecution();
    if (incident != null) {
      incident.getVariables().forEach((name, value) -> {
        if (value != null) {
          facts.put(name, value);
        }
      });
      facts.put("reportItem", execution.getVariable("reportItem"));
    }
    return facts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ReportItem item = plan.item(execution, (String) execution.getVariable("reportItem"));
    Map<String, Object> facts = facts(execution);
    // What became of the other reports (本人通知, 公表, 委託元, police, IPA): items (6), (7) and (9) of a PPC draft.
    String number = execution.getProcessBusinessKey();
    facts.putIfAbsent("incidentNumber", number);
    List<ReportObligations.Obligation> opened = number == null ? List.of() : obligations.of(number);
    facts.put(ReportDrafts.OBLIGATIONS, opened);
    // The deadline and the draft's 知った日時 are this report's own, as the legal clock recorded it when it opened.
    opened.stream().filter(obligation -> obligation.item().equals(item.id()) && obligation.awareAt() != null)
        .findFirst().ifPresent(obligation -> facts.put("reportableAwareAt", obligation.awareAt().toString()));
    PreparedReport report = preparation.prepare(item, facts);

    execution.setVariable("reportTaskName", report.taskName());
    execution.setVariable("recipient", report.recipient());
    execution.setVariable("recipientName", report.recipientName());
    execution.setVariable("reportMandatory", report.mandatory());
    execution.setVariable("reportBasis", report.basis());
    execution.setVariable("reportDueLabel", report.dueLabel());
    execution.setVariable("hasReportDeadline", report.dueAt() != null);
    execution.setVariable("reportDueDate", report.dueAt() == null ? null : Date.from(report.dueAt().toInstant()));
    execution.setVariable("reportReminderDate",
        report.remindAt() == null ? null : Date.from(report.remindAt().toInstant()));
    execution.setVariable("recipientContact", report.contact());
    execution.setVariable("lawyerReviewRequired", report.lawyerReviewRequired());
    execution.setVariable("reportDraft", report.draft());
    execution.setVariable("reportDraftFile", Variables.fileValue(item.id() + ".txt")
        .file(report.draft().getBytes(StandardCharsets.UTF_8)).mimeType("text/plain").encoding("UTF-8").create());
  }
}
