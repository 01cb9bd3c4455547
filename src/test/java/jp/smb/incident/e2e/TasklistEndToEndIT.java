package jp.smb.incident.e2e;

import static jp.smb.incident.HttpTestClient.temporaryDirectory;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jp.smb.incident.company.Company;
import jp.smb.incident.company.CompanyService;
import jp.smb.incident.database.H2Backup;
import jp.smb.incident.drill.DrillCleanup;
import jp.smb.incident.record.IncidentRecord;
import jp.smb.incident.record.IncidentRecords;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application on a fresh data directory, worked through Debian's Chromium as each role of the demo
 * organisation: start an incident from Tasklist's start form, work every task of a path to the end through the
 * real Camunda Forms, and find the incident in Cockpit. Screenshots go to target/e2e-screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class TasklistEndToEndIT {

  private static final String PASSWORD = "Renshu-2026!";
  private static final Path DATA_DIR = temporaryDirectory("incident-e2e");
  private static final Path OWN_SCENARIOS = temporaryDirectory("incident-e2e-scenarios");
  private static Tasklist browser;

  @DynamicPropertySource
  static void freshDataDirectory(DynamicPropertyRegistry registry) {
    registry.add("incident.data-dir", DATA_DIR::toString);
    registry.add("incident.drill.scenario-dir", () -> ownScenario().toString());
  }

  /** A scenario of the organisation's own, beside the shipped ones: a copy of one under another id and title. */
  private static Path ownScenario() {
    try {
      String shipped = Files.readString(Path.of("drills", "email-misdelivery.json"));
      Files.writeString(OWN_SCENARIOS.resolve("fax-misdelivery.json"), shipped
          .replace("\"email-misdelivery\"", "\"fax-misdelivery\"")
          .replace("顧客のメールアドレスが見える形で案内メールを一斉送信した", "注文書の FAX を別の取引先に送ってしまった"));
      return OWN_SCENARIOS;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Autowired
  IncidentRecords records;

  @Autowired
  DrillCleanup drills;

  @Autowired
  H2Backup backup;

  @BeforeAll
  static void noBrowserYet() {
    browser = null;
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  private Tasklist browser() {
    if (browser == null) {
      browser = new Tasklist(port, Path.of("target", "e2e-screenshots"));
    }
    return browser;
  }

  private Tasklist reportIncident(String procedure, String title) {
    Tasklist form = browser().login("tasklist", "demo-staff", PASSWORD).startProcess(procedure);
    // form-js's own placeholder, in Japanese too (scripts/form-texts-ja.js).
    assertThat(form.await("[id$='-Field_incidentType-display']").getText())
        .isEqualTo("選択してください");
    return form
        .type("incidentTitle", title)
        .choose("incidentType", "その他・不明")
        .type("eventDescription", "見覚えのない送信済みメールが大量にある")
        .type("affectedSystems", "受付用PC")
        .radio("reportSource", 0);
  }

  private String businessKeyOf(String title) {
    HistoricProcessInstance instance = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .variableValueEquals("incidentTitle", title).singleResult();
    assertThat(instance).as("incident %s", title).isNotNull();
    return instance.getBusinessKey();
  }

  /** The engine, not the page, says whether a step was completed. */
  private void awaitCompleted(String number, String taskKey) {
    Awaitility.await("%s of %s closed after completing it".formatted(taskKey, number)).atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(200)).until(() -> engine.getTaskService().createTaskQuery()
            .processInstanceBusinessKey(number).taskDefinitionKey(taskKey).count() == 0);
  }

  @Test
  void shouldRunAThreeStageIncidentFromTheStartFormToTheEndThroughEachRole() {
    String title = "E2E 予兆事象の報告";
    reportIncident("セキュリティインシデント対応（IPA 3段階）", title);
    // A Japanese browser gets Tasklist itself in Japanese, not only our forms.
    assertThat(browser().pageText()).contains("インシデントを報告（手順を開始）", "担当グループのタスク", "開始");
    browser().screenshot("ipa-start-form");
    browser().submitStartForm();
    String number = businessKeyOf(title);

    // Another group does not see the incident lead's task.
    assertThat(browser().login("tasklist", "demo-comms", PASSWORD).taskNames())
        .doesNotContain("インシデントに該当するか判断する");

    browser().login("tasklist", "demo-lead", PASSWORD);
    assertThat(browser().taskNames()).contains("インシデントに該当するか判断する");
    browser().openTask("インシデントに該当するか判断する");
    // Left unticked, the form asks why it is not an incident: completing without the reason is refused.
    browser().complete();
    // form-js's own validation message, in Japanese.
    assertThat(browser().fieldErrors()).isNotEmpty().allSatisfy(error -> assertThat(error).isEqualTo("入力してください。"));
    browser().screenshot("ipa-triage-required-field");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(number)
        .taskDefinitionKey("Task_TriageReport").count()).isEqualTo(1);
    // Reopened, as a person would after reading the message.
    browser().openTask("インシデントに該当するか判断する").check("isIncident").check("precursorOnly");
    browser().screenshot("ipa-triage");
    browser().completeAndWait();
    awaitCompleted(number, "Task_TriageReport");

    browser().login("tasklist", "demo-sysadmin", PASSWORD).openTask("予兆事象に対処する")
        .type("precursorAction", "不審なログインを遮断し、パスワードを変更した");
    browser().screenshot("ipa-precursor");
    browser().completeAndWait();

    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number).count())
        .isZero();
    IncidentRecord record = records.find(number).orElseThrow();
    assertThat(record.state()).isEqualTo(IncidentRecord.State.CLOSED);
    assertThat(record.severityLevel()).isZero();

    // The supervisor finds the incident's decision in Cockpit.
    String decisionId = engine.getRepositoryService().createDecisionDefinitionQuery()
        .decisionDefinitionKey("incident-severity").latestVersion().singleResult().getId();
    String instanceId = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(number).singleResult().getId();
    browser().login("cockpit", "demo-lead", PASSWORD).open("cockpit/default/#/decision-definition/" + decisionId);
    browser().screenshot("cockpit-decision");
    assertThat(browser().pageText()).contains(instanceId, "判断の履歴");
  }

  /** WCAG contrast ratio of an element's text against the first opaque background behind it. */
  private static final String CONTRAST = """
      const rgb = c => c.match(/[\\d.]+/g).map(Number);
      const lum = ([r, g, b]) => [r, g, b].map(v => v / 255)
          .map(v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4))
          .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
      const background = e => {
        for (let n = e; n; n = n.parentElement) {
          const c = rgb(getComputedStyle(n).backgroundColor);
          if (c.length < 4 || c[3] > 0) return c;
        }
        return [255, 255, 255];
      };
      const contrast = e => {
        const [a, b] = [lum(rgb(getComputedStyle(e).color)), lum(background(e))];
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      };
      """;

  /** A leak of 1,500 customers' data detected {@code daysAgo} days ago, worked up to its first reports. */
  private String leakReported(String title, int daysAgo) {
    String detectedAt = OffsetDateTime.now(ZoneId.of("Asia/Tokyo")).minusDays(daysAgo).truncatedTo(ChronoUnit.MINUTES)
        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    String number = engine.getRuntimeService().startProcessInstanceByKey("ipa-incident-response", Map.of(
        "incidentTitle", title, "incidentType", "unauthorized-access", "detectedAt", detectedAt,
        "eventDescription", "顧客データベースに不審なアクセス", "reportSource", "internal")).getBusinessKey();
    Map<String, Object> leak = Map.of("personalDataLeaked", "yes", "affectedPersons", 1500);
    completeTask(number, "Task_TriageReport", Map.of("isIncident", true), leak);
    completeTask(number, "Task_ReportToExecutive", Map.of("executiveReport", "社長に電話で報告"), Map.of());
    completeTask(number, "Task_SetUpResponseTeam", Map.of("responseLeader", "佐藤", "responseMembers", "鈴木"), Map.of());
    completeTask(number, "Task_ContainIncident", Map.of("containmentNote", "LANケーブルを抜いた", "powerKeptOn", true,
        "externallyReachable", false, "damageMaySpread", false), leak);
    completeTask(number, "Task_DecideFirstReport", Map.of("firstReportPlan", "個人情報保護委員会に速報"), Map.of());
    return number;
  }

  /** Completes the incident's task once it is there (the job executor runs the asynchronous steps before it). */
  private void completeTask(String number, String taskKey, Map<String, Object> values, Map<String, Object> facts) {
    org.camunda.bpm.engine.task.Task task = Awaitility.await("%s of %s opened".formatted(taskKey, number))
        .atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
        .until(() -> engine.getTaskService().createTaskQuery().processInstanceBusinessKey(number)
            .taskDefinitionKey(taskKey).singleResult(), Objects::nonNull);
    Map<String, Object> variables = new HashMap<>(values);
    variables.putAll(facts);
    engine.getTaskService().complete(task.getId(), variables);
  }


  @Test
  void shouldShowTheIncidentLeadTheBoardWithLevelsAndTheOverdueReportInRed() {
    String late = leakReported("E2E 先週発覚した漏えい", 8);
    String fresh = leakReported("E2E 本日発覚した漏えい", 0);

    browser().login("cockpit", "demo-lead", PASSWORD).open("cockpit/default/#/dashboard");
    String freshRow = ".incident-board tr[data-incident='" + fresh + "']";
    String lateRow = ".incident-board tr[data-incident='" + late + "']";
    assertThat(browser().await(freshRow).getText()).contains(fresh, "E2E 本日発覚した漏えい", "レベル3",
        "個人情報保護委員会", "あと", "ステップ2 報告・公表", "対外連絡担当者");
    assertThat(browser().await(lateRow).getText()).contains("期限超過", "個人情報保護委員会", "超過");
    // Red: the overdue deadline's cell, in words and in colour; the fresh one is neither red nor amber.
    assertThat(browser().await(lateRow + " td.ib-deadline").getAttribute("data-urgency")).isEqualTo("overdue");
    assertThat(browser().await(lateRow + " td.ib-deadline").getCssValue("background-color"))
        .isEqualTo("rgba(253, 236, 234, 1)");
    assertThat(browser().await(freshRow + " td.ib-deadline").getAttribute("data-urgency")).isEqualTo("later");
    // Most urgent first.
    assertThat(browser().await(".incident-board tbody tr").getAttribute("data-incident")).isEqualTo(late);
    // The charts are drawn by Chart.js from the webjar.
    assertThat(browser().await(".incident-board .ib-chart canvas").getAttribute("aria-label")).contains("月ごとの平均時間");
    // Accessibility basics: every control has a label, the table a caption, and coloured text at least 4.5:1.
    assertThat(browser().script("return [...document.querySelectorAll('.incident-board select, .incident-board input')]"
        + ".filter(c => c.labels.length === 0).map(c => c.id)")).asList().isEmpty();
    assertThat(browser().script("return document.querySelector('.incident-board table caption').textContent"))
        .asString().contains("対応中のインシデント");
    assertThat(browser().script(CONTRAST + "return [...document.querySelectorAll('.incident-board .ib-level, "
        + ".incident-board .ib-deadline-overdue, .incident-board .ib-muted')]"
        + ".map(e => contrast(e)).filter(ratio => ratio < 4.5)")).asList().isEmpty();
    // The default period ends today in Japan, as the server counts it, whatever this browser's own zone (UTC here)
    // says: from 15:00 to 24:00 UTC the browser's date is still yesterday.
    assertThat(browser().script("return document.getElementById('ib-to').value"))
        .isEqualTo(java.time.LocalDate.now(ZoneId.of("Asia/Tokyo")).toString());
    browser().screenshot("cockpit-incident-board");
    browser().screenshot(".incident-board h2", Path.of("target", "e2e-screenshots", "incident-board.png"));
  }

  private static final String PASSWORD_OF_COMPANY_LEADS = "Kaisha-Betsu-2026!";

  @Autowired
  CompanyService companies;

  private void companyLead(String company, String name, String userId) {
    if (engine.getIdentityService().createTenantQuery().tenantId(company).count() == 0) {
      companies.create(new Company(company, name, "company", null, Map.of()), null);
    }
    if (engine.getIdentityService().createUserQuery().userId(userId).count() == 0) {
      User user = engine.getIdentityService().newUser(userId);
      user.setFirstName(name);
      user.setLastName("対応責任者");
      user.setPassword(PASSWORD_OF_COMPANY_LEADS);
      engine.getIdentityService().saveUser(user);
    }
    companies.addMember(company, userId, List.of("incident-lead"));
  }

  @Test
  void shouldShowACompanysLeadNothingOfAnotherCompanyInTasklistOrCockpit() {
    companyLead("acme", "株式会社アクメ", "acme-lead");
    companyLead("beta", "ベータ商店", "beta-lead");
    String number = engine.getRuntimeService().startProcessInstanceByKey("ipa-incident-response", Map.of(
        "incidentTitle", "E2E アクメの誤送信", "incidentType", "misdelivery", "eventDescription", "宛先を誤った",
        "companyId", "acme")).getBusinessKey();

    // Company acme's lead finds its triage in Tasklist, with the incident's number beside it.
    browser().login("tasklist", "acme-lead", PASSWORD_OF_COMPANY_LEADS).openTask("インシデントに該当するか判断する");
    assertThat(browser().pageText()).contains(number);
    browser().screenshot("company-acme-tasklist");

    // Company beta's lead, in the same role, sees nothing of it: not in Tasklist, not on Cockpit's board.
    browser().login("tasklist", "beta-lead", PASSWORD_OF_COMPANY_LEADS);
    browser().taskNames();
    assertThat(browser().pageText()).doesNotContain(number, "E2E アクメの誤送信");
    browser().screenshot("company-beta-tasklist");
    browser().login("cockpit", "beta-lead", PASSWORD_OF_COMPANY_LEADS).open("cockpit/default/#/dashboard");
    assertThat(browser().await(".incident-board .ib-status").getText()).startsWith("更新");
    assertThat(browser().await(".incident-board table").getText()).doesNotContain(number);
    browser().screenshot("company-beta-cockpit");
  }

  @Test
  void shouldLetSomeoneInSeveralCompaniesChooseTheCompanyOfANewIncidentFromAList() {
    companyLead("acme", "株式会社アクメ", "desk-e2e");
    companyLead("beta", "ベータ商店", "desk-e2e");
    String title = "E2E ベータ商店のNAS停止";
    Tasklist form = browser().login("tasklist", "desk-e2e", PASSWORD_OF_COMPANY_LEADS)
        .startProcess("セキュリティインシデント対応（IPA 3段階）");

    // The companies to choose from, and the installation itself, instead of an id to type.
    WebElement choice = form.await(".incident-company-choice");
    List<String> offered = new Select(choice).getOptions().stream().map(WebElement::getText).toList();
    assertThat(offered).contains("株式会社アクメ（acme）", "ベータ商店（beta）")
        .anySatisfy(option -> assertThat(option).startsWith("この環境そのもの"));
    assertThat(form.script("return document.querySelector(\"[id$='-Field_companyId']\").offsetParent === null"))
        .as("the typed field gives way").isEqualTo(true);
    new Select(choice).selectByValue("beta");
    form.type("incidentTitle", title)
        .choose("incidentType", "その他・不明")
        .type("eventDescription", "NAS に接続できない")
        .type("affectedSystems", "NAS")
        .radio("reportSource", 0);
    browser().screenshot("company-choice-start-form");
    form.submitStartForm();

    Awaitility.await("the incident in company beta").atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(200)).until(() -> engine.getRuntimeService().createProcessInstanceQuery()
            .variableValueEquals("incidentTitle", title).tenantIdIn("beta").count() == 1);
  }

  @Test
  void shouldLetTheLeadChooseADrillsScenarioIncludingTheOrganisationsOwnFromAList() {
    Tasklist form = browser().login("tasklist", "demo-lead", PASSWORD).startProcess("訓練を始める");

    // The shipped scenarios and the organisation's own, by title, instead of an id to type.
    WebElement choice = form.await(".incident-scenario-choice");
    List<String> offered = new Select(choice).getOptions().stream().map(WebElement::getText).toList();
    assertThat(offered).contains("注文書の FAX を別の取引先に送ってしまった",
        "カード会社から、ネットショップでのカード情報漏えいの疑いを知らされた").hasSize(6);
    new Select(choice).selectByValue("fax-misdelivery");
    assertThat(form.await(".incident-scenario-summary").getText()).startsWith("セール案内を送る際");
    browser().screenshot("drill-start-form");
    form.submitStartForm();

    String number = Awaitility.await("a drill of the organisation's own scenario").atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(200)).until(() -> engine.getRuntimeService().createProcessInstanceQuery()
            .processDefinitionKey("ipa-incident-response").variableValueEquals("drillScenario", "fax-misdelivery")
            .list().stream().map(ProcessInstance::getBusinessKey).filter(key -> key.startsWith("TRN-")).findFirst()
            .orElse(null), Objects::nonNull);

    // Cockpit's board leaves the drill out until asked, then marks it and links its scorecard.
    browser().open("cockpit/default/#/dashboard");
    assertThat(browser().await(".incident-board .ib-status").getText()).startsWith("更新");
    assertThat(browser().await(".incident-board table").getText()).doesNotContain(number);
    browser().await("#ib-drills").click();
    String drillRow = ".incident-board tr[data-incident='" + number + "']";
    assertThat(browser().await(drillRow + " .ib-drill").getText()).isEqualTo("訓練");
    assertThat(browser().await(drillRow + " a.ib-scorecard").getAttribute("href"))
        .endsWith("/api/drills/" + number + "/scorecard.pdf");
    browser().screenshot("drill-on-the-board");

    // Its 【訓練】 tasks would otherwise sit in the lead's list beside the real ones the other scenarios open.
    drills.delete(number, "demo-lead");
  }

  @Test
  void shouldWarnTheLeadOnTheBoardWhileTheBackupFails() throws IOException {
    Path dir = backup.directory();
    Path moved = Files.exists(dir) ? Files.move(dir, dir.resolveSibling("backup-kept")) : null;
    // A file where the copies should go: the copy fails, the application goes on.
    Files.writeString(dir, "not a directory");
    try {
      assertThat(backup.copy()).isEmpty();
      browser().login("cockpit", "demo-lead", PASSWORD).open("cockpit/default/#/dashboard");
      assertThat(browser().await(".incident-board .ib-notice").getText()).startsWith("データのバックアップに失敗しています");
      browser().screenshot("board-backup-failing");
    } finally {
      Files.delete(dir);
      if (moved != null) {
        Files.move(moved, dir);
      }
    }
    assertThat(backup.copy()).as("the next good copy ends the warning").isPresent();
    // The board asked again (its 表示 button) says nothing more.
    browser().await(".incident-board .ib-toolbar button[type='submit']").click();
    Awaitility.await("the warning gone").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
        .until(() -> Long.valueOf(0).equals(
            browser().script("return document.querySelectorAll('.incident-board .ib-notice').length")));
  }

  @Test
  void shouldRunASixStepIncidentThroughAllSixStepsToTheFinalReport() {
    String title = "E2E 6ステップの全手順";
    reportIncident("情報セキュリティインシデント対応（6ステップ）", title).submitStartForm();
    String number = businessKeyOf(title);

    // Steps 1 to 3: the technician records, isolates, investigates and recovers.
    browser().login("tasklist", "demo-tech", PASSWORD).openTask("状況を確認し記録する").check("isIncident")
        .radio("personalDataLeaked", 1);
    browser().screenshot("six-step-1-record-situation");
    browser().completeAndWait();
    step("機器を隔離しアカウントを保護する", t -> t.check("networkDisconnected").type("isolationNote", "LAN ケーブルを抜いた"));
    step("変更を加える前に証拠を収集する", t -> t.type("evidenceItems", "受付用PCのメモリとディスクの複製"));
    step("ログを収集し根本原因を分析する",
        t -> t.type("collectedLogs", "UTM とメールサーバーのログ").type("suspectedCause", "パスワードの使い回し"));
    step("影響範囲を確定する", t -> t.radio("businessAffected", 0));
    // The business found stopped only now: the executive activates the BCP, beside the investigation.
    browser().login("tasklist", "demo-executive", PASSWORD);
    step("事業継続計画（BCP）を発動する", t -> t.type("continuityActions", "電話と紙で受注を続ける"));
    browser().login("tasklist", "demo-lead", PASSWORD);
    step("調査結果の報告を受けて確認する", t -> t.type("findingsReviewNote", "復旧を優先する"));
    browser().login("tasklist", "demo-tech", PASSWORD);
    step("根本原因を排除する", t -> t.type("rootCauseEliminationNote", "不正な転送設定を削除した"));
    step("セキュリティを強化する", t -> t.check("settingsHardened").type("hardeningNote", "二要素認証を有効にした"));
    step("影響のないバックアップでデータを復旧する", t -> t.type("recoveryNote", "復旧は不要だった"));

    // Step 4: reporting only now, after the damage is established; the partners' report goes to comms.
    browser().login("tasklist", "demo-lead", PASSWORD);
    step("報告先と報告内容を決める", t -> t.check("partnersAffected"));
    browser().login("tasklist", "demo-comms", PASSWORD).openTask("取引先・顧客に事実を報告する")
        .choose("reportChannel", "電子メール").dateTime("reportSentAt", "2026/11/25", "10:00");
    browser().screenshot("six-step-4-report-to-partners");
    browser().completeAndWait();

    // Steps 5 and 6: prevention, record and review, by the incident lead.
    browser().login("tasklist", "demo-lead", PASSWORD);
    step("発生原因を分析する", t -> t.type("rootCause", "パスワードの管理不備"));
    step("再発防止策を策定し実施する", t -> t.type("preventionMeasures", "二要素認証の義務化"));
    step("情報セキュリティポリシーを見直す", t -> t.type("policyRevision", "パスワードの規程を改定"));
    step("全対応記録を保管する", t -> t.type("recordsArchived", "ログ、報告書").type("recordsLocation", "社内NAS"));
    step("対応全体を振り返る",
        t -> t.type("responseEffectiveness", "隔離が早かった").type("responseImprovements", "連絡先を更新する"));

    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number).count())
        .isZero();
    IncidentRecord record = records.find(number).orElseThrow();
    assertThat(record.state()).isEqualTo(IncidentRecord.State.CLOSED);
    assertThat(records.reportsSent(number)).singleElement()
        .satisfies(report -> assertThat(report.sentBy()).isEqualTo("demo-comms"));
    // The final report opens from the Tasklist login, in Japanese.
    assertThat(browser().openPage("/api/incidents/" + number + "/report"))
        .contains("インシデント報告書 " + number, "パスワードの管理不備", "取引先・顧客に事実を報告する");
    browser().screenshot("six-step-final-report");
  }

  private void step(String taskName, java.util.function.UnaryOperator<Tasklist> fill) {
    fill.apply(browser().openTask(taskName));
    browser().completeAndWait();
  }
}
