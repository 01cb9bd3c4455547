package jp.smb.incident.drill;

import static jp.smb.incident.HttpTestClient.json;
import static jp.smb.incident.HttpTestClient.temporaryDirectory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import javax.imageio.ImageIO;
import jp.smb.incident.HttpTestClient;
import jp.smb.incident.drillmode.Drills;
import jp.smb.incident.notification.TaskAlert;
import jp.smb.incident.record.IncidentRecords;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Drills over HTTP with the demo's people: the scenarios, a drill started under its own number and marked 【訓練】,
 * kept out of the real list, board and metrics, and only the incident lead may start one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class DrillsTest {

  private static final String PASSWORD = "Renshu-2026!";
  private static final Path DATA_DIR = temporaryDirectory("incident-drills");

  @DynamicPropertySource
  static void freshDataDirectory(DynamicPropertyRegistry registry) {
    registry.add("incident.data-dir", DATA_DIR::toString);
  }

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Autowired
  IncidentRecords records;

  @Autowired
  JdbcTemplate jdbc;

  private HttpTestClient http;

  @BeforeEach
  void client() {
    http = new HttpTestClient(port);
  }

  private String startDrill(String scenario) {
    HttpResponse<String> started = http.postJson("/api/drills", "demo-lead", PASSWORD,
        "{\"scenario\": \"" + scenario + "\"}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    return json(started).path("drillNumber").asText();
  }

  private static List<String> numbers(JsonNode list, String numberField) {
    return StreamSupport.stream(list.spliterator(), false).map(node -> node.path(numberField).asText()).toList();
  }

  @Test
  void shouldListTheShippedScenariosWithJapaneseTitles() {
    HttpResponse<String> response = http.get("/api/drills/scenarios", "demo-lead", PASSWORD);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode scenarios = json(response);
    assertThat(numbers(scenarios, "id")).contains("ransomware-at-night", "email-misdelivery", "card-data-leak",
        "outage-then-ransomware");
    scenarios.forEach(scenario -> {
      assertThat(scenario.path("title").asText()).as("title").matches(".*[ぁ-んァ-ン一-龥].*");
      assertThat(scenario.path("summary").asText()).as("summary").hasSizeGreaterThan(30);
      assertThat(scenario.path("injects").asInt()).as("facts learnt later").isPositive();
    });
    assertThat(http.get("/api/drills/scenarios").statusCode()).isEqualTo(401);
  }

  @Test
  void shouldStartADrillUnderItsOwnNumberWithEveryTaskMarked() {
    String drill = startDrill("email-misdelivery");

    assertThat(drill).matches("TRN-\\d{4}-\\d{4}");
    List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(drill).list();
    assertThat(tasks).isNotEmpty().allSatisfy(task -> assertThat(task.getName()).startsWith("【訓練】"));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(drill)
        .processDefinitionKey("ipa-incident-response").count()).isEqualTo(1);
    // A real incident keeps counting its own numbers.
    HttpResponse<String> real = http.postJson("/api/incidents", "demo-staff", PASSWORD,
        "{\"title\": \"本物の報告\", \"incidentType\": \"other\", \"eventDescription\": \"確認中\"}");
    assertThat(json(real).path("incidentNumber").asText()).startsWith("INC-");
  }

  @Test
  void shouldKeepADrillOutOfTheRealListBoardAndMetricsUnlessAskedFor() {
    Map<Integer, Long> openBefore = records.openCountByLevel();
    String drill = startDrill("outage-then-ransomware");

    assertThat(numbers(json(http.get("/api/incidents", "demo-lead", PASSWORD)), "incidentNumber"))
        .doesNotContain(drill);
    JsonNode withDrills = json(http.get("/api/incidents?drills=true", "demo-lead", PASSWORD));
    assertThat(numbers(withDrills, "incidentNumber")).contains(drill);
    assertThat(StreamSupport.stream(withDrills.spliterator(), false)
        .filter(node -> node.path("incidentNumber").asText().equals(drill)).findFirst().orElseThrow()
        .path("drill").asBoolean()).isTrue();
    assertThat(numbers(json(http.get("/api/board", "demo-lead", PASSWORD)).path("incidents"), "incidentNumber"))
        .doesNotContain(drill);
    assertThat(numbers(json(http.get("/api/board?drills=true", "demo-lead", PASSWORD)).path("incidents"),
        "incidentNumber")).contains(drill);
    assertThat(records.openCountByLevel()).as("the incident_open gauge counts real incidents").isEqualTo(openBefore);
  }

  @Test
  void shouldAddTheScenariosLaterFactsAtTheirCompressedTimesAndDecideTheReportsAgain() {
    String drill = startDrill("ransomware-at-night");
    ProcessInstance injects = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("drill-injects").processInstanceBusinessKey(drill).singleResult();
    assertThat(injects).as("the scenario's injects beside the drill").isNotNull();
    Instant start = OffsetDateTime.parse((String) engine.getRuntimeService().getVariable(injects.getId(),
        "drillStartedAt")).toInstant();
    List<Job> timers = engine.getManagementService().createJobQuery().processInstanceId(injects.getId()).timers()
        .activityId("Event_InjectDue").orderByJobDuedate().asc().list();
    // Two hours in and one day in, at ten minutes a day: 50 seconds and 10 minutes into the drill.
    assertThat(timers).extracting(job -> Duration.between(start, job.getDuedate().toInstant()))
        .containsExactly(Duration.ofSeconds(50), Duration.ofMinutes(10));
    // The owner records the situation: no sign yet that customer data left the PC.
    Task record = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(drill)
        .taskDefinitionKey("Task_RecordSituation").singleResult();
    engine.getTaskService().complete(record.getId(), Map.of("isIncident", true, "personalDataLeaked", "no",
        "affectedSystems", "事務所のパソコン"));
    assertThat(obligationItems(drill)).doesNotContain("ppc-preliminary");

    // As if the 50 seconds had passed; the job executor then adds the facts, as on any node.
    engine.getManagementService().executeJob(timers.get(0).getId());

    await("the leak learnt two hours in makes the PPC report due").atMost(Duration.ofSeconds(30))
        .until(() -> obligationItems(drill).contains("ppc-preliminary"));
    assertThat(http.get("/api/incidents/" + drill, "demo-lead", PASSWORD).body()).contains("【訓練】新しく分かったこと");
  }

  private List<String> obligationItems(String drill) {
    return numbers(json(http.get("/api/incidents/" + drill + "/obligations", "demo-lead", PASSWORD)), "item");
  }

  @Test
  void shouldScoreADrillFromWhatItsHistoryRecorded() throws Exception {
    String drill = startDrill("email-misdelivery");
    Task triage = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(drill)
        .taskDefinitionKey("Task_TriageReport").singleResult();
    engine.getTaskService().claim(triage.getId(), "demo-lead");
    // Among the addresses, a clinic's patients: 要配慮個人情報 makes the PPC 速報 due.
    engine.getTaskService().complete(triage.getId(), Map.of("isIncident", true, "personalDataLeaked", "yes",
        "affectedPersons", 300, "businessAffected", "no", "sensitiveData", true));

    HttpResponse<String> response = http.get("/api/drills/" + drill + "/scorecard", "demo-lead", PASSWORD);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode card = json(response);
    assertThat(card.path("drillNumber").asText()).isEqualTo(drill);
    assertThat(card.path("scenario").asText()).isEqualTo("email-misdelivery");
    assertThat(card.path("timeScale").asText()).isEqualTo("1 日 = 10分");
    HistoricTaskInstance done = engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(triage.getId())
        .singleResult();
    JsonNode first = card.path("firstAction");
    assertThat(first.path("label").asText()).isEqualTo("インシデントに該当するか判断する");
    assertThat(OffsetDateTime.parse(first.path("at").asText()).toInstant()).isEqualTo(done.getEndTime().toInstant());
    assertThat(first.path("incidentTime").asText()).isNotBlank();
    // The reports the leak made due, each with its compressed deadline, none sent yet: the 速報's end of day 3
    // within the hour of the exercise, the 確報's 60 days within ten hours.
    assertThat(card.path("deadlines")).isNotEmpty().allSatisfy(deadline -> {
      assertThat(deadline.path("result").asText()).isEqualTo("未送信（期限前）");
      assertThat(OffsetDateTime.parse(deadline.path("dueAt").asText())).isBefore(OffsetDateTime.now().plusHours(11));
    });
    assertThat(StreamSupport.stream(card.path("deadlines").spliterator(), false)
        .filter(deadline -> deadline.path("item").asText().equals("ppc-preliminary")).findFirst().orElseThrow()
        .path("dueAt").asText()).satisfies(due -> assertThat(OffsetDateTime.parse(due))
            .isBefore(OffsetDateTime.now().plusHours(1)));
    // The open steps nobody has taken yet.
    assertThat(numbers(card.path("tasksNobodyTook"), "x")).hasSizeGreaterThan(0);
    assertThat(card.path("tasksNobodyTook").toString()).doesNotContain("インシデントに該当するか判断する");

    // The same card to print and file: every page marked as a drill's.
    HttpResponse<byte[]> pdf = http.getBytes("/api/drills/" + drill + "/scorecard.pdf", "demo-lead", PASSWORD);
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
        .startsWith("application/pdf"));
    try (PDDocument document = Loader.loadPDF(pdf.body())) {
      assertThat(new PDFTextStripper().getText(document)).contains("訓練の振り返り", drill, "個人情報保護委員会",
          "インシデントに該当するか判断する", "未送信（期限前）", "【訓練】送らないでください");
      // The page the README shows.
      Path png = Path.of("target", "e2e-screenshots", "drill-scorecard.png");
      Files.createDirectories(png.getParent());
      ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 70), "png", png.toFile());
    }

    assertThat(http.get("/api/drills/" + drill + "/scorecard", "demo-staff", PASSWORD).statusCode()).isEqualTo(403);
    assertThat(http.get("/api/drills/INC-2026-0001/scorecard", "demo-lead", PASSWORD).statusCode()).isEqualTo(404);
  }

  @Test
  void shouldStartADrillFromTasklistsStartFormForTheLeadOnly() {
    String form = "/engine-rest/process-definition/key/start-drill/submit-form";
    String values = "{\"variables\": {\"drillScenario\": {\"value\": \"card-data-leak\"}}}";

    HttpResponse<String> staff = http.postJson(form, "demo-staff", PASSWORD, values);
    assertThat(staff.statusCode()).as(staff.body()).isEqualTo(400);
    assertThat(json(staff).path("message").asText()).contains("インシデント対応責任者");

    long before = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("ipa-incident-response")
        .count();
    HttpResponse<String> lead = http.postJson(form, "demo-lead", PASSWORD, values);
    assertThat(lead.statusCode()).as(lead.body()).isEqualTo(200);
    String drill = (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(json(lead).path("id").asText()).variableName("drillNumber").singleResult().getValue();
    assertThat(drill).startsWith("TRN-");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("ipa-incident-response")
        .count()).isEqualTo(before + 1);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(drill).list())
        .allSatisfy(task -> assertThat(task.getName()).startsWith("【訓練】"));
  }

  @Test
  void shouldNeverAddAScenariosFactsToARealIncident() {
    HttpResponse<String> forged = http.postJson("/engine-rest/process-definition/key/drill-injects/start", "demo-lead",
        PASSWORD, "{\"businessKey\": \"INC-2026-0001\", \"variables\": {\"drillScenario\": {\"value\": "
            + "\"card-data-leak\"}, \"injectCount\": {\"value\": 1}, \"drillStartedAt\": {\"value\": "
            + "\"2026-12-02T12:00+09:00\"}}}");
    assertThat(forged.statusCode()).as(forged.body()).isEqualTo(400);
    assertThat(json(forged).path("message").asText()).contains("訓練（TRN-）にだけ");
  }

  @Test
  void shouldStopADrillKeepItsScorecardAndThenDeleteEveryRowItWrote() {
    String drill = startDrill("email-misdelivery");
    Task triage = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(drill)
        .taskDefinitionKey("Task_TriageReport").singleResult();
    engine.getTaskService().complete(triage.getId(), Map.of("isIncident", true, "personalDataLeaked", "yes",
        "affectedPersons", 300, "businessAffected", "no"));
    List<String> processes = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(drill).list().stream().map(p -> p.getId()).toList();
    assertThat(processes).as("the drill, its reports and its injects").hasSizeGreaterThan(2);

    assertThat(http.delete("/api/drills/" + drill, "demo-lead", PASSWORD).statusCode()).as("still running")
        .isEqualTo(409);
    assertThat(http.postJson("/api/drills/" + drill + "/stop", "demo-staff", PASSWORD, "{}").statusCode())
        .isEqualTo(403);
    HttpResponse<String> stopped = http.postJson("/api/drills/" + drill + "/stop", "demo-lead", PASSWORD, "{}");
    assertThat(json(stopped).path("stopped").asBoolean()).as(stopped.body()).isTrue();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(drill).count())
        .isZero();
    assertThat(json(http.get("/api/drills/" + drill + "/scorecard", "demo-lead", PASSWORD)).path("state").asText())
        .isEqualTo("取り消し");

    assertThat(http.delete("/api/drills/" + drill, "demo-lead", PASSWORD).statusCode()).isEqualTo(204);

    assertThat(rowsOf(processes)).as("engine history rows left").isEmpty();
    for (String table : List.of("incident_record", "incident_timeline_entry", "report_obligation",
        "incident_report_sent", "incident_evidence", "notification_outbox")) {
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE incident_number = ?", Long.class,
          drill)).as(table).isZero();
    }
    assertThat(http.get("/api/incidents/" + drill, "demo-lead", PASSWORD).statusCode()).isEqualTo(404);
  }

  /** Every row of the engine's history tables that still names one of these process instances, as "table: n". */
  private List<String> rowsOf(List<String> processInstanceIds) {
    String in = String.join(",", java.util.Collections.nCopies(processInstanceIds.size(), "?"));
    List<String> left = new java.util.ArrayList<>();
    // Upper case in H2, lower case in PostgreSQL.
    for (Map<String, Object> column : jdbc.queryForList("SELECT TABLE_NAME AS T, COLUMN_NAME AS C"
        + " FROM INFORMATION_SCHEMA.COLUMNS WHERE UPPER(TABLE_NAME) LIKE 'ACT\\_%' ESCAPE '\\'"
        + " AND UPPER(COLUMN_NAME) IN ('PROC_INST_ID_', 'ROOT_PROC_INST_ID_')")) {
      String table = String.valueOf(column.get("T"));
      String name = String.valueOf(column.get("C"));
      Long rows = jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE " + name + " IN (" + in + ")",
          Long.class, processInstanceIds.toArray());
      if (rows != null && rows > 0) {
        left.add(table + "." + name + ": " + rows);
      }
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE UPPER(TABLE_NAME) ="
        + " 'ACT_HI_PROCINST' AND UPPER(COLUMN_NAME) = 'PROC_INST_ID_'", Long.class)).as("the scan sees the engine's tables")
        .isPositive();
    return left;
  }

  @Test
  void shouldStopADrillLeftRunningPastItsMaxAge() {
    String drill = startDrill("card-data-leak");
    ProcessInstance injects = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("drill-injects").processInstanceBusinessKey(drill).singleResult();
    Instant start = OffsetDateTime.parse((String) engine.getRuntimeService().getVariable(injects.getId(),
        "drillStartedAt")).toInstant();
    Job expiry = engine.getManagementService().createJobQuery().processInstanceId(injects.getId())
        .activityId("Event_DrillExpired").singleResult();
    assertThat(expiry.getDuedate().toInstant()).as("seven days of real time").isEqualTo(start.plus(Duration.ofDays(7)));

    engine.getManagementService().executeJob(expiry.getId());

    await("the forgotten drill stopped").atMost(Duration.ofSeconds(30)).until(() -> engine.getRuntimeService()
        .createProcessInstanceQuery().processInstanceBusinessKey(drill).processDefinitionKey("ipa-incident-response")
        .count() == 0);
    assertThat(records.find(drill).orElseThrow().state().label()).isEqualTo("取り消し");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(drill).count()).isZero();
  }

  @Test
  void shouldLetOnlyTheIncidentLeadStartADrillOfAScenarioThatExists() {
    assertThat(http.postJson("/api/drills", "demo-staff", PASSWORD, "{\"scenario\": \"email-misdelivery\"}")
        .statusCode()).isEqualTo(403);
    HttpResponse<String> unknown = http.postJson("/api/drills", "demo-lead", PASSWORD, "{\"scenario\": \"nosuch\"}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(json(unknown).path("message").asText()).contains("nosuch", "email-misdelivery");
    HttpResponse<String> company = http.postJson("/api/drills", "demo-lead", PASSWORD,
        "{\"scenario\": \"email-misdelivery\", \"company\": \"nosuchcompany\"}");
    assertThat(company.statusCode()).isEqualTo(400);
    assertThat(http.postJson("/api/drills", "demo-lead", PASSWORD, "{\"scenario\": \"\"}").statusCode())
        .isEqualTo(400);
  }

  @Test
  void shouldLeadADrillsAlertWithTheDrillMarkAndSayNothingIsToBeSent() {
    TaskAlert alert = new TaskAlert("TRN-2026-0001", "案内メールの誤送信", "task-1", "【訓練】報告先と報告内容を決める",
        null, null, null, true, null);

    assertThat(alert.subject()).isEqualTo("【訓練】【TRN-2026-0001】【至急】報告先と報告内容を決める");
    assertThat(alert.body("https://incident.example.jp", java.time.ZoneId.of("Asia/Tokyo")))
        .startsWith("【訓練】これは訓練です").contains("外部への連絡はしないでください");
    assertThat(new TaskAlert("INC-2026-0001", "x", "t", "判断する", null, null, null, false, null).subject())
        .isEqualTo("【INC-2026-0001】判断する");
  }

  @Test
  void shouldRefuseAScenarioFileThatCannotRun() {
    DrillScenario broken = new DrillScenario("broken", "", "説明", "no-such-procedure",
        Map.of("incidentTitle", "x"), List.of(new DrillScenario.Inject(Duration.ofHours(2), "", Map.of())));

    assertThatThrownBy(() -> DrillScenarios.checked(broken, "other-name.json"))
        .hasMessageContaining("other-name.json").hasMessageContaining("id はファイル名")
        .hasMessageContaining("title と summary").hasMessageContaining("procedure は")
        .hasMessageContaining("incidentType").hasMessageContaining("injects");
  }
}
