package jp.smb.incident.drill;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.smb.incident.documents.HtmlDocuments;
import jp.smb.incident.documents.PdfDocuments;

/** The scorecard as a page to print and file with the drill's improvements: every page marked as a drill's. */
final class ScorecardDocument {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("M月d日 H:mm:ss");

  private ScorecardDocument() {
  }

  static byte[] pdf(DrillScorecard.Card card, String company) {
    return PdfDocuments.fromHtml(html(card), company, card.drillNumber());
  }

  static String html(DrillScorecard.Card card) {
    List<Map<String, Object>> summary = new ArrayList<>();
    row(summary, "件名", card.title());
    row(summary, "シナリオ", card.scenario());
    row(summary, "状態", card.state());
    row(summary, "開始・終了", time(card.startedAt()) + " 〜 " + time(card.endedAt()));
    row(summary, "時間の縮め方", card.timeScale());
    row(summary, "最初の対応", milestone(card.firstAction()));
    row(summary, "封じ込め", milestone(card.containment()));
    row(summary, "次への改善点（この訓練）", card.improvements() == null ? "（まだ書かれていません）" : card.improvements());
    row(summary, "前回の訓練の改善点", card.previousImprovements() == null ? "（なし）" : card.previousImprovements());
    List<Map<String, Object>> deadlines = card.deadlines().stream().map(deadline -> Map.<String, Object>of(
        "item", deadline.report() + (deadline.mandatory() ? "・義務" : ""), "due", time(deadline.dueAt()),
        "sent", time(deadline.sentAt()), "result", deadline.result(),
        "missed", deadline.result().contains("超過"))).toList();
    List<Map<String, Object>> escalations = card.escalations().stream().map(escalation -> Map.<String, Object>of(
        "task", escalation.taskName(), "fired", time(escalation.firedAt()),
        "by", escalation.answeredBy() == null ? "（誰も応えていない）" : escalation.answeredBy(),
        "at", time(escalation.answeredAt()))).toList();
    List<String> gaps = new ArrayList<>();
    card.contactGaps().forEach(contact -> gaps.add("連絡先が未登録: " + contact));
    card.alertsNotDelivered().forEach(alert -> gaps.add("通知が届かなかった: " + alert));
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("number", card.drillNumber());
    values.put("summary", summary);
    values.put("deadlines", deadlines);
    values.put("escalations", escalations);
    values.put("nobodyTook", card.tasksNobodyTook());
    values.put("gaps", gaps);
    return HtmlDocuments.render("drill/scorecard", values);
  }

  private static void row(List<Map<String, Object>> rows, String label, String value) {
    rows.add(Map.of("label", label, "value", value == null ? "" : value));
  }

  private static String milestone(DrillScorecard.Milestone milestone) {
    return milestone == null ? "（まだ）" : "%s %s（開始から %d 秒。インシデントの時間で %s）".formatted(milestone.label(),
        time(milestone.at()), milestone.drillSeconds(), milestone.incidentTime());
  }

  private static String time(OffsetDateTime time) {
    return time == null ? "" : time.format(TIME);
  }
}
