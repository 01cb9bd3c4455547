package jp.smb.incident.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jp.smb.incident.procedure.IncidentType;
import jp.smb.incident.reporting.ReportObligations.Obligation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Due dates, reminders, contacts and drafts of single reports, without the engine. */
class ReportPreparationTest {

  private final ReportPreparation preparation =
      new ReportPreparation(new ReportDrafts(IncidentType.labels(), ZoneId.of("Asia/Tokyo")),
          Duration.ofDays(1), Duration.ofDays(3), ZoneId.of("Asia/Tokyo"));

  private static ReportItem item(String id, String recipient, Duration deadline) {
    return new ReportItem(id, recipient, "タスク名", deadline != null, deadline, "根拠");
  }

  private static Map<String, Object> facts(Map<String, Object> known) {
    Map<String, Object> facts = facts();
    facts.putAll(known);
    return facts;
  }

  private static Map<String, Object> facts(Object... keyValues) {
    Map<String, Object> facts = new HashMap<>(Map.of("detectedAt", "2026-11-24T09:30+09:00",
        "incidentTitle", "顧客名簿の漏えい", "incidentNumber", "INC-2026-0007"));
    for (int i = 0; i < keyValues.length; i += 2) {
      facts.put((String) keyValues[i], keyValues[i + 1]);
    }
    return facts;
  }

  /**
   * 個人情報保護法ガイドライン（通則編）3-5-3-3 速報・3-5-3-4 確報: the period runs from the time the business knew
   * of the reportable situation; in counting it the day of awareness is day 1, weekends and holidays included, and
   * the period ends with its last day. Aware on Tuesday 24 November 2026 at 09:30: 確報 within 30 days is due by the
   * end of 23 December, within 60 days by the end of 22 January 2027; the 速報 (概ね3〜5日) by the end of day 3.
   */
  @ParameterizedTest(name = "{0} after awareness → due {1}")
  @CsvSource({
      "P3D,   2026-11-26T23:59:59+09:00, 2026-11-25T23:59:59+09:00, 2026年11月26日 23時59分 まで（事態を知った日を1日目として3日目の終わり）",
      "P30D,  2026-12-23T23:59:59+09:00, 2026-12-22T23:59:59+09:00, 2026年12月23日 23時59分 まで（事態を知った日を1日目として30日目の終わり）",
      "P60D,  2027-01-22T23:59:59+09:00, 2027-01-21T23:59:59+09:00, 2027年1月22日 23時59分 まで（事態を知った日を1日目として60日目の終わり）",
      "PT12H, 2026-11-24T21:30+09:00,    2026-11-23T21:30+09:00,    2026年11月24日 21時30分 まで"})
  void shouldCountTheDayOfAwarenessAsDayOneAndEndWithTheLastDay(Duration deadline, OffsetDateTime due,
      OffsetDateTime remind, String label) {
    PreparedReport report = preparation.prepare(item("ppc-final", "ppc", deadline), facts());

    assertThat(report.dueAt()).isEqualTo(due);
    assertThat(report.remindAt()).isEqualTo(remind);
    assertThat(report.dueLabel()).isEqualTo(label);
  }

  @Test
  void shouldCountFromAwarenessOfTheReportableSituationWhenItCameLaterThanDetection() {
    ReportItem ppc = item("ppc-preliminary", "ppc", Duration.ofDays(3));

    // The outage was detected on the 24th; only the investigation on the 27th showed that data had leaked.
    assertThat(preparation.prepare(ppc, facts("reportableAwareAt", "2026-11-27T16:00+09:00")).dueAt())
        .isEqualTo(OffsetDateTime.parse("2026-11-29T23:59:59+09:00"));
    // A time before detection cannot move the deadline earlier than the law counts it.
    assertThat(preparation.prepare(ppc, facts("reportableAwareAt", "2026-11-20T10:00+09:00")).dueAt())
        .isEqualTo(OffsetDateTime.parse("2026-11-26T23:59:59+09:00"));
  }

