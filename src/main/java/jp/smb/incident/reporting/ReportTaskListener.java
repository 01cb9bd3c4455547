package jp.smb.incident.reporting;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import jp.smb.incident.contract.ReportStage;
import jp.smb.incident.contract.ReportVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.stereotype.Component;

/**
 * On the report tasks: names the task after its recipient (the diagram keeps one generic name), links the draft
 * for download, and records who completed it, next to what was sent and when, which the form records.
 */
@Component
public class ReportTaskListener implements TaskListener {

  private final String webappPath;
  private final ReportObligations obligations;
  private final Clock clock;

  public ReportTaskListener(CamundaBpmProperties camunda, ReportObligations obligations, Clock clock) {
    this.webappPath = camunda.getWebapp().getApplicationPath();
    this.obligations = obligations;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      String name = ReportVariables.TASK_NAME.in(task);
      if (name != null) {
        task.setName(name);
      }
      // Through the task and Tasklist's own REST API: whoever may work the task may download its draft.
      ReportVariables.DRAFT_LINK.setLocal(task, webappPath + "/api/engine/engine/default/task/" + task.getId()
          + "/variables/" + ReportVariables.DRAFT_FILE.name() + "/data");
      ReportVariables.DRAFT_PDF_LINK.setLocal(task, "/api/tasks/" + task.getId() + "/draft.pdf");
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
      String user = current != null ? current.getUserId() : task.getAssignee();
      ReportVariables.SENT_BY.set(task, user);
      String item = ReportVariables.ITEM.in(task);
      if (task.getExecution().getProcessBusinessKey() != null && item != null) {
        obligations.sent(task.getExecution().getProcessBusinessKey(), item, sentAt(ReportVariables.SENT_AT.in(task)));
      }
      startFinalReportAfter(task);
      startFollowUpsAfter(task);
    }
  }

  /** When the form says it was sent; when it was recorded if the form's time cannot be read. */
  private OffsetDateTime sentAt(Object entered) {
    if (entered != null) {
      try {
        return OffsetDateTime.parse(entered.toString());
      } catch (DateTimeParseException unreadable) {
        // the form's check has let it through as text; the record keeps the text as entered
      }
    }
    return OffsetDateTime.now(clock);
  }

  /** The follow-up reports to partners and customers continue the thread their fact report began. */
  private static void startFollowUpsAfter(DelegateTask task) {
    if (Recipient.PARTNERS.id().equals(ReportVariables.ITEM.in(task))) {
      task.getProcessEngineServices().getRuntimeService().createMessageCorrelation("FirstReportToPartiesSent")
          .processInstanceBusinessKey(task.getExecution().getProcessBusinessKey())
          .correlateAll();
    }
  }

  /** The 確報 of the same recipient waits for its 速報, so that its draft is written from the facts known by then. */
  private static void startFinalReportAfter(DelegateTask task) {
    String id = ReportVariables.ITEM.in(task);
    if (ReportStage.of(id).orElse(null) == ReportStage.PRELIMINARY) {
      task.getProcessEngineServices().getRuntimeService().createMessageCorrelation("PreliminaryReportSent")
          .processInstanceBusinessKey(task.getExecution().getProcessBusinessKey())
          .processInstanceVariableEquals(ReportVariables.ITEM.name(), ReportStage.sameRecipient(id, ReportStage.FINAL))
          .correlateAll();
    }
  }
}
