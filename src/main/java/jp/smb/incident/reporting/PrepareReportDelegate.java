package jp.smb.incident.reporting;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.smb.incident.contract.ReportVariables;
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
      facts.put(ReportVariables.ITEM.name(), ReportVariables.ITEM.in(execution));
    }
    return facts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ReportItem item = plan.item(execution, ReportVariables.ITEM.in(execution));
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

    ReportVariables.TASK_NAME.set(execution, report.taskName());
    ReportVariables.RECIPIENT.set(execution, report.recipient());
    ReportVariables.RECIPIENT_NAME.set(execution, report.recipientName());
    ReportVariables.MANDATORY.set(execution, report.mandatory());
    ReportVariables.BASIS.set(execution, report.basis());
    ReportVariables.DUE_LABEL.set(execution, report.dueLabel());
    ReportVariables.HAS_DEADLINE.set(execution, report.dueAt() != null);
    ReportVariables.DUE_DATE.set(execution, report.dueAt() == null ? null : Date.from(report.dueAt().toInstant()));
    ReportVariables.REMINDER_DATE.set(execution,
        report.remindAt() == null ? null : Date.from(report.remindAt().toInstant()));
    ReportVariables.RECIPIENT_CONTACT.set(execution, report.contact());
    ReportVariables.LAWYER_REVIEW_REQUIRED.set(execution, report.lawyerReviewRequired());
    ReportVariables.DRAFT.set(execution, report.draft());
    execution.setVariable(ReportVariables.DRAFT_FILE.name(), Variables.fileValue(item.id() + ".txt")
        .file(report.draft().getBytes(StandardCharsets.UTF_8)).mimeType("text/plain").encoding("UTF-8").create());
  }
}