  /** Detected on the 24th (the facts' detectedAt); the round runs on the 28th. */
  @ParameterizedTest(name = "mandatory {0}, later round {1}, entered {2} → aware {3}")
  @CsvSource({
      "true,  false, '',                     2026-11-24T09:30+09:00",
      "true,  true,  '',                     2026-11-28T15:00+09:00",
      "false, true,  '',                     2026-11-24T09:30+09:00",
      "true,  true,  2026-11-27T16:00+09:00, 2026-11-27T16:00+09:00"})
  void shouldCountANewObligationFromTheMomentTheFactsFirstMadeItReportable(boolean mandatory, boolean laterRound,
      String entered, OffsetDateTime aware) {
    Map<String, Object> known = new HashMap<>(facts());
    known.put("reportableAwareAt", entered);

    assertThat(ReportPreparation.obligationAwareness(known, mandatory, laterRound,
        OffsetDateTime.parse("2026-11-28T15:00+09:00"))).isEqualTo(aware);
  }

  @Test
  void shouldRemindOfAMandatoryReportWithoutAFixedPeriodAfterTheConfiguredTime() {
    PreparedReport notice = preparation.prepare(
        new ReportItem("data-subjects", "data-subjects", "本人に通知する", true, null, "規則10条"), facts());

    assertThat(notice.dueAt()).isNull();
    assertThat(notice.remindAt()).isEqualTo(OffsetDateTime.parse("2026-11-27T09:30+09:00"));
    assertThat(notice.dueLabel()).startsWith("法定の期限なし（速やかに）").contains("2026年11月27日 9時30分");
    assertThat(preparation.prepare(item("ipa", "ipa", null), facts()).remindAt()).as("voluntary").isNull();
  }

  @Test
  void shouldShowTheOrganisationsOwnContactBeforeThePublicDesk() {
    PreparedReport report = preparation.prepare(item("police", "police", null),
        facts("contactPolice", "県警 000-000-0003"));

    assertThat(report.dueAt()).isNull();
    assertThat(report.remindAt()).isNull();
    assertThat(report.dueLabel()).startsWith("期限なし");
    assertThat(report.contact()).startsWith("県警 000-000-0003\n").contains("npa.go.jp");
  }

  @Test
  void shouldAskTheLawyerToCheckAPublicStatementWhenOneIsListedOrTheResponderAsks() {
    ReportItem statement = item("public-notice", "public-notice", null);

    assertThat(preparation.prepare(statement, facts("contactLawyer", "さくら法律事務所 03-0000-0000"))
        .lawyerReviewRequired()).isTrue();
    assertThat(preparation.prepare(statement, facts("contactLawyer", "未登録（設定 incident.contacts.lawyer）",
        "lawyerReviewRequested", true)).lawyerReviewRequired()).isTrue();
    // No lawyer on the list and none asked for: the responder checks the statement against a checklist.
    assertThat(preparation.prepare(statement, facts("contactLawyer", "未登録（設定 incident.contacts.lawyer）"))
        .lawyerReviewRequired()).isFalse();
    assertThat(preparation.prepare(item("partners", "partners", null),
        facts("contactLawyer", "さくら法律事務所")).lawyerReviewRequired()).isFalse();
  }

