package jp.smb.incident.notification;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import jp.smb.incident.drillmode.Drills;
import jp.smb.incident.settings.JapaneseTime;

/**
 * The alert for a new task, written for the people it is offered to. It names the incident and what to do, with a
 * link into Tasklist, and leaves out the event description and any personal data: the mail leaves the system.
 *
 * @param severityLevel null while the level is not yet assessed
 * @param dueAt         null when the task has no due date
 * @param advice        an escalation's round and whom to call, null for other tasks
 */
public record TaskAlert(String incidentNumber, String incidentTitle, String taskId, String taskName,
    String instruction, Integer severityLevel, OffsetDateTime dueAt, boolean urgent, String advice) {

  private static final String DRILL_NOTICE = Drills.MARK + "これは訓練です。実際の報告や外部への連絡はしないでください。\n\n";

  /** 【訓練】 leads a drill's subject, before anything else a person reads in the inbox. */
  public String subject() {
    boolean drill = Drills.isDrillNumber(incidentNumber);
    return (drill ? Drills.MARK : "") + "【" + incidentNumber + "】" + (urgent ? "【至急】" : "")
        + Drills.unmarked(taskName);
  }

  public String body(String baseUrl, ZoneId zone) {
    String link = baseUrl.replaceAll("/+$", "") + "/camunda/app/tasklist/default/#/?task=" + taskId;
    return (Drills.isDrillNumber(incidentNumber) ? DRILL_NOTICE : "") + """
        %s%s
        %s
        インシデント: %s %s
        事故レベル: %s
        期限: %s

        Tasklist で開く: %s

        このメールには発生事象や個人情報を載せていません。内容は Tasklist で確認してください。
        """.formatted(urgent ? "【至急】" : "", instruction == null || instruction.isBlank() ? taskName : instruction,
        // Whom to call reaches the phone of someone who is not looking at a screen.
        advice == null || advice.isBlank() ? "" : "\n" + advice + "\n",
        incidentNumber, incidentTitle == null ? "" : incidentTitle,
        severityLevel == null ? "未判定" : "レベル" + severityLevel,
        dueAt == null ? "なし" : JapaneseTime.format(dueAt, zone), link);
  }
}
