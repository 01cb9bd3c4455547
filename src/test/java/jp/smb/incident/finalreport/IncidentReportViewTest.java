package jp.smb.incident.finalreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import jp.smb.incident.evidence.CustodyEntry;
import jp.smb.incident.evidence.Evidence;
import jp.smb.incident.record.IncidentRecord;
import jp.smb.incident.record.RecordEntries.ReportSent;
import jp.smb.incident.record.RecordEntries.TimelineEntry;
import org.junit.jupiter.api.Test;

/** The final report as Markdown, from its template: every part, in order, and a table that stays a table. */
class IncidentReportViewTest {

  private static final OffsetDateTime DETECTED = OffsetDateTime.parse("2026-12-02T09:30:00+09:00");

  private static IncidentReportView view() {
    return view("顧客名簿の漏えい");
  }

  private static IncidentReportView view(String title) {
    IncidentRecord record = new IncidentRecord("INC-2026-0007", "pi-1", "ipa-incident-response",
        IncidentRecord.State.CLOSED, title, "unauthorized-access", 3, "株式会社サンプル", null, null,
        "internal", "demo-staff", DETECTED, DETECTED.minusHours(3), DETECTED.plusHours(2), DETECTED.plusDays(1),
        DETECTED.plusDays(2), "名簿が外部に送信された", "VPN の脆弱性", null, null, "VPN 機器の未更新",
        "月次で更新を確認する", "ファイルサーバー", null, null, DETECTED, false);
    List<TimelineEntry> timeline = List.of(
        new TimelineEntry(1, DETECTED, "STARTED", "インシデントを受け付けた", "demo-staff", "名簿が | 送信\nされた"),
        new TimelineEntry(2, DETECTED.plusHours(1), "DECISION", "事故レベルを判断する", null, "事故レベル 3"));
    List<ReportSent> reports = List.of(new ReportSent(1, "ppc-preliminary", "ppc", "個人情報保護委員会への速報", true,
        DETECTED.plusDays(3), "2026-12-03T10:00", "demo-comms", "web", "PPC-1", "下書き"));
    List<Evidence> evidence = List.of(new Evidence(1, "ファイアウォールのログ", "FW", "demo-tech", DETECTED.plusHours(1),
        "fw.log", "text/plain", 120L, "abc123"));
    return new IncidentReportView(record, timeline, reports, evidence,
        id -> List.of(new CustodyEntry(1, id, DETECTED.plusHours(1), "収集", "demo-tech", null)), ZoneId.of("Asia/Tokyo"));
  }

  @Test
  void shouldWriteEveryPartOfTheReportAsMarkdown() {
    assertThat(view().markdown()).isEqualTo("""
        # インシデント報告書 INC-2026-0007

        - 件名: 顧客名簿の漏えい
        - 状態: 完了

        ## 概要（5W1H）

        - いつ: 発生 2026年12月2日 6:30／発覚 2026年12月2日 9:30
        - どこで: ファイルサーバー
        - 誰が: （未記録）
        - 何を: 名簿が外部に送信された
        - なぜ: VPN 機器の未更新
        - どのように: （未記録）

        ## 整理しておくべき事項

        - 分類: 不正アクセス／事故レベル 3
        - 事業者: 株式会社サンプル
        - 責任者・担当者: 対応した人: demo-staff
        - 発覚日時: 2026年12月2日 9:30
        - 発生日時: 2026年12月2日 6:30
        - 発生事象: 名簿が外部に送信された
        - 対応経過: 下記「対応経過」のとおり（2件）
        - 想定される原因: VPN の脆弱性
        - 被害を受けたシステムの状況: （未記録）
        - システム構成・運用状況: （未記録）

        ## 対応経過

        | 日時 | 内容 | 担当 | 詳細 |
        |---|---|---|---|
        | 2026年12月2日 9:30 | インシデントを受け付けた | demo-staff | 名簿が ｜ 送信 された |
        | 2026年12月2日 10:30 | 事故レベルを判断する |  | 事故レベル 3 |

        ## 報告の記録

        - 個人情報保護委員会への速報（義務）: 2026-12-03T10:00 demo-comms

        ## 証拠

        - ファイアウォールのログ（demo-tech 2026年12月2日 10:30） SHA-256 abc123

        ## 根本原因と再発防止策

        - 根本原因: VPN 機器の未更新
        - 再発防止策: 月次で更新を確認する

        ## 対応に要した時間

        - 発見までの時間（発生→発覚）: 3時間0分
        - 封じ込めまでの時間（発覚→初動対応の完了）: 2時間0分
        - 復旧までの時間（発覚→復旧）: 1日0時間0分
        """);
  }

  /** What a reporter typed stays text: the template engine does not evaluate it. */
  @Test
  void shouldKeepTemplateExpressionsInTheIncidentAsText() {
    assertThat(view("[(${report.number})] と [# th:each=\"x : ${report}\"]x[/]").markdown())
        .contains("- 件名: [(${report.number})] と [# th:each=\"x : ${report}\"]x[/]\n");
  }
}
