package jp.smb.incident.reporting;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Drafts written from what the incident has recorded, for a person to check, complete and send. Blanks the
 * record cannot fill are left as 【...】 so that nothing unchecked looks final.
 */
public class ReportDrafts {

  private static final Map<String, String> BLANKS = Map.ofEntries(
      Map.entry("incidentNumber", "インシデント番号"), Map.entry("incidentTitle", "件名"),
      Map.entry("detectedAt", "発覚日時"), Map.entry("occurredAt", "発生日時"),
      Map.entry("eventDescription", "発生事象"), Map.entry("suspectedCause", "原因"),
      Map.entry("preventionMeasures", "再発防止策"), Map.entry("affectedSystems", "影響を受けた機器・システム"),
      Map.entry("intrusionPath", "感染・侵入の経路"), Map.entry("inquiryDeskContact", "問い合わせ窓口の連絡先"),
      Map.entry("incidentType", "被害の種類"));
  private static final DateTimeFormatter JAPANESE_DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 H時mm分");

  private final Map<String, String> typeLabels;
  private final ZoneId zone;

  /**
   * @param typeLabels incident type id → the label the reporter chose from
   * @param zone       dates are written in the organisation's local time
   */
  public ReportDrafts(Map<String, String> typeLabels, ZoneId zone) {
    this.typeLabels = typeLabels;
    this.zone = zone;
  }

  public String draft(ReportItem item, Map<String, Object> facts) {
    return switch (item.recipientKind()) {
      case PPC -> ppcReport(item, facts);
      case IPA -> ipaNotification(facts);
      case DATA_SUBJECTS -> noticeToDataSubjects(facts);
      case PUBLIC_NOTICE -> publicStatement(facts);
      default -> factualReport(item, facts);
    };
  }

  /** The items of 個人情報保護法施行規則 8条1項. */
  private String ppcReport(ReportItem item, Map<String, Object> f) {
    String stage = item.id().endsWith("-final") ? "確報" : "速報";
    return """
        個人情報保護委員会への漏えい等報告（%s）
        インシデント番号: %s
        発覚日時（事態を知った日時）: %s
        発生日時: %s

        (1) 概要: %s。%s
        (2) 漏えい等が発生し、又は発生したおそれがある個人データの項目: %s
        (3) 漏えい等が発生し、又は発生したおそれがある個人データに係る本人の数: %s
        (4) 原因: %s
        (5) 二次被害又はそのおそれの有無及びその内容: %s
        (6) 本人への対応の実施状況: 【本人への通知の実施状況（予定を含む）】
        (7) 公表の実施状況: 【公表の有無、日時、方法】
        (8) 再発防止のための措置: %s
        (9) その他参考となる事項: 報告の根拠: %s

        報告方法: 個人情報保護委員会ウェブサイトの報告フォーム https://www.ppc.go.jp/personalinfo/legal/leakAction/
        """.formatted(stage, value(f, "incidentNumber"), date(f, "detectedAt"), date(f, "occurredAt"),
        value(f, "incidentTitle"), value(f, "eventDescription"), personalDataItems(f), persons(f),
        value(f, "suspectedCause"), secondaryDamage(f), value(f, "preventionMeasures"), item.basis());
  }

  private String ipaNotification(Map<String, Object> f) {
    return """
        IPA へのコンピュータウイルス・不正アクセス被害の届出
        届出窓口: https://www.ipa.go.jp/security/todokede/crack-virus/about.html

        インシデント番号: %s
        発見日時: %s
        被害の種類: %s
        被害の状況: %s
        被害を受けた機器・システム: %s
        感染・侵入の経路: %s
        原因: %s
        実施した対処: %s
        再発防止策: %s
        """.formatted(value(f, "incidentNumber"), date(f, "detectedAt"), incidentType(f),
        value(f, "eventDescription"), value(f, "affectedSystems"), value(f, "intrusionPath"),
        value(f, "suspectedCause"), containment(f), value(f, "preventionMeasures"));
  }

