package jp.smb.incident.reporting;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import jp.smb.incident.contract.ReportStage;
import jp.smb.incident.documents.Templates;
import jp.smb.incident.reporting.ReportObligations.Obligation;
import jp.smb.incident.settings.JapaneseTime;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Drafts written from what the incident has recorded, for a person to check, complete and send. Blanks the
 * record cannot fill are left as 【...】 so that nothing unchecked looks final. The wording is in text templates,
 * {@code src/main/resources/templates/drafts/*.txt} (Thymeleaf, TEXT mode), editable without touching the code.
 */
public class ReportDrafts {

  private static final TemplateEngine TEMPLATES = Templates.engine("templates/drafts/", ".txt", TemplateMode.TEXT);

  private static final Map<String, String> BLANKS = Map.ofEntries(
      Map.entry("incidentNumber", "インシデント番号"), Map.entry("incidentTitle", "件名"),
      Map.entry("detectedAt", "発覚日時"), Map.entry("occurredAt", "発生日時"),
      Map.entry("eventDescription", "発生事象"), Map.entry("suspectedCause", "原因"),
      Map.entry("preventionMeasures", "再発防止策"), Map.entry("affectedSystems", "影響を受けた機器・システム"),
      Map.entry("intrusionPath", "感染・侵入の経路"), Map.entry("inquiryDeskContact", "問い合わせ窓口の連絡先"),
      Map.entry("incidentType", "被害の種類"));
  /** The incident's report obligations as they stand ({@link ReportObligations.Obligation}), among the facts. */
  static final String OBLIGATIONS = "reportObligations";


  private static final List<String> IMPROPER_TYPES = List.of("unauthorized-access", "insider", "ransomware", "malware");

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
    String template = switch (item.recipientKind()) {
      case PPC -> "ppc-report";
      case IPA -> "ipa-notification";
      case DATA_SUBJECTS -> "notice-to-data-subjects";
      case COMMISSIONING_PARTY -> "commissioning-party-notice";
      case PUBLIC_NOTICE -> "public-statement";
      default -> "factual-report";
    };
    return TEMPLATES.process(template, new Context(Locale.JAPANESE, values(item, facts)));
  }

  /**
   * What the templates may print, every value already in words (dates in Japanese, types by their labels, blanks
   * as 【…】). The values are data to the template engine, never template text: a {@code ${…}} typed into the
   * record is printed as it is.
   */
  private Map<String, Object> values(ReportItem item, Map<String, Object> f) {
    Map<String, Object> values = new HashMap<>();
    values.put("stage", ReportStage.of(item.id()).orElse(ReportStage.PRELIMINARY).label());
    values.put("taskName", item.taskName());
    values.put("basis", item.basis());
    for (String key : List.of("incidentNumber", "incidentTitle", "eventDescription", "suspectedCause",
        "preventionMeasures", "affectedSystems", "intrusionPath", "inquiryDeskContact")) {
      values.put(key, value(f, key));
    }
    values.put("detectedAt", date(f, "detectedAt"));
    values.put("awareAt", awareAt(f));
    values.put("occurredAt", date(f, "occurredAt"));
    values.put("incidentType", incidentType(f));
    values.put("personalDataItems", personalDataItems(f));
    values.put("persons", persons(f));
    values.put("secondaryDamage", secondaryDamage(f));
    values.put("containment", containment(f));
    List<Obligation> obligations = obligations(f);
    values.put("dataSubjectsStatus", status(obligations, Recipient.DATA_SUBJECTS, "本人への通知",
        "本人への通知は予定していません【理由、又は公表・問い合わせ窓口などの代わりの措置】"));
    values.put("publicNoticeStatus", status(obligations, Recipient.PUBLIC_NOTICE, "公表",
        "公表の予定はありません【理由】"));
    values.put("otherMatters", otherMatters(item, f, obligations));
    return values;
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

  /** (5) from the facts the decision read: financial damage, and misuse where it was done on purpose. */
  private static String secondaryDamage(Map<String, Object> f) {
    List<String> risks = new ArrayList<>();
    if (Boolean.TRUE.equals(f.get("financialDamageRisk"))) {
      risks.add("財産的被害が生じるおそれがあります");
    }
    if (Boolean.TRUE.equals(f.get("improperPurpose")) || IMPROPER_TYPES.contains(String.valueOf(f.get("incidentType")))) {
      risks.add("不正の目的で取得されたおそれがあり、不正利用などの二次被害のおそれがあります");
    }
    return risks.isEmpty() ? "現時点で確認されていません【確認の状況】" : String.join("。", risks) + "【具体的な内容】";
  }

  /** (6) and (7): what became of the report to the people concerned, or of the public notice. */
  private String status(List<Obligation> obligations, Recipient recipient, String what, String none) {
    return to(recipient, obligations)
        .map(o -> o.sent() ? what + "済み（" + label(o.sentAt()) + "）"
            : what + "を準備中" + (o.mandatory() ? "（法令上の義務として速やかに行います）" : "【予定日】"))
        .orElse(none);
  }

  /** (9): the basis, My Number data, the commissioning party and the other desks told, one per line. */
  private List<String> otherMatters(ReportItem item, Map<String, Object> f, List<Obligation> obligations) {
    List<String> lines = new ArrayList<>();
    lines.add("報告の根拠: " + (item.basis() == null ? "【根拠】" : item.basis()));
    if (Boolean.TRUE.equals(f.get("myNumberInvolved"))) {
      lines.add("特定個人情報（マイナンバー）を含みます");
    }
    if (present(f.get("commissioningParty"))) {
      lines.add("委託を受けて取り扱う個人データです（委託元: " + f.get("commissioningParty") + "）");
      to(Recipient.COMMISSIONING_PARTY, obligations).filter(Obligation::sent).ifPresent(o -> lines.add("委託元に通知済み（" + label(o.sentAt()) + "）。委託元が報告するときは、法26条1項ただし書により"
              + "当社の報告は不要になります【委託元と確認のうえ、この報告を出すか判断】"));
    }
    for (Recipient desk : List.of(Recipient.POLICE, Recipient.IPA)) {
      to(desk, obligations).ifPresent(o -> lines.add(
          desk.displayName() + (o.sent() ? "に届出済み（" + label(o.sentAt()) + "）" : "に届け出る予定です")));
    }
    return lines;
  }

  /** The report to this recipient, the first of its thread (the 速報 where there is one). */
  private static Optional<Obligation> to(Recipient recipient, List<Obligation> obligations) {
    return obligations.stream().filter(o -> o.recipient().equals(recipient.id())).findFirst();
  }

  @SuppressWarnings("unchecked")
  private static List<Obligation> obligations(Map<String, Object> f) {
    return f.get(OBLIGATIONS) instanceof List<?> list ? (List<Obligation>) list : List.of();
  }

  /** 報告対象事態を知った日時: detection, or the later awareness the responder recorded. */
  private String awareAt(Map<String, Object> f) {
    try {
      return label(ReportPreparation.awareness(f));
    } catch (IllegalArgumentException unreadable) {
      return "【報告対象の事態を知った日時】";
    }
  }

  private String label(OffsetDateTime time) {
    return time == null ? "【日時】" : JapaneseTime.format(time, zone);
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
      return label(OffsetDateTime.parse(value.toString()));
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
