package jp.smb.incident.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Due dates, reminders, contacts and drafts of single reports, without the engine. */
class ReportPreparationTest {

  private final ReportPreparation preparation =
      new ReportPreparation(new ReportDrafts(), Duration.ofDays(1), ZoneId.of("Asia/Tokyo"));

  private static ReportItem item(String id, String recipient, Duration deadline) {
    return new ReportItem(id, recipient, "タスク名", deadline != null, deadline, "根拠");
  }

  private static Map<String, Object> facts(Object... keyValues) {
    Map<String, Object> facts = new HashMap<>(Map.of("detectedAt", "2026-11-24T09:30+09:00",
        "incidentTitle", "顧客名簿の漏えい", "incidentNumber", "INC-2026-0007"));
    for (int i = 0; i < keyValues.length; i += 2) {
      facts.put((String) keyValues[i], keyValues[i + 1]);
    }
    return facts;
  }

  @ParameterizedTest(name = "{0} after awareness → due {1}")
  @CsvSource({
      "PT72H,   2026-11-27T09:30+09:00, 2026-11-26T09:30+09:00, 2026-11-27 09:30 まで（発覚から3日）",
      "PT720H,  2026-12-24T09:30+09:00, 2026-12-23T09:30+09:00, 2026-12-24 09:30 まで（発覚から30日）",
      "PT1440H, 2027-01-23T09:30+09:00, 2027-01-22T09:30+09:00, 2027-01-23 09:30 まで（発覚から60日）"})
  void shouldCountTheDeadlineFromAwarenessAndRemindADayBefore(Duration deadline, OffsetDateTime due,
      OffsetDateTime remind, String label) {
    PreparedReport report = preparation.prepare(item("ppc-final", "ppc", deadline), facts());

    assertThat(report.dueAt()).isEqualTo(due);
    assertThat(report.remindAt()).isEqualTo(remind);
    assertThat(report.dueLabel()).isEqualTo(label);
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
  void shouldAskForTheLawyersReviewOnlyOfAPublicStatementWhereTheProcedureSaysSo() {
    assertThat(preparation.prepare(item("public-notice", "public-notice", null),
        facts("lawyerReviewOfStatements", true)).lawyerReviewRequired()).isTrue();
    assertThat(preparation.prepare(item("public-notice", "public-notice", null), facts()).lawyerReviewRequired())
        .isFalse();
    assertThat(preparation.prepare(item("partners", "partners", null),
        facts("lawyerReviewOfStatements", true)).lawyerReviewRequired()).isFalse();
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
        "(7) 公表の実施状況", "(8) 再発防止のための措置: 【再発防止策】", "(9) その他参考となる事項: 報告の根拠: 根拠");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "ipa,           IPA へのコンピュータウイルス・不正アクセス被害の届出",
      "data-subjects, 個人情報の漏えい（又はそのおそれ）に関するお知らせとお詫び",
      "public-notice, 1. 経緯: 2026-11-24T09:30+09:00 に",
      "insurer,       インシデント番号: INC-2026-0007"})
  void shouldDraftEachKindOfReport(String recipient, String expected) {
    assertThat(preparation.prepare(item(recipient, recipient, null), facts()).draft()).contains(expected);
  }
}
