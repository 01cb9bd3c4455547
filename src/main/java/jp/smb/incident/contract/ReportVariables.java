package jp.smb.incident.contract;

import static jp.smb.incident.contract.ProcessVariable.flag;
import static jp.smb.incident.contract.ProcessVariable.text;

import java.util.Date;

/**
 * Owned by reporting: the variables of one report to one recipient (報告先への報告), set when it is prepared and
 * read by its diagram (report-to-recipient), the record and the board.
 */
public final class ReportVariables {

  /** The report's item of the decision table, e.g. {@code ppc-preliminary}. */
  public static final ProcessVariable<String> ITEM = text("reportItem");
  public static final ProcessVariable<String> RECIPIENT = text("recipient");
  public static final ProcessVariable<String> RECIPIENT_NAME = text("recipientName");
  public static final ProcessVariable<String> RECIPIENT_CONTACT = text("recipientContact");
  public static final ProcessVariable<String> TASK_NAME = text("reportTaskName");
  /** Required by law (or by contract), not only advised. */
  public static final ProcessVariable<Boolean> MANDATORY = flag("reportMandatory");
  public static final ProcessVariable<String> BASIS = text("reportBasis");
  public static final ProcessVariable<String> DUE_LABEL = text("reportDueLabel");
  public static final ProcessVariable<Boolean> HAS_DEADLINE = flag("hasReportDeadline");
  /** The legal due date; a Date, as the engine's timers take it. */
  public static final ProcessVariable<Date> DUE_DATE = ProcessVariable.of("reportDueDate", Date.class);
  public static final ProcessVariable<Date> REMINDER_DATE = ProcessVariable.of("reportReminderDate", Date.class);
  /** A public notice is read by the lawyer before it goes out. */
  public static final ProcessVariable<Boolean> LAWYER_REVIEW_REQUIRED = flag("lawyerReviewRequired");
  /** The draft to send, in text; the form shows it and the record keeps it. */
  public static final ProcessVariable<String> DRAFT = text("reportDraft");
  /** The draft as a file (a file variable: read as a stream), for download from the task. */
  public static final ProcessVariable<java.io.InputStream> DRAFT_FILE =
      ProcessVariable.of("reportDraftFile", java.io.InputStream.class);
  public static final ProcessVariable<String> DRAFT_LINK = text("reportDraftLink");
  public static final ProcessVariable<String> DRAFT_PDF_LINK = text("reportDraftPdfLink");
  // Answers of the report's form (send-report), kept in the record as sent.
  /** The form's date-time text, or a Date when sent through the REST API. */
  public static final ProcessVariable<Object> SENT_AT = ProcessVariable.of("reportSentAt", Object.class);
  /** Who completed the report's task, when the form does not say who sent it. */
  public static final ProcessVariable<String> SENT_BY = text("reportSentBy");
  public static final ProcessVariable<String> CHANNEL = text("reportChannel");
  public static final ProcessVariable<String> REFERENCE = text("reportReference");

  private ReportVariables() {
  }
}
