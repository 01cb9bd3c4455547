package jp.smb.incident.reporting;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import jp.smb.incident.drillmode.DrillTime;
import jp.smb.incident.drillmode.Drills;
import jp.smb.incident.settings.JapaneseTime;

/**
 * Works out the due date of a report from the time the business became aware of the reportable situation, and
 * its draft and contact.
 *
 * <p>Deadlines in whole days are counted as the PPC guideline counts them (個人情報保護法ガイドライン通則編
 * 3-5-3-3 速報, 3-5-3-4 確報): the day of awareness is day 1, weekends and holidays count, and the period ends at
 * the end of its last day. 30日以内 from 24 November 09:30 therefore ends on 23 December at 23:59:59, Japan time.
 */
public class ReportPreparation {

  private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);
  static final String DRILL_DRAFT = Drills.MARK + "これは訓練用の下書きです。実際の報告先に送ったり、窓口に電話したりしないでください。\n\n";

  private final ReportDrafts drafts;
  private final Duration reminderBefore;
  private final Duration unfixedReminder;
  private final ZoneId zone;
  private final DrillTime drillTime;

  public ReportPreparation(ReportDrafts drafts, Duration reminderBefore, Duration unfixedReminder, ZoneId zone) {
    this(drafts, reminderBefore, unfixedReminder, zone, DrillTime.none());
  }

  /** @param drillTime how a drill's deadlines and reminders are brought closer */
  public ReportPreparation(ReportDrafts drafts, Duration reminderBefore, Duration unfixedReminder, ZoneId zone,
      DrillTime drillTime) {
    this.drafts = drafts;
    this.reminderBefore = reminderBefore;
    this.unfixedReminder = unfixedReminder;
    this.zone = zone;
    this.drillTime = drillTime;
  }

  public PreparedReport prepare(ReportItem item, Map<String, Object> facts) {
    Recipient recipient = item.recipientKind();
    OffsetDateTime aware = awareness(facts);
    OffsetDateTime dueAt = null;
    OffsetDateTime remindAt = null;
    String dueLabel = "期限なし（任意。必要に応じて速やかに）";
    String number = facts.get("incidentNumber") == null ? null : facts.get("incidentNumber").toString();
    if (item.deadline() != null) {
      OffsetDateTime legalDue = dueDate(aware, item.deadline());
      dueAt = drillTime.point(number, aware, legalDue);
      remindAt = drillTime.point(number, aware, legalDue.minus(reminderBefore));
      dueLabel = wholeDays(item.deadline())
          ? "%s まで（事態を知った日を1日目として%d日目の終わり）".formatted(label(dueAt), item.deadline().toDays())
          : "%s まで".formatted(label(dueAt));
    } else if (item.mandatory()) {
      // 速やかに, without a fixed period: someone is reminded if it is still not sent after a while.
      remindAt = aware.plus(drillTime.span(number, unfixedReminder));
      dueLabel = "法定の期限なし（速やかに）。%s までに済んでいなければ責任者に知らせます".formatted(label(remindAt));
    }
    String draft = drafts.draft(item, facts);
    if (Drills.isDrillNumber(number)) {
      dueLabel = Drills.MARK + dueLabel + "（訓練のため時間を縮めています）";
      draft = DRILL_DRAFT + draft;
    }
    return new PreparedReport(item.taskName(), recipient.id(), recipient.displayName(), item.mandatory(),
        item.basis(), dueAt, remindAt, dueLabel, contact(recipient, facts), draft, lawyerReview(recipient, facts));
  }

  /** The end of day N, day 1 being the day of awareness; a period in hours or minutes is added as it is. */
  public OffsetDateTime dueDate(OffsetDateTime aware, Duration deadline) {
    if (!wholeDays(deadline)) {
      return aware.plus(deadline);
    }
    LocalDate lastDay = aware.atZoneSameInstant(zone).toLocalDate().plusDays(deadline.toDays() - 1);
    return lastDay.atTime(END_OF_DAY).atZone(zone).toOffsetDateTime();
  }

  /** The due date of this incident: a drill's comes as much sooner as its time runs faster (DrillTime). */
  public OffsetDateTime dueDate(OffsetDateTime aware, Duration deadline, String incidentNumber) {
    return drillTime.point(incidentNumber, aware, dueDate(aware, deadline));
  }

  /** A time of this incident counted from {@code from}: as it is, or brought closer for a drill. */
  public OffsetDateTime incidentTime(String incidentNumber, OffsetDateTime from, OffsetDateTime point) {
    return drillTime.point(incidentNumber, from, point);
  }

  private static boolean wholeDays(Duration deadline) {
    return deadline.toDays() > 0 && deadline.equals(Duration.ofDays(deadline.toDays()));
  }

  private String label(OffsetDateTime time) {
    return JapaneseTime.format(time, zone);
  }

  /**
   * When the business knew of the reportable situation: 報告対象事態を知った日時 where the responder recorded a
   * later time than detection (e.g. the leak was found only by the investigation), otherwise 発覚日時.
   */
  static OffsetDateTime awareness(Map<String, Object> facts) {
    OffsetDateTime detected = parse("発覚日時 detectedAt", facts.get("detectedAt"));
    Object reportable = facts.get("reportableAwareAt");
    if (reportable == null || reportable.toString().isBlank()) {
      return detected;
    }
    OffsetDateTime aware = parse("報告対象事態を知った日時 reportableAwareAt", reportable);
    return aware.isAfter(detected) ? aware : detected;
  }

  /**
   * 知った時点 of one obligation as it opens: the time the responder entered, or else the moment the facts first made
   * it reportable. Facts decided at the first round were known at detection; a report the law asks for only after
   * a later fact (a correction, a later form) counts from that round, not from a detection days before.
   *
   * @param laterRound the reporting decision ran before for this incident
   */
  static OffsetDateTime obligationAwareness(Map<String, Object> facts, boolean mandatory, boolean laterRound,
      OffsetDateTime now) {
    OffsetDateTime known = awareness(facts);
    Object entered = facts.get("reportableAwareAt");
    boolean wasEntered = entered != null && !entered.toString().isBlank();
    if (!mandatory || !laterRound || wasEntered || known.isAfter(now)) {
      return known;
    }
    return now;
  }

  private static OffsetDateTime parse(String what, Object value) {
    try {
      return OffsetDateTime.parse(String.valueOf(value));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(what + " が日時として読めないため、報告の期限を計算できません: " + value, e);
    }
  }

  /**
   * A public statement goes to the lawyer when the contact list has one or the responder asks for it; otherwise
   * the responder checks it against a checklist.
   */
  private static boolean lawyerReview(Recipient recipient, Map<String, Object> facts) {
    if (recipient != Recipient.PUBLIC_NOTICE) {
      return false;
    }
    Object lawyer = facts.get("contactLawyer");
    boolean lawyerListed = lawyer instanceof String name && !name.isBlank() && !name.startsWith("未登録");
    return lawyerListed || Boolean.TRUE.equals(facts.get("lawyerReviewRequested"));
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