  @Test
  void shouldRefuseAnAwarenessTimeItCannotRead() {
    assertThatThrownBy(() -> preparation.prepare(item("ppc-preliminary", "ppc", Duration.ofDays(3)),
        facts("detectedAt", "昨日の夕方")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("発覚日時 detectedAt が日時として読めない").hasMessageContaining("昨日の夕方");
  }

  @Test
  void shouldDraftThePpcReportWithEveryItemOfRule8AndMarkWhatIsUnknown() {
    String draft = preparation.prepare(item("ppc-preliminary", "ppc", Duration.ofDays(3)), facts(
        "eventDescription", "不正アクセス", "affectedCustomerData", "氏名、カード番号", "affectedPersons", 3L,
        "financialDamageRisk", true)).draft();

    assertThat(draft).contains("漏えい等報告（速報）", "INC-2026-0007", "(1) 概要: 顧客名簿の漏えい。不正アクセス",
        "(2) 漏えい等が発生し、又は発生したおそれがある個人データの項目: 氏名、カード番号",
        "(3) 漏えい等が発生し、又は発生したおそれがある個人データに係る本人の数: 3人", "(4) 原因: 【原因】",
        "(5) 二次被害又はそのおそれの有無及びその内容: 財産的被害が生じるおそれがあります", "(6) 本人への対応の実施状況",
        "(7) 公表の実施状況", "(8) 再発防止のための措置: 【再発防止策】", "(9) その他参考となる事項:", "報告の根拠: 根拠");
  }

  private static Obligation obligation(String item, String recipient, boolean mandatory, String sentAt) {
    return new Obligation(item, recipient, mandatory, "根拠", null, null, sentAt == null ? "open" : "sent",
        sentAt == null ? null : OffsetDateTime.parse(sentAt), null);
  }

  /** 規則8条1項: each item the record knows or can decide is filled, in the 速報 and the 確報 alike. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("ruleEightItems")
  void shouldFillEachItemOfRuleEightTheRecordKnows(String item, Map<String, Object> known, String expected) {
    String draft = preparation.prepare(item("ppc-final", "ppc", Duration.ofDays(30)), facts(known)).draft();

    assertThat(draft).contains(expected);
  }

  static Stream<Arguments> ruleEightItems() {
    return Stream.of(
        Arguments.of("(2) the data items", Map.of("affectedInformation", "氏名、病歴"),
            "(2) 漏えい等が発生し、又は発生したおそれがある個人データの項目: 氏名、病歴"),
        Arguments.of("(3) the number of people", Map.of("affectedPersons", 1200L),
            "に係る本人の数: 1200人"),
        Arguments.of("(4) the cause as known", Map.of("suspectedCause", "VPN機器の脆弱性"), "(4) 原因: VPN機器の脆弱性"),
        Arguments.of("(5) misuse on purpose", Map.of("incidentType", "unauthorized-access"),
            "(5) 二次被害又はそのおそれの有無及びその内容: 不正の目的で取得されたおそれがあり"),
        Arguments.of("(6) the people told", Map.of(ReportDrafts.OBLIGATIONS,
            List.of(obligation("data-subjects", "data-subjects", true, "2026-11-25T10:00+09:00"))),
            "(6) 本人への対応の実施状況: 本人への通知済み（2026年11月25日 10時00分）"),
        Arguments.of("(6) the people not yet told", Map.of(ReportDrafts.OBLIGATIONS,
            List.of(obligation("data-subjects", "data-subjects", true, null))),
            "(6) 本人への対応の実施状況: 本人への通知を準備中（法令上の義務として速やかに行います）"),
        Arguments.of("(7) the public notice", Map.of(ReportDrafts.OBLIGATIONS,
            List.of(obligation("public-notice", "public-notice", false, "2026-11-26T18:00+09:00"))),
            "(7) 公表の実施状況: 公表済み（2026年11月26日 18時00分）"),
        Arguments.of("(7) no public notice", Map.of(), "(7) 公表の実施状況: 公表の予定はありません【理由】"),
        Arguments.of("(8) the measures recorded", Map.of("preventionMeasures", "VPN機器を更新し多要素認証にした"),
            "(8) 再発防止のための措置: VPN機器を更新し多要素認証にした"),
        Arguments.of("(9) My Number data", Map.of("myNumberInvolved", true), "特定個人情報（マイナンバー）を含みます"),
        Arguments.of("(9) the commissioning party", Map.of("commissioningParty", "株式会社委託元"),
            "委託を受けて取り扱う個人データです（委託元: 株式会社委託元）"),
        Arguments.of("(9) the commissioning party told: 26条1項ただし書", Map.of("commissioningParty", "株式会社委託元",
            ReportDrafts.OBLIGATIONS, List.of(obligation("commissioning-party", "commissioning-party", true,
                "2026-11-24T15:00+09:00"))), "委託元に通知済み（2026年11月24日 15時00分）。委託元が報告するときは、法26条1項ただし書"),
        Arguments.of("(9) the police and IPA", Map.of(ReportDrafts.OBLIGATIONS, List.of(
            obligation("police", "police", false, "2026-11-24T12:00+09:00"), obligation("ipa", "ipa", false, null))),
            "警察に届出済み（2026年11月24日 12時00分）\n    IPA（情報処理推進機構）に届け出る予定です"),
        Arguments.of("awareness later than detection", Map.of("reportableAwareAt", "2026-11-27T16:00+09:00"),
            "報告対象の事態を知った日時: 2026年11月27日 16時00分"));
  }

  @Test
  void shouldGiveTheCommissioningPartyTheItemsItNeedsForItsOwnPreliminaryReport() {
    String notice = preparation.prepare(item("commissioning-party", "commissioning-party", Duration.ofDays(3)), facts(
        "affectedInformation", "会員の氏名と住所", "affectedPersons", 40L, "suspectedCause", "設定の誤り")).draft();

    assertThat(notice).contains("委託元への漏えい等の通知（個人情報保護法26条1項ただし書、規則9条）", "INC-2026-0007",
        "(2) 漏えい等が発生し、又は発生したおそれがある個人データの項目: 会員の氏名と住所", "本人の数: 40人", "(4) 原因: 設定の誤り",
        "(6) 本人への対応の実施状況", "(7) 公表の実施状況", "(9) その他参考となる事項:", "速報（事態を知ってから概ね3〜5日以内）");
  }

  @Test
  void shouldWriteDatesAndTypesAsPeopleReadThem() {
    String ipa = preparation.prepare(item("ipa", "ipa", null), facts("incidentType", "ransomware",
        "occurredAt", "2026-11-23T13:05Z")).draft();

    assertThat(ipa).contains("発見日時: 2026年11月24日 9時30分", "被害の種類: コンピュータウイルス（ランサムウェア感染）")
        .doesNotContain("ransomware");
    assertThat(preparation.prepare(item("ppc-final", "ppc", Duration.ofDays(30)), facts("occurredAt", "2026-11-23T13:05Z"))
        .draft()).contains("発生日時: 2026年11月23日 22時05分");
    assertThat(preparation.prepare(item("partners", "partners", null), facts("incidentType", "misdelivery")).draft())
        .contains("種別: 電子メール等の誤送信");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "ipa,           IPA へのコンピュータウイルス・不正アクセス被害の届出",
      "data-subjects, 個人情報の漏えい（又はそのおそれ）に関するお知らせとお詫び",
      "public-notice, 1. 経緯: 2026年11月24日 9時30分 に",
      "insurer,       インシデント番号: INC-2026-0007"})
  void shouldDraftEachKindOfReport(String recipient, String expected) {
    assertThat(preparation.prepare(item(recipient, recipient, null), facts()).draft()).contains(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"ppc", "ipa", "data-subjects", "public-notice", "partners"})
  void shouldPrintMarkupAndTemplateExpressionsFromTheRecordAsTyped(String recipient) {
    String typed = "<script>alert('x')</script> ${7*7} [[${incidentTitle}]] [(${incidentNumber})]";
    String draft = preparation.prepare(item(recipient, recipient, null), facts("incidentTitle", typed,
        "eventDescription", typed, "containmentNote", typed, "preventionMeasures", typed)).draft();

    assertThat(draft).contains(typed).doesNotContain("49").doesNotContain("INC-2026-0007]");
  }
}