  private String noticeToDataSubjects(Map<String, Object> f) {
    return """
        【お客様のお名前】様

        個人情報の漏えい（又はそのおそれ）に関するお知らせとお詫び

        このたび、当社において、お客様の個人情報が漏えいした（又はそのおそれがある）ことが判明しました。
        多大なご迷惑とご心配をおかけしますことを、深くお詫び申し上げます。

        1. 概要: %s（%s に判明）
        2. 漏えいした（又はそのおそれがある）情報の項目: %s
        3. 原因: %s
        4. 二次被害のおそれと、お願い: %s
           当社を装った不審な電話やメールにご注意ください。
        5. 当社の対応: %s
        6. お問い合わせ窓口: %s
        """.formatted(value(f, "eventDescription"), date(f, "detectedAt"), personalDataItems(f),
        value(f, "suspectedCause"), secondaryDamage(f), containment(f), value(f, "inquiryDeskContact"));
  }

  /** 経緯, 対応状況, 再発防止策 (seed 000 報告・公表; seed 001 4-2). */
  private String publicStatement(Map<String, Object> f) {
    return """
        %sに関するお知らせ

        1. 経緯: %s に、%s。
        2. 影響: %s
        3. 対応状況: %s
        4. 再発防止策: %s
        5. お問い合わせ: %s

        関係者の皆様に多大なご迷惑とご心配をおかけしますことを、深くお詫び申し上げます。
        （公表前に、事実に基づかない推測が含まれていないか、公表が被害の拡大を招かないかを確認してください）
        """.formatted(value(f, "incidentTitle"), date(f, "detectedAt"), value(f, "eventDescription"),
        personalDataItems(f), containment(f), value(f, "preventionMeasures"), value(f, "inquiryDeskContact"));
  }

  private String factualReport(ReportItem item, Map<String, Object> f) {
    return """
        %s
        インシデント番号: %s
        件名: %s
        種別: %s
        発覚日時: %s
        発生事象: %s
        影響の範囲: %s
        現在の対応状況: %s

        （事実に基づいて記載し、推測は控えてください）
        """.formatted(item.taskName(), value(f, "incidentNumber"), value(f, "incidentTitle"), incidentType(f),
        date(f, "detectedAt"), value(f, "eventDescription"), value(f, "affectedSystems"), containment(f));
  }

  private static String personalDataItems(Map<String, Object> f) {
    for (String key : new String[] {"affectedCustomerData", "affectedInformation"}) {
      if (present(f.get(key))) {
        return f.get(key).toString();
      }
    }
    return "【漏えいした個人データの項目】";
  }

  private static String persons(Map<String, Object> f) {
    return present(f.get("affectedPersons")) ? f.get("affectedPersons") + "人" : "【本人の数】";
  }

  private static String secondaryDamage(Map<String, Object> f) {
    return Boolean.TRUE.equals(f.get("financialDamageRisk"))
        ? "財産的被害が生じるおそれがあります【具体的な内容】"
        : "現時点で確認されていません【確認の状況】";
  }

  private static String containment(Map<String, Object> f) {
    for (String key : new String[] {"containmentNote", "isolationNote"}) {
      if (present(f.get(key))) {
        return f.get(key).toString();
      }
    }
    return "【実施した対応】";
  }

  private String incidentType(Map<String, Object> f) {
    Object type = f.get("incidentType");
    String label = type == null ? null : typeLabels.get(type.toString());
    if ("ransomware".equals(type) || "malware".equals(type)) {
      return "コンピュータウイルス（" + label + "）";
    }
    return label != null ? label : value(f, "incidentType");
  }

  /** 2026年11月24日 9時30分, as people write it; a value that is not a time is shown as it was entered. */
  private String date(Map<String, Object> f, String key) {
    Object value = f.get(key);
    if (!present(value)) {
      return value(f, key);
    }
    try {
      return OffsetDateTime.parse(value.toString()).atZoneSameInstant(zone).format(JAPANESE_DATE_TIME);
    } catch (DateTimeParseException e) {
      return value.toString();
    }
  }

  private static String value(Map<String, Object> f, String key) {
    Object value = f.get(key);
    return present(value) ? value.toString() : "【" + BLANKS.getOrDefault(key, key) + "】";
  }

  private static boolean present(Object value) {
    return value != null && !value.toString().isBlank();
  }
}
