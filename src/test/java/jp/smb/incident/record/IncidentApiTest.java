package jp.smb.incident.record;

import static jp.smb.incident.HttpTestClient.json;
import static jp.smb.incident.HttpTestClient.temporaryDirectory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import jp.smb.incident.HttpTestClient;
import jp.smb.incident.evidence.CustodyEntry;
import jp.smb.incident.evidence.EvidenceStore;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The incident API over real HTTP on the demo organisation: intake, records, notes, evidence with custody, the
 * final report and deletion, with every refusal a 4xx that says what is wrong.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class IncidentApiTest {

  private static final String PASSWORD = "Renshu-2026!";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DATA_DIR = temporaryDirectory("incident-api");

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    registry.add("incident.data-dir", DATA_DIR::toString);
    registry.add("incident.evidence.max-size", () -> "64KB");
    registry.add("incident.record.retention", () -> "P0D");
    registry.add("incident.organisation.name", () -> "株式会社サンプル");
  }

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  IncidentRecords records;

  @Autowired
  EvidenceStore evidence;

  private HttpTestClient http;

  @BeforeEach
  void client() {
    http = new HttpTestClient(port);
  }

  private String open(String user, String json) {
    HttpResponse<String> created = http.postJson("/api/incidents", user, PASSWORD, json);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json(created).get("incidentNumber").asText();
  }

  private String openAlert(String title) {
    return open("demo-staff", """
        {"title": %s, "incidentType": "unauthorized-access", "eventDescription": "UTM が不審な通信を検知",
         "source": "utm", "detectedAt": "2026-11-24T09:30:00+09:00", "affectedSystems": "ファイルサーバー"}"""
        .formatted(JSON.valueToTree(title).toString()));
  }

  @Test
  void shouldRefuseAnonymousCalls() {
    assertThat(http.get("/api/incidents").statusCode()).isEqualTo(401);
    assertThat(http.post("/api/incidents", "nobody", "wrong", "application/json", "{}").statusCode()).isEqualTo(401);
  }

  @Test
  void shouldPrintTheFirstHourCardForAnyoneWhoMayReportAndRefuseAWrongSizeOrAnotherCompany() {
    HttpResponse<byte[]> card = http.getBytes("/api/first-hour-card?size=a5", "demo-staff", PASSWORD);
    assertThat(card.statusCode()).isEqualTo(200);
    assertThat(card.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(new String(card.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

    HttpResponse<String> size = http.get("/api/first-hour-card?size=b5", "demo-staff", PASSWORD);
    assertThat(size.statusCode()).isEqualTo(400);
    assertThat(size.body()).contains("size は a4 か a5");
    HttpResponse<String> company = http.get("/api/first-hour-card?company=nosuchcompany", "demo-staff", PASSWORD);
    assertThat(company.statusCode()).isEqualTo(404);
    assertThat(company.body()).contains("会社 nosuchcompany は見つかりません");
    assertThat(http.get("/api/first-hour-card").statusCode()).isEqualTo(401);
  }

  @Test
  void shouldListTheOrganisationsOwnProcedureFirst() {
    JsonNode procedures = json(http.get("/api/procedures", "demo-staff", PASSWORD));
    // The demo organisation is a company with a person in each role: IPA's stages, the six steps offered too.
    assertThat(procedures.get(0).get("key").asText()).isEqualTo("ipa-incident-response");
    assertThat(procedures.get(0).get("default").asBoolean()).isTrue();
    assertThat(procedures.get(1).get("default").asBoolean()).isFalse();
    assertThat(procedures.findValues("offered")).allMatch(JsonNode::asBoolean);
  }

  @Test
  void shouldOpenAnIncidentFromAMachineAlertWithTheDefaultProcedure() {
    HttpResponse<String> created = http.postJson("/api/incidents", "demo-staff", PASSWORD, """
        {"title": "EDR がランサムウェアを検知", "incidentType": "ransomware", "eventDescription": "暗号化の挙動",
         "source": "edr"}""");

    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode body = json(created);
    String number = body.get("incidentNumber").asText();
    assertThat(number).matches("INC-\\d{4}-\\d{4}");
    assertThat(body.get("procedure").asText()).as("the demo organisation is a company").isEqualTo("ipa-incident-response");
    assertThat(created.headers().firstValue("Location")).hasValue("/api/incidents/" + number);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number).count())
        .isEqualTo(1);

    JsonNode record = json(http.get("/api/incidents/" + number, "demo-lead", PASSWORD)).get("record");
    assertThat(record.get("title").asText()).isEqualTo("EDR がランサムウェアを検知");
    assertThat(record.get("state").asText()).isEqualTo("OPEN");
    assertThat(record.get("businessOperator").asText()).isEqualTo("株式会社サンプル");
    assertThat(record.get("reporter").asText()).isEqualTo("demo-staff");
  }

  @Test
  void shouldStartTheProcedureTheReporterChose() {
    String number = open("demo-staff", """
        {"title": "顧客からの指摘", "incidentType": "misdelivery", "eventDescription": "宛先違いのメール",
         "source": "customer", "reporterContact": "customer@example.jp", "procedure": "six-step-incident-response",
         "detectedAt": "2026-11-24T09:30:00+09:00"}""");

    assertThat(records.find(number).orElseThrow().procedureKey()).isEqualTo("six-step-incident-response");
    assertThat(engine.getRuntimeService().getVariable(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(number).singleResult().getId(), "reportSource")).isEqualTo("external");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      malformed JSON         | {"title": "x",                                                                              | JSON として読めない
      missing title          | {"incidentType": "other", "eventDescription": "x"}                                          | title
      unknown type           | {"title": "x", "incidentType": "earthquake", "eventDescription": "x"}                       | incidentType
      date that is no date   | {"title": "x", "incidentType": "other", "eventDescription": "x", "detectedAt": "yesterday"} | JSON として読めないか、値の型が違います
      wrong type of value    | {"title": ["x"], "incidentType": "other", "eventDescription": "x"}                          | 値の型が違います
      customer without reply | {"title": "x", "incidentType": "other", "eventDescription": "x", "source": "customer"}      | reporterContact
      customer without time  | {"title": "x", "incidentType": "other", "eventDescription": "x", "source": "customer", "reporterContact": "a@example.jp"} | 発覚日時
      unknown procedure      | {"title": "x", "incidentType": "other", "eventDescription": "x", "procedure": "itil"}       | procedure""")
  void shouldRefuseBadIntakeWithAMessageThatSaysWhatIsWrong(String name, String json, String message) {
    HttpResponse<String> refused = http.postJson("/api/incidents", "demo-staff", PASSWORD, json);

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(json(refused).get("message").asText()).contains(message);
  }

  @Test
  void shouldLetOnlySupervisorsReadRecords() {
    String number = openAlert("権限の確認");

    for (String user : new String[] {"demo-staff", "demo-tech", "demo-comms"}) {
      HttpResponse<String> refused = http.get("/api/incidents/" + number, user, PASSWORD);
      assertThat(refused.statusCode()).as(user).isEqualTo(403);
      assertThat(json(refused).get("message").asText()).contains("incident-lead");
    }
    assertThat(http.get("/api/incidents?state=open&type=unauthorized-access", "demo-executive", PASSWORD).body())
        .contains(number);
    assertThat(http.get("/api/incidents?state=sleeping", "demo-lead", PASSWORD).statusCode()).isEqualTo(400);
    HttpResponse<String> unknown = http.get("/api/incidents/INC-1999-0001", "demo-lead", PASSWORD);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(json(unknown).get("message").asText()).contains("INC-1999-0001");
  }

  @Test
  void shouldKeepEvidenceWithItsHashAndEveryAccessInTheChainOfCustody() throws Exception {
    String number = openAlert("証拠の保全");
    byte[] log = "2026-11-24 09:12 login admin from 203.0.113.9\n".getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> added = http.postMultipart("/api/incidents/" + number + "/evidence", "demo-tech", PASSWORD,
        Map.of("description", "UTM の通信ログ", "source", "UTM 管理画面からエクスポート"), "utm.log", log);
    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(log));
    assertThat(json(added).get("sha256").asText()).isEqualTo(sha256);
    long id = json(added).get("id").asLong();

    HttpResponse<byte[]> download = http.getBytes("/api/incidents/" + number + "/evidence/" + id + "/content",
        "demo-lead", PASSWORD);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(log);
    assertThat(download.headers().firstValue("X-Content-SHA256")).hasValue(sha256);
    assertThat(http.postJson("/api/incidents/" + number + "/evidence/" + id + "/handovers", "demo-lead", PASSWORD,
        "{\"to\": \"調査会社A 鈴木\", \"note\": \"封印袋 No.12\"}").statusCode()).isEqualTo(201);
    assertThat(evidence.custody(id)).extracting(CustodyEntry::action)
        .containsExactly("COLLECTED", "DOWNLOADED", "HANDED_OVER");

    // Content changed behind the application's back is refused, not handed out.
    jdbc.update("UPDATE incident_evidence SET content = ? WHERE id = ?", "forged".getBytes(StandardCharsets.UTF_8), id);
    HttpResponse<String> tampered = http.get("/api/incidents/" + number + "/evidence/" + id + "/content", "demo-lead",
        PASSWORD);
    assertThat(tampered.statusCode()).isEqualTo(409);
    assertThat(json(tampered).get("message").asText()).contains("SHA-256 と一致しません");
  }

  @Test
  void shouldRefuseOversizeUnnamedOrUnauthorisedEvidence() {
    String number = openAlert("証拠の制限");

    HttpResponse<String> tooLarge = http.postMultipart("/api/incidents/" + number + "/evidence", "demo-tech", PASSWORD,
        Map.of("description", "メモリダンプ"), "memory.raw", new byte[100 * 1024]);
    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertThat(json(tooLarge).get("message").asText()).contains("大きすぎます");
    HttpResponse<String> unnamed = http.postMultipart("/api/incidents/" + number + "/evidence", "demo-tech", PASSWORD,
        Map.of("source", "PC"), "a.txt", new byte[10]);
    assertThat(unnamed.statusCode()).isEqualTo(400);
    assertThat(http.postMultipart("/api/incidents/" + number + "/evidence", "demo-comms", PASSWORD,
        Map.of("description", "x"), null, null).statusCode()).isEqualTo(403);
    assertThat(http.postMultipart("/api/incidents/INC-1999-0001/evidence", "demo-tech", PASSWORD,
        Map.of("description", "x"), null, null).statusCode()).isEqualTo(404);
  }

  @ParameterizedTest(name = "{0} {1} as {2}")
  @CsvSource({
      "GET,    /api/incidents,                              demo-tech",
      "GET,    /api/incidents/{n},                          demo-comms",
      "GET,    /api/incidents/{n}/report,                   demo-sysadmin",
      "GET,    /api/incidents/{n}/evidence/{e},             demo-tech",
      "GET,    /api/incidents/{n}/evidence/{e}/content,     demo-comms",
      "POST,   /api/incidents/{n}/notes,                    demo-staff",
      "POST,   /api/incidents/{n}/evidence/{e}/handovers,   demo-comms",
      "DELETE, /api/incidents/{n}?reason=x,                 demo-executive"})
  void shouldRefuseEveryEndpointToARoleThatMayNotUseIt(String method, String path, String user) {
    String number = openAlert("役割の確認");
    HttpResponse<String> added = http.postMultipart("/api/incidents/" + number + "/evidence", "demo-tech", PASSWORD,
        Map.of("description", "ログ"), "a.log", new byte[] {1, 2, 3});
    String url = path.replace("{n}", number).replace("{e}", json(added).get("id").asText());

    HttpResponse<String> refused = switch (method) {
      case "GET" -> http.get(url, user, PASSWORD);
      case "POST" -> http.postJson(url, user, PASSWORD, url.endsWith("/notes") ? "{\"text\": \"x\"}" : "{\"to\": \"y\"}");
      default -> http.delete(url, user, PASSWORD);
    };

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    assertThat(json(refused).get("message").asText()).isNotBlank();
  }

  @Test
  void shouldAddNotesToTheTimeline() {
    String number = openAlert("メモ");

    assertThat(http.postJson("/api/incidents/" + number + "/notes", "demo-comms", PASSWORD,
        "{\"text\": \"取引先Aから問い合わせ\"}").statusCode()).isEqualTo(201);
    assertThat(http.postJson("/api/incidents/" + number + "/notes", "demo-comms", PASSWORD, "{\"text\": \" \"}")
        .statusCode()).isEqualTo(400);
    assertThat(http.postJson("/api/incidents/" + number + "/notes", "demo-staff", PASSWORD, "{\"text\": \"x\"}")
        .statusCode()).isEqualTo(403);
    assertThat(records.timeline(number)).extracting(RecordEntries.TimelineEntry::detail).contains("取引先Aから問い合わせ");
  }

  @Test
  void shouldPrintTheReportInJapaneseWithoutRunningAnyScriptFromTheIncident() {
    String number = openAlert("<script>alert('x')</script> ${7*7} [[${title}]]");

    HttpResponse<String> html = http.get("/api/incidents/" + number + "/report", "demo-lead", PASSWORD);
    assertThat(html.statusCode()).isEqualTo(200);
    assertThat(html.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(html.body()).contains("インシデント報告書 " + number, "概要（5W1H）", "整理しておくべき事項", "対応経過",
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "ファイルサーバー", "株式会社サンプル",
        // Template expressions typed by the reporter stay text: the template engine does not evaluate them.
        "${7*7} [[${title}]]")
        .doesNotContain("<script>alert");
    // Dates in Japanese.
    assertThat(html.body()).containsPattern("20\\d\\d年\\d{1,2}月\\d{1,2}日 \\d{1,2}:\\d\\d");
    assertThat(http.get("/api/incidents/" + number + "/report?format=md", "demo-lead", PASSWORD).body())
        .startsWith("# インシデント報告書 " + number);
    assertThat(json(http.get("/api/incidents/" + number + "/report?format=json", "demo-lead", PASSWORD))
        .get("fiveWOneH").get("どこで").asText()).isEqualTo("ファイルサーバー");
    assertThat(http.get("/api/incidents/" + number + "/report?format=docx", "demo-lead", PASSWORD).statusCode())
        .isEqualTo(400);
  }

  @Test
  void shouldFileTheReportAsAnA4PdfWithTheCompanyTheNumberAndAnEmbeddedJapaneseFont() throws Exception {
    String number = openAlert("<b>太字</b> と ${7*7} と [[${title}]] の件名");

    HttpResponse<byte[]> pdf = http.getBytes("/api/incidents/" + number + "/report?format=pdf", "demo-lead", PASSWORD);

    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
    Files.write(Path.of("target", "report-example.pdf"), pdf.body());
    try (PDDocument document = Loader.loadPDF(pdf.body())) {
      PDRectangle page = document.getPage(0).getMediaBox();
      assertThat(Math.round(page.getWidth() / 72 * 25.4)).as("A4 width in mm").isEqualTo(210);
      assertThat(Math.round(page.getHeight() / 72 * 25.4)).as("A4 height in mm").isEqualTo(297);
      String text = new PDFTextStripper().getText(document);
      // On every page: the company, the number and the page number.
      assertThat(text).contains("株式会社サンプル", "インシデント番号 " + number, "1 / " + document.getNumberOfPages(),
          "インシデント報告書 " + number, "概要（5W1H）", "ファイルサーバー",
          // Markup and template expressions from the incident are printed as the reporter typed them.
          "<b>太字</b> と ${7*7} と [[${title}]] の件名");
      List<String> fonts = new ArrayList<>();
      for (COSName name : document.getPage(0).getResources().getFontNames()) {
        PDFont font = document.getPage(0).getResources().getFont(name);
        assertThat(font.isEmbedded()).as("%s embedded", font.getName()).isTrue();
        fonts.add(font.getName());
      }
      assertThat(fonts).anySatisfy(font -> assertThat(font).contains("IPAexGothic"));
    }
  }

  @Test
  void shouldOpenTheReportWithTheTasklistLoginButChangeNothingWithoutBasic() {
    String number = openAlert("Tasklist から報告書");

    assertThat(http.webappLogin("tasklist", "demo-lead", PASSWORD, true).statusCode()).isEqualTo(200);
    assertThat(http.get("/api/incidents/" + number + "/report").statusCode()).isEqualTo(200);
    assertThat(http.post("/api/incidents/" + number + "/notes", "nobody", "no-password", "application/json",
        "{\"text\": \"x\"}").statusCode()).isEqualTo(401);
  }

  @Test
  void shouldDeleteARecordOnlyAsAnAdministratorOnceClosedAndKeepTheDeletion() {
    String number = openAlert("削除の確認");

    assertThat(http.delete("/api/incidents/" + number + "?reason=test", "demo-lead", PASSWORD).statusCode())
        .isEqualTo(403);
    HttpResponse<String> open = http.delete("/api/incidents/" + number + "?reason=test", "admin", PASSWORD);
    assertThat(open.statusCode()).isEqualTo(409);
    assertThat(json(open).get("message").asText()).contains("対応中");

    engine.getRuntimeService().deleteProcessInstance(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(number).singleResult().getId(), "誤登録");
    assertThat(records.find(number).orElseThrow().state()).isEqualTo(IncidentRecord.State.CANCELLED);
    assertThat(http.delete("/api/incidents/" + number + "?reason=" + "誤登録のため".replace("誤登録のため", "duplicate"),
        "admin", PASSWORD).statusCode()).isEqualTo(200);
    assertThat(records.find(number)).isEmpty();
    assertThat(records.deletionsOf(number)).isEqualTo(1);
  }

  @Test
  void shouldLetOnlyOneOfTwoSimultaneousCompletionsOfATaskSucceed() throws Exception {
    String number = openAlert("同時に完了");
    String taskId = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(number)
        .taskDefinitionKey("Task_TriageReport").singleResult().getId();
    String body = "{\"variables\": {\"isIncident\": true}}";
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      java.util.List<java.util.concurrent.Future<HttpResponse<String>>> results = new java.util.ArrayList<>();
      for (String user : new String[] {"demo-lead", "admin"}) {
        HttpTestClient client = new HttpTestClient(port);
        results.add(pool.submit(() -> {
          start.await();
          return client.postJson("/api/tasks/" + taskId + "/complete", user, PASSWORD, body);
        }));
      }
      start.countDown();
      java.util.List<Integer> statuses = new java.util.ArrayList<>();
      for (var result : results) {
        HttpResponse<String> response = result.get(30, java.util.concurrent.TimeUnit.SECONDS);
        statuses.add(response.statusCode());
        if (response.statusCode() == 409) {
          assertThat(json(response).get("message").asText()).contains("完了");
        }
      }
      assertThat(statuses).containsExactlyInAnyOrder(200, 409);
    } finally {
      pool.shutdownNow();
    }
    assertThat(records.timeline(number)).filteredOn(e -> "インシデントに該当するか判断する".equals(e.title())).hasSize(1);
    assertThat(http.postJson("/api/tasks/" + taskId + "/complete", "demo-lead", PASSWORD, body).statusCode())
        .isEqualTo(409);
    assertThat(http.postJson("/api/tasks/no-such-task/complete", "demo-lead", PASSWORD, body).statusCode())
        .isEqualTo(404);
    assertThat(http.postJson("/api/tasks/" + taskId + "/complete", "demo-lead", PASSWORD,
        "{\"variables\": {\"x\": {\"nested\": 1}}}").statusCode()).isEqualTo(400);
  }

  @Test
  void shouldDescribeTheApiWithOpenApi() {
    assertThat(http.get("/v3/api-docs").statusCode()).as("only for those who logged in").isEqualTo(401);
    HttpResponse<String> docs = http.get("/v3/api-docs", "demo-staff", PASSWORD);
    assertThat(docs.statusCode()).isEqualTo(200);
    assertThat(docs.body()).contains("/api/incidents", "/api/incidents/{number}/report", "/api/incidents/{number}/evidence");
  }

  /** An incident the lead has confirmed, at first with no personal data involved. */
  private String confirmedAlert(String title) {
    String number = openAlert(title);
    Task triage = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(number)
        .taskDefinitionKey("Task_TriageReport").singleResult();
    engine.getTaskService().complete(triage.getId(), Map.of("isIncident", true, "personalDataLeaked", "no",
        "businessAffected", "no", "externalPartiesAffected", "no", "employeeWorkAffected", "yes"));
    return number;
  }

  @Test
  void shouldCorrectTheFactsThatDecideReportingAndAnswerWithTheObligationsAtOnce() {
    String number = confirmedAlert("事実の訂正");
    assertThat(json(http.get("/api/incidents/" + number + "/obligations", "demo-comms", PASSWORD))).isEmpty();

    // Customers' data was on the server after all: unauthorised access is an improper purpose, so the 速報 is due.
    HttpResponse<String> corrected = http.patchJson("/api/incidents/" + number + "/facts", "demo-lead", PASSWORD,
        "{\"personalDataLeaked\": \"yes\", \"affectedPersons\": 12, \"awareAt\": \"2026-11-25T15:00:00+09:00\"}");

    assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
    JsonNode obligations = json(corrected);
    assertThat(obligations).extracting(o -> o.get("item").asText())
        .containsExactly("ppc-preliminary", "ppc-final", "data-subjects");
    JsonNode preliminary = obligations.get(0);
    assertThat(preliminary.get("recipient").asText()).isEqualTo("ppc");
    assertThat(preliminary.get("mandatory").asBoolean()).isTrue();
    assertThat(preliminary.get("basis").asText()).contains("個人情報保護法26条");
    assertThat(preliminary.get("state").asText()).isEqualTo("open");
    assertThat(preliminary.get("sentAt").isNull()).isTrue();
    assertThat(OffsetDateTime.parse(preliminary.get("awareAt").asText()))
        .isEqualTo(OffsetDateTime.parse("2026-11-25T15:00+09:00"));
    assertThat(OffsetDateTime.parse(preliminary.get("dueAt").asText()))
        .as("day 3 counted from awareness, at its end").isEqualTo(OffsetDateTime.parse("2026-11-27T23:59:59+09:00"));
    assertThat(obligations.get(2).get("dueAt").isNull()).isTrue();
    assertThat(json(http.get("/api/incidents/" + number + "/obligations", "demo-comms", PASSWORD))).isEqualTo(obligations);
    // The 速報's task, once its draft is written by the job executor.
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(number).taskDefinitionKey("Task_SendReportByDeadline").count()).isEqualTo(1));
    assertThat(records.timeline(number)).extracting(RecordEntries.TimelineEntry::detail)
        .contains("personalDataLeaked = yes、affectedPersons = 12、reportableAwareAt = 2026-11-25T15:00+09:00");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      an unknown fact     | {"leaked": "yes"}                     | 400 | 事実 leaked はありません
      a wrong answer      | {"personalDataLeaked": "maybe"}       | 400 | yes, no, unknown
      a count as text     | {"affectedPersons": "many"}           | 400 | 事実 affectedPersons
      an unknown type     | {"incidentType": "virus"}             | 400 | 事実 incidentType
      nothing to correct  | {}                                    | 400 | 1 つ以上
      not an object       | ["personalDataLeaked"]                | 400 | """)
  void shouldRefuseAWrongCorrectionNamingWhatIsWrongAndChangeNothing(String name, String body, int status,
      String message) {
    String number = confirmedAlert("誤った訂正");

    HttpResponse<String> refused = http.patchJson("/api/incidents/" + number + "/facts", "demo-lead", PASSWORD, body);

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(status);
    assertThat(json(refused).get("message").asText()).contains(message == null ? "" : message);
    assertThat(json(http.get("/api/incidents/" + number + "/obligations", "demo-lead", PASSWORD))).isEmpty();
  }

  @Test
  void shouldLetOnlyTheIncidentLeadCorrectTheFacts() {
    String number = confirmedAlert("訂正の権限");

    assertThat(http.patchJson("/api/incidents/" + number + "/facts", "demo-comms", PASSWORD,
        "{\"sensitiveData\": true}").statusCode()).isEqualTo(403);
    assertThat(http.patchJson("/api/incidents/INC-1999-9999/facts", "demo-lead", PASSWORD,
        "{\"sensitiveData\": true}").statusCode()).isEqualTo(404);
    assertThat(http.get("/api/incidents/" + number + "/obligations", "demo-staff", PASSWORD).statusCode())
        .isEqualTo(403);
  }
}
