package jp.smb.incident.organisation;

import static jp.smb.incident.HttpTestClient.json;
import static jp.smb.incident.HttpTestClient.temporaryDirectory;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import jp.smb.incident.HttpTestClient;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Seed 001's situation: one person holds every role. Logged in as that one user, not as the administrator, under
 * the engine's authorization checks, the whole six-step procedure is worked from the report to the final review.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SoleProprietorTest {

  private static final String OWNER = "kojin";
  private static final String PASSWORD = "Hitori-Taio-2026!";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DATA_DIR = temporaryDirectory("sole-proprietor-");

  /** What the owner enters at each step, as in the six-step plan's ransomware example. */
  private static final Map<String, Map<String, Object>> ANSWERS = Map.ofEntries(
      Map.entry("Task_RecordSituation", Map.of("isIncident", true, "occurredAt", "2026-11-23T22:00+09:00",
          "affectedSystems", "受付用PC", "observedEvent", "ファイルが開けない", "personalDataLeaked", "no")),
      Map.entry("Task_ActivateBusinessContinuityPlan", Map.of("continuityActions", "手書きの伝票で受注を続ける")),
      Map.entry("Task_IsolateAffectedSystems", Map.of("networkDisconnected", true, "passwordsReset", true,
          "powerKeptOn", true, "isolationNote", "LAN ケーブルを抜いた")),
      Map.entry("Task_CollectEvidence", Map.of("evidenceItems", "PCのメモリとディスクの複製",
          "evidenceCollectedBeforeChange", true, "forensicsNeeded", false)),
      Map.entry("Task_AnalyzeLogs", Map.of("collectedLogs", "UTMとPCのログ", "suspectedCause", "添付ファイルの実行")),
      Map.entry("Task_DetermineImpact", Map.of("businessAffected", "yes", "affectedPersons", 0)),
      Map.entry("Task_StopInfectedDevices", Map.of("stoppedDevices", "受付用PC", "infectedDevices", "受付用PC")),
      Map.entry("Task_CheckBackups", Map.of("backupUsable", true, "backupStatus", "11/22 の外付けディスク")),
      Map.entry("Task_EliminateRootCause", Map.of("rootCauseEliminationNote", "マルウェアを駆除しPCを初期化した")),
      Map.entry("Task_StrengthenSecurity", Map.of("patchesApplied", true, "hardeningNote", "OSを更新した")),
      Map.entry("Task_RecoverData", Map.of("backupUsed", "11/22 のバックアップ", "recoveryNote", "復旧済み")),
      Map.entry("Task_DecideExternalReporting", Map.of("partnersAffected", true, "reportingApproach", "取引先に連絡")),
      Map.entry("Task_SendReport", Map.of("reportChannel", "email", "reportSentAt", "2026-11-25T10:00+09:00",
          "reportReference", "メール送付済み")),
      Map.entry("Task_SendReportPromptly", Map.of("reportChannel", "email", "reportSentAt", "2026-11-25T10:00+09:00",
          "reportReference", "メール送付済み")),
      Map.entry("Task_SendReportByDeadline", Map.of("reportChannel", "email",
          "reportSentAt", "2026-11-25T10:00+09:00", "reportReference", "メール送付済み")),
      Map.entry("Task_AnalyzeRootCause", Map.of("rootCause", "ソフトの更新遅れ")),
      Map.entry("Task_ImplementPreventiveMeasures", Map.of("preventionMeasures", "自動更新を有効にした")),
      Map.entry("Task_ReviseSecurityPolicy", Map.of("policyRevision", "更新の手順を追記した")),
      Map.entry("Task_ArchiveRecords", Map.of("recordsArchived", "ログ、調査報告書", "recordsLocation", "外付けディスク")),
      Map.entry("Task_ReviewResponse", Map.of("responseEffectiveness", "隔離が早かった",
          "responseImprovements", "連絡先を更新する")));

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
  IdentityService identityService;

  private HttpTestClient http;

  @BeforeEach
  void ownerPassword() {
    // The owner was created at start-up with a password shown once on the console; here we set one we know.
    User owner = identityService.createUserQuery().userId(OWNER).singleResult();
    owner.setPassword(PASSWORD);
    identityService.saveUser(owner);
    http = new HttpTestClient(port);
  }

  @Test
  void shouldLetTheOwnerAloneWorkEverySixStepsUnderAuthorizationChecks() throws InterruptedException {
    assertThat(identityService.createGroupQuery().groupMember(OWNER).groupType("WORKFLOW").count()).isEqualTo(6);
    assertThat(identityService.createGroupQuery().groupMember(OWNER).groupId("camunda-admin").count()).isZero();
    HttpResponse<String> created = http.postJson("/api/incidents", OWNER, PASSWORD, """
        {"title": "受付用PCのファイルが暗号化された", "incidentType": "ransomware",
         "eventDescription": "画面に身代金の要求が表示された", "detectedAt": "2026-11-24T09:30:00+09:00"}""");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(json(created).get("procedure").asText()).isEqualTo("six-step-incident-response");
    String number = json(created).get("incidentNumber").asText();

    List<String> completed = new ArrayList<>();
    List<String> draftsFiled = new ArrayList<>();
    while (!closed(number)) {
      assertThat(completed).as("steps completed without the incident closing").hasSizeLessThan(100);
      // Between steps the job executor may still be preparing a report's draft.
      JsonNode tasks = Awaitility.await("the next step of " + number).atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> json(http.get("/engine-rest/task?processInstanceBusinessKey=" + number, OWNER, PASSWORD)),
              found -> !found.isEmpty() || closed(number));
      for (JsonNode task : tasks) {
        String key = task.get("taskDefinitionKey").asText();
        assertThat(ANSWERS).as("an answer for %s", key).containsKey(key);
        if (key.startsWith("Task_SendReport")) {
          draftsFiled.add(draftPdfText(task.get("id").asText()));
        }
        ObjectNode variables = JSON.createObjectNode();
        ANSWERS.get(key).forEach((name, value) -> variables.putObject(name).set("value", JSON.valueToTree(value)));
        HttpResponse<String> submitted = http.postJson("/engine-rest/task/" + task.get("id").asText()
            + "/submit-form", OWNER, PASSWORD, JSON.createObjectNode().set("variables", variables).toString());
        assertThat(submitted.statusCode()).as("%s: %s", key, submitted.body()).isEqualTo(204);
        completed.add(key);
      }
    }

    assertThat(closed(number)).as("closed after %s", completed).isTrue();
    assertThat(completed).contains("Task_RecordSituation", "Task_IsolateAffectedSystems", "Task_AnalyzeLogs",
        "Task_DetermineImpact", "Task_EliminateRootCause", "Task_DecideExternalReporting", "Task_SendReport",
        "Task_AnalyzeRootCause", "Task_ArchiveRecords", "Task_ReviewResponse");
    // Each report's draft, as the form links it, is an A4 PDF of that incident.
    assertThat(draftsFiled).isNotEmpty().allSatisfy(text -> assertThat(text).contains(number, "（下書き）"));
    JsonNode timeline = json(http.get("/api/incidents/" + number, OWNER, PASSWORD)).get("timeline");
    assertThat(StreamSupport.stream(timeline.spliterator(), false)
        .filter(entry -> entry.get("kind").asText().equals("TASK_COMPLETED"))
        .map(entry -> entry.get("actor").asText()).distinct().toList()).containsExactly(OWNER);
  }

  /** The draft PDF the report task's form links to, read back as text. */
  private String draftPdfText(String taskId) {
    String link = json(http.get("/engine-rest/task/" + taskId + "/variables/reportDraftPdfLink", OWNER, PASSWORD))
        .get("value").asText();
    HttpResponse<byte[]> pdf = http.getBytes(link, OWNER, PASSWORD);
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
    try (PDDocument document = Loader.loadPDF(pdf.body())) {
      return new PDFTextStripper().getText(document);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private boolean closed(String number) {
    HttpResponse<String> incident = http.get("/api/incidents/" + number, OWNER, PASSWORD);
    return incident.statusCode() == 200 && json(incident).at("/record/state").asText().equals("CLOSED");
  }
}
