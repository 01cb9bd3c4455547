package jp.smb.incident.reporting;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Works out the due date of a report from the time of awareness (発覚日時), and its draft and contact. */
public class ReportPreparation {

  private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final ReportDrafts drafts;
  private final Duration reminderBefore;
  private final ZoneId zone;

  public ReportPreparation(ReportDrafts drafts, Duration reminderBefore, ZoneId zone) {
    this.drafts = drafts;
    this.reminderBefore = reminderBefore;
    this.zone = zone;
  }

  public PreparedReport prepare(ReportItem item, Map<String, Object> facts) {
    Recipient recipient = item.recipientKind();
    OffsetDateTime dueAt = null;
    OffsetDateTime remindAt = null;
    String dueLabel = item.mandatory() ? "法定の期限なし（速やかに）" : "期限なし（任意。必要に応じて速やかに）";
    if (item.deadline() != null) {
      // The law counts from awareness, not from when this task was created.
      dueAt = awareness(facts).plus(item.deadline());
      remindAt = dueAt.minus(reminderBefore);
      dueLabel = "%s まで（発覚から%d日）".formatted(
          dueAt.atZoneSameInstant(zone).format(LABEL), item.deadline().toDays());
    }
    boolean lawyerReview = recipient == Recipient.PUBLIC_NOTICE
        && Boolean.TRUE.equals(facts.get("lawyerReviewOfStatements"));
    return new PreparedReport(item.taskName(), recipient.id(), recipient.displayName(), item.mandatory(),
        item.basis(), dueAt, remindAt, dueLabel, contact(recipient, facts), drafts.draft(item, facts), lawyerReview);
  }

  private static OffsetDateTime awareness(Map<String, Object> facts) {
    Object detectedAt = facts.get("detectedAt");
    try {
      return OffsetDateTime.parse(String.valueOf(detectedAt));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "発覚日時 detectedAt が日時として読めないため、報告の期限を計算できません: " + detectedAt, e);
    }
  }

  private static String contact(Recipient recipient, Map<String, Object> facts) {
    String own = recipient.contactVariable() == null ? null : (String) facts.get(recipient.contactVariable());
    String desk = switch (recipient) {
      case PPC -> "個人情報保護委員会 漏えい等報告 https://www.ppc.go.jp/personalinfo/legal/leakAction/"
          + "（マイナンバーを含む場合 https://www.ppc.go.jp/legal/rouei/）";
      case IPA -> "IPA ウイルス・不正アクセス届出 https://www.ipa.go.jp/security/todokede/crack-virus/about.html";
      case POLICE -> "警察庁 サイバー事案に関する通報等 https://www.npa.go.jp/bureau/cyber/soudan.html#touitsu";
      default -> null;
    };
    if (own == null) {
      return desk == null ? "" : desk;
    }
    return desk == null ? own : own + "\n" + desk;
  }
}
