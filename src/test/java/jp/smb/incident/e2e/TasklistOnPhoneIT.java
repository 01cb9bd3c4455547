package jp.smb.incident.e2e;

import static jp.smb.incident.HttpTestClient.temporaryDirectory;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import jp.smb.incident.HttpTestClient;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sole proprietor alone at night with only a phone (390 × 844, touch): from the alert's link, through the login
 * page, to the PPC 速報, every form measured in Chromium as the phone shows it. Screenshots go to
 * target/phone-screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TasklistOnPhoneIT {

  private static final String OWNER = "kojin";
  private static final String PASSWORD = "Hitori-Taio-2026!";
  private static final Path DATA_DIR = temporaryDirectory("incident-phone");

  /** What the phone shows of the open task: measured in the page, in CSS pixels. */
  private static final String MEASURE = """
      const visible = e => e.offsetParent !== null;
      const field = [...document.querySelectorAll('.fjs-form-field input, .fjs-form-field textarea, .fjs-form-field button')]
          .filter(e => visible(e) && !e.readOnly && !e.disabled)[0];
      const cut = [...document.querySelectorAll('.fjs-form-field-label, .fjs-form-field label')]
          .filter(e => visible(e) && e.scrollWidth > e.clientWidth + 1).map(e => e.textContent.trim());
      const claim = [...document.querySelectorAll("button[ng-click='claim()']")].filter(visible);
      const complete = document.querySelector("button[ng-click='complete()']");
      const banner = [...document.querySelectorAll('.ce-eol-banner')].filter(visible);
      return {
        screen: window.innerHeight,
        pageWidth: document.documentElement.scrollWidth,
        screenWidth: window.innerWidth,
        firstFieldTop: field ? Math.round(field.getBoundingClientRect().top + window.scrollY) : -1,
        cutLabels: cut,
        claimShown: claim.length,
        completeEnabled: !!complete && !complete.disabled,
        bannerShown: banner.length,
        listShown: [...document.querySelectorAll('.tasks-list')].filter(visible).length
      };""";

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    registry.add("incident.data-dir", DATA_DIR::toString);
    registry.add("incident.organisation.profile", () -> "sole-proprietor");
    registry.add("incident.organisation.owner", () -> OWNER);
    registry.add("camunda.bpm.admin-user.password", () -> "Kanri-Pass-2026!");
  }

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Autowired
  IdentityService identityService;

  private Task awaitTask(String number, String key) {
    return Awaitility.await(key + " of " + number).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
        .until(() -> engine.getTaskService().createTaskQuery().processInstanceBusinessKey(number)
            .taskDefinitionKey(key).singleResult(), task -> task != null);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> measure(Tasklist phone) {
    return (Map<String, Object>) phone.script(MEASURE);
  }

  private static void assertFitsThePhone(Map<String, Object> shown, String task) {
    assertThat(((Number) shown.get("firstFieldTop")).longValue()).as("%s: first field on the first screen %s", task, shown)
        .isBetween(0L, ((Number) shown.get("screen")).longValue() - 40);
    assertThat(shown.get("pageWidth")).as("%s: nothing wider than the screen", task).isEqualTo(shown.get("screenWidth"));
    assertThat((List<String>) shown.get("cutLabels")).as("%s: labels cut", task).isEmpty();
    assertThat(shown.get("claimShown")).as("%s: no separate claim", task).isEqualTo(0L);
    assertThat(shown.get("completeEnabled")).as("%s: 完了 can be tapped", task).isEqualTo(true);
    assertThat(shown.get("bannerShown")).as("%s: no banner", task).isEqualTo(0L);
    assertThat(shown.get("listShown")).as("%s: the form, not the list", task).isEqualTo(0L);
  }

  @Test
  void shouldTakeTheOwnerFromTheAlertsLinkToThePpcReportWithEachFormFittingThePhone() throws Exception {
    User owner = identityService.createUserQuery().userId(OWNER).singleResult();
    owner.setPassword(PASSWORD);
    identityService.saveUser(owner);
    HttpResponse<String> created = new HttpTestClient(port).postJson("/api/incidents", OWNER, PASSWORD, """
        {"title": "受付用PCのファイルが暗号化された", "incidentType": "ransomware",
         "eventDescription": "画面に身代金の要求が表示された", "detectedAt": "2026-12-05T01:30:00+09:00"}""");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode incident = new ObjectMapper().readTree(created.body());
    String number = incident.get("incidentNumber").asText();
    Task situation = awaitTask(number, "Task_RecordSituation");

    try (Tasklist phone = new Tasklist(port, Path.of("target", "phone-screenshots"), true)) {
      // The alert's link, opened on a phone that is not logged in: the login page, then the task itself.
      phone.openLink("tasklist/default/#/?task=" + situation.getId()).loginHere(OWNER, PASSWORD)
          .awaitTask("状況を確認し記録する");
      phone.screenshot("record-situation");
      assertFitsThePhone(measure(phone), "状況を確認し記録する");
      assertThat(phone.script("return performance.getEntriesByType('resource')"
          + ".some(entry => entry.name.includes('camunda-welcome'))")).as("no call to the missing welcome page")
          .isEqualTo(false);

      phone.type("affectedSystems", "顧客名簿のある受付用PC").type("eventDescription", "ファイルが開けず身代金の要求")
          .check("isIncident").radio("personalDataLeaked", 0).completeAndWait();
      // 完了 leads straight to her next task of the same incident, not back to the list.
      assertThat(phone.nextTaskName("状況を確認し記録する")).isIn("機器を隔離しアカウントを保護する", "個人情報保護委員会に速報する", "本人に通知する");

      // The legal clock opened the 速報 at once; she taps back to the list, which puts it first.
      Task preliminary = awaitTask(number, "Task_SendReportByDeadline");
      assertThat(preliminary.getName()).isEqualTo("個人情報保護委員会に速報する");
      phone.tap(".incident-back-to-list");
      Awaitility.await("the list").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300))
          .until(() -> phone.taskNames().size() >= 2);
      phone.screenshot("list");
      assertThat(phone.taskNames().get(0)).isEqualTo("個人情報保護委員会に速報する");
      assertThat((String) phone.script("return decodeURIComponent(window.location.hash);"))
          .contains("\"sortBy\":\"priority\",\"sortOrder\":\"desc\"");
      assertThat(phone.pageText()).contains("法定").doesNotContain(" ago", "a few seconds", "in 2 days");
      phone.openTask("個人情報保護委員会に速報する");
      phone.screenshot("ppc-preliminary");
      assertFitsThePhone(measure(phone), "個人情報保護委員会に速報する");
      assertThat(phone.pageText()).doesNotContain(" ago", "a few seconds", "in 2 days");
      // The PPC's page can be tapped, and opens beside Tasklist.
      assertThat((String) phone.script("const a = document.querySelector('.incident-linked a[href^=\"https://www.ppc.go.jp\"]');"
          + " return a ? a.target : null;")).isEqualTo("_blank");
      // From the alert's link to the 速報's form: login, the situation record, back, the report (about 80 before).
      System.out.printf("Taps from the alert to the PPC 速報: %d%n", phone.taps());
      assertThat(phone.taps()).isLessThanOrEqualTo(12);

      // Reporting and the card to print are each one tap away; the report button offers her own procedure only.
      assertThat((String) phone.script("return document.querySelector('.incident-first-hour-card a').href"))
          .endsWith("/api/first-hour-card?size=a4");
      phone.tap(".incident-report-now");
      Awaitility.await("the start dialog").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
          .until(() -> phone.script("return [...document.querySelectorAll('.modal-dialog .incident-own-procedure')].length")
              .equals(1L));
      @SuppressWarnings("unchecked")
      List<String> offered = (List<String>) phone.script("return [...document.querySelectorAll('.modal-dialog a')]"
          + ".filter(a => a.offsetParent !== null && a.closest('.incident-procedure')).map(a => a.textContent.trim())");
      assertThat(offered).containsExactly("情報セキュリティインシデント対応（6ステップ）");
      phone.screenshot("start-dialog");
      // Her start form fits the screen and does not ask for a company id: she has no company to choose.
      phone.tap(".modal-dialog .incident-procedure a");
      phone.await("[id$='-Field_incidentTitle']");
      Awaitility.await("the company id hidden").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
          .until(() -> Boolean.TRUE.equals(phone.script(
              "const e = document.querySelector(\"[id$='-Field_companyId']\"); return !!e && e.offsetParent === null;")));
      assertThat(phone.script("return document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
      phone.screenshot("start-form");
    }
  }
}
