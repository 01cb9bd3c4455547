package jp.smb.incident.security;

import static jp.smb.incident.HttpTestClient.json;
import static jp.smb.incident.HttpTestClient.temporaryDirectory;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import jp.smb.incident.HttpTestClient;
import jp.smb.incident.evidence.EvidenceStore;
import jp.smb.incident.record.IncidentRecords;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.HtmlUtils;

/**
 * What a careless script, a confused user or an attacker sends: every endpoint answers with a 4xx that says what is
 * wrong, never a 5xx, and nothing of the refused request is written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class HostileInputTest {

  static final String PASSWORD = "Renshu-2026!";
  /** A browser, API clients of every kind, and none at all. */
  private static final List<String> ACCEPT_HEADERS = List.of(
      "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html", "application/json",
      "application/problem+json", "application/xml", "*/*", "");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DATA_DIR = temporaryDirectory("hostile-input-");
  private static final String VALID_INTAKE = """
      {"title": "不審なメール", "incidentType": "malware", "eventDescription": "添付ファイルを開いた"}""";

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    registry.add("incident.data-dir", DATA_DIR::toString);
  }

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Autowired
  IncidentRecords records;

  @Autowired
  EvidenceStore evidence;

  @Autowired
  JdbcTemplate jdbc;

  HttpTestClient http;

  @BeforeEach
  void client() {
    http = new HttpTestClient(port);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      malformed JSON           | {"title": "x", "incidentType":                                                      | JSON
      not an object            | ["x"]                                                                               | JSON
      empty object             | {}                                                                                  | title
      wrong type (object)      | {"title": {"a": 1}, "incidentType": "other", "eventDescription": "x"}               | 値の型
      wrong type (boolean)     | {"title": "x", "incidentType": "other", "eventDescription": "x", "detectedAt": true} | detectedAt
      extra field              | {"title": "x", "incidentType": "other", "eventDescription": "x", "severity": 3}     | severity
      title too long           | {"title": "%LONG300%", "incidentType": "other", "eventDescription": "x"}            | title
      description too long     | {"title": "x", "incidentType": "other", "eventDescription": "%LONG20000%"}          | eventDescription
      NUL in title             | {"title": "a\\u0000b", "incidentType": "other", "eventDescription": "x"}            | 制御文字
      escape sequence in title | {"title": "\\u001b[31m赤", "incidentType": "other", "eventDescription": "x"}         | 制御文字
      NUL in description       | {"title": "x", "incidentType": "other", "eventDescription": "a\\u0000"}             | 制御文字
      control char in contact  | {"title": "x", "incidentType": "other", "eventDescription": "x", "source": "customer", "reporterContact": "a\\u0007b"} | 制御文字
      null procedure type      | {"title": "x", "incidentType": null, "eventDescription": "x"}                       | incidentType""")
  void shouldRefuseHostileIntakeAndOpenNothing(String name, String json, String message) {
    long incidentsBefore = incidentCount();

    // Whatever the client accepts: the same 400 and the same message, as problem details or as a browser's page.
    for (String accept : ACCEPT_HEADERS) {
      HttpResponse<String> refused = http.accepting(accept, "POST", "/api/incidents", "demo-staff", PASSWORD,
          expand(json));

      assertThat(refused.statusCode()).as("Accept %s: %s", accept, refused.body()).isEqualTo(400);
      String said = accept.startsWith("text/html") ? HtmlUtils.htmlUnescape(refused.body())
          : json(refused).get("message").asText();
      assertThat(said).as("Accept %s", accept).contains(message);
    }
    assertThat(incidentCount()).as("no record and no process for a refused intake").isEqualTo(incidentsBefore);
  }

  @Test
  void shouldRefuseAnEmptyBodyAndAnotherMediaType() {
    long incidentsBefore = incidentCount();
    assertThat(http.postJson("/api/incidents", "demo-staff", PASSWORD, "").statusCode()).isEqualTo(400);
    HttpResponse<String> text = http.post("/api/incidents", "demo-staff", PASSWORD, "text/plain", VALID_INTAKE);
    assertThat(text.statusCode()).isEqualTo(415);
    assertThat(json(text).get("message").asText()).contains("text/plain");
    assertThat(incidentCount()).isEqualTo(incidentsBefore);
  }

  @ParameterizedTest(name = "Accept: {0}")
  @ValueSource(strings = {"application/problem+json", "application/json", "text/html",
      "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "application/xml", "*/*", ""})
  void shouldAnswerA4xxWhateverTheClientAccepts(String accept) {
    HttpResponse<String> badIntake = http.accepting(accept, "POST", "/api/incidents", "demo-staff", PASSWORD,
        "{\"title\": 12}");
    assertThat(badIntake.statusCode()).as(badIntake.body()).isEqualTo(400);
    HttpResponse<String> unknown = http.accepting(accept, "GET", "/api/incidents/INC-1999-0001", "demo-lead", PASSWORD,
        null);
    assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);

    if (accept.startsWith("text/html")) {
      // A browser gets a page in Japanese.
      assertThat(badIntake.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
      assertThat(unknown.body()).contains("<html lang=\"ja\"", "見つかりません", "INC-1999-0001");
    } else {
      // Everyone else problem details (RFC 9457), with the message existing clients read.
      assertThat(badIntake.headers().firstValue("Content-Type")).contains("application/problem+json");
      JsonNode problem = json(unknown);
      assertThat(problem.path("type").asText()).isEqualTo("about:blank");
      assertThat(problem.path("title").asText()).isEqualTo("Not Found");
      assertThat(problem.path("status").asInt()).isEqualTo(404);
      assertThat(problem.path("detail").asText()).contains("INC-1999-0001");
      assertThat(problem.path("message").asText()).isEqualTo(problem.path("detail").asText());
      assertThat(problem.path("instance").asText()).isEqualTo("/api/incidents/INC-1999-0001");
    }
  }

  @Test
  void shouldSayWhatIsWrongWithAFieldInJapanese() {
    HttpResponse<String> refused = http.postJson("/api/incidents", "demo-staff", PASSWORD,
        "{\"title\": \" \", \"incidentType\": \"other\", \"eventDescription\": \"x\"}");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(json(refused).path("message").asText()).contains("title", "空白は許可されていません")
        .doesNotContain("must not be blank");
  }

  @Test
  void shouldKeepJapaneseEmojiAndLineBreaksExactly() {
    String title = "🔥 ランサムウェア感染 😱 𠮷野さんの PC";
    String description = "朝 9:00 に気づいた。\n画面に「ファイルは暗号化された」と表示 🔒\tタブも残す";
    HttpResponse<String> created = http.postJson("/api/incidents", "demo-staff", PASSWORD, JSON.createObjectNode()
        .put("title", title).put("incidentType", "ransomware").put("eventDescription", description).toString());

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String number = json(created).get("incidentNumber").asText();
    JsonNode record = json(http.get("/api/incidents/" + number, "demo-lead", PASSWORD)).get("record");
    assertThat(record.get("title").asText()).isEqualTo(title);
    assertThat(record.get("eventDescription").asText()).isEqualTo(description);
  }

  @ParameterizedTest(name = "GET {0}")
  @CsvSource(delimiter = '|', textBlock = """
      /api/incidents/INC-2999-9999                  | 404
      /api/incidents/..%2F..%2Fetc%2Fpasswd         | 400
      /api/incidents/%00                            | 400
      /api/incidents/INC-2999-9999/report           | 404
      /api/incidents/INC-2999-9999/evidence/1       | 404
      /api/incidents/INC-2999-9999/evidence/abc     | 400
      /api/incidents?limit=abc                      | 400
      /api/incidents?limit=-1                       | 400
      /api/incidents?severity=high                  | 400
      /api/incidents?state=burning                  | 400
      /api/nothing-here                             | 404
      /engine-rest/task/no-such-task                | 404
      /engine-rest/process-instance/no-such-instance | 404""")
  void shouldAnswerUnknownIdsAndBadParametersWithA4xx(String path, int status) {
    HttpResponse<String> answer = http.get(path, "demo-lead", PASSWORD);

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    assertThat(answer.body()).isNotBlank().doesNotContain("\tat ", "at org.");
  }

  @ParameterizedTest(name = "file name {0}")
  @ValueSource(strings = {"../../etc/passwd", "..\\..\\windows\\win.ini", "/etc/shadow", "log\u0000.txt",
      ".."})
  void shouldRefuseFileNamesThatArePathsOrCarryControlCharacters(String fileName) {
    String number = openIncident();

    HttpResponse<String> refused = http.postMultipart("/api/incidents/" + number + "/evidence", "demo-tech", PASSWORD,
        Map.of("description", "ログ"), fileName, new byte[] {1, 2, 3});

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(json(refused).get("message").asText()).contains("ファイル名");
    assertThat(evidence.of(number)).isEmpty();
  }

  @Test
  void shouldRefuseEvidenceWithABogusContentTypeOrHostileText() {
    String number = openIncident();
    String url = "/api/incidents/" + number + "/evidence";

    HttpResponse<String> bogusType = http.postMultipart(url, "demo-tech", PASSWORD, Map.of("description", "ログ"),
        "a.log", "not a media type", new byte[] {1});
    assertThat(bogusType.statusCode()).as(bogusType.body()).isEqualTo(400);
    assertThat(json(bogusType).get("message").asText()).contains("Content-Type");
    HttpResponse<String> nul = http.postMultipart(url, "demo-tech", PASSWORD, Map.of("description", "ロ\u0000グ"),
        null, null);
    assertThat(nul.statusCode()).as(nul.body()).isEqualTo(400);
    assertThat(json(nul).get("message").asText()).contains("制御文字");
    HttpResponse<String> longSource = http.postMultipart(url, "demo-tech", PASSWORD,
        Map.of("description", "ログ", "source", "x".repeat(2001)), null, null);
    assertThat(longSource.statusCode()).as(longSource.body()).isEqualTo(400);
    assertThat(json(longSource).get("message").asText()).contains("source");
    HttpResponse<String> notMultipart = http.postJson(url, "demo-tech", PASSWORD, "{\"description\": \"x\"}");
    assertThat(notMultipart.statusCode()).isBetween(400, 499);
    assertThat(evidence.of(number)).as("nothing of the refused uploads").isEmpty();

    // A line break ends the part's header: whatever name the parser keeps, none reaches the record or a header.
    HttpResponse<String> split = http.postMultipart(url, "demo-tech", PASSWORD, Map.of("description", "ログ"),
        "report\r\nX-Injected: yes.txt", "text/plain", new byte[] {1});
    assertThat(split.statusCode()).as(split.body()).isIn(201, 400);
    assertThat(evidence.of(number)).extracting(e -> String.valueOf(e.fileName()))
        .noneMatch(name -> name.contains("\n") || name.contains("\r"));
    if (split.statusCode() == 201) {
      assertThat(http.get(url + "/" + json(split).get("id").asText() + "/content", "demo-lead", PASSWORD).headers()
          .map()).doesNotContainKey("x-injected");
    }
    int before = evidence.of(number).size();

    HttpResponse<String> plain = http.postMultipart(url, "demo-tech", PASSWORD, Map.of("description", "ログ 📄"),
        "アクセスログ 2026-11-24.log", "text/plain; charset=UTF-8", "ok".getBytes());
    assertThat(plain.statusCode()).as(plain.body()).isEqualTo(201);
    HttpResponse<String> download = http.get(url + "/" + json(plain).get("id").asText() + "/content", "demo-lead",
        PASSWORD);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
    assertThat(evidence.of(number)).hasSize(before + 1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      malformed JSON        | {"text":                    | JSON
      missing text          | {}                          | text
      extra field           | {"text": "x", "pinned": true} | pinned
      control character     | {"text": "a\\u0000b"}       | 制御文字
      too long              | {"text": "%LONG10001%"}     | text""")
  void shouldRefuseHostileNotesAndAddNothingToTheTimeline(String name, String json, String message) {
    String number = openIncident();
    int entriesBefore = records.timeline(number).size();

    HttpResponse<String> refused = http.postJson("/api/incidents/" + number + "/notes", "demo-lead", PASSWORD,
        expand(json));

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(json(refused).get("message").asText()).contains(message);
    assertThat(records.timeline(number)).hasSize(entriesBefore);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      malformed JSON         | {"variables":                                          | JSON
      variables not an object | {"variables": [1, 2]}                                 | variables
      value is an object     | {"variables": {"isIncident": {"value": true}}}         | isIncident
      NUL in a text          | {"variables": {"isIncident": true, "suspectedCause": "a\\u0000b"}} | 制御文字
      text too long for the record | {"variables": {"isIncident": true, "suspectedCause": "%LONG20001%"}} | suspectedCause""")
  void shouldRefuseHostileCompletionsOverTheApiAndLeaveTheTaskOpen(String name, String json, String message) {
    Task triage = triageTask(openIncident());

    HttpResponse<String> refused = http.postJson("/api/tasks/" + triage.getId() + "/complete", "demo-lead",
        PASSWORD, expand(json));

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(json(refused).get("message").asText()).contains(message);
    assertStillOpen(triage);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      malformed JSON           | {"variables":
      unknown value type       | {"variables": {"isIncident": {"value": "yes", "type": "Nonsense"}}}
      boolean that is no boolean | {"variables": {"isIncident": {"value": "perhaps", "type": "Boolean"}}}
      Java serialized object   | {"variables": {"isIncident": {"value": "rO0ABXQAA3llcw==", "type": "Object", "valueInfo": {"objectTypeName": "java.lang.String", "serializationDataFormat": "application/x-java-serialized-object"}}}}
      NUL in a text            | {"variables": {"isIncident": {"value": true}, "suspectedCause": {"value": "a\\u0000b"}}}
      text too long for the record | {"variables": {"isIncident": {"value": true}, "suspectedCause": {"value": "%LONG20001%"}}}""")
  void shouldRefuseHostileFormSubmissionsOverEngineRestAndLeaveTheTaskOpen(String name, String json) {
    Task triage = triageTask(openIncident());

    HttpResponse<String> refused = http.postJson("/engine-rest/task/" + triage.getId() + "/submit-form", "demo-lead",
        PASSWORD, expand(json));

    assertThat(refused.statusCode()).as(refused.body()).isBetween(400, 499);
    assertThat(refused.body()).as("a message, no stack trace").isNotBlank().doesNotContain("\tat ");
    assertStillOpen(triage);
  }

  @Test
  void shouldRefuseAHeadCountThatIsNoNumberWhenTheReportingDecisionReadsIt() {
    String number = openIncident();
    var tasks = engine.getTaskService();
    tasks.complete(triageTask(number).getId(), Map.of("isIncident", true, "personalDataLeaked", "yes"));
    tasks.complete(task(number, "Task_ReportToExecutive").getId(), Map.of("executiveReport", "電話で報告"));
    tasks.complete(task(number, "Task_SetUpResponseTeam").getId(), Map.of("responseLeader", "佐藤"));
    tasks.complete(task(number, "Task_ContainIncident").getId(), Map.of("containmentNote", "隔離した",
        "powerKeptOn", true));
    Task decide = task(number, "Task_DecideFirstReport");

    HttpResponse<String> refused = http.postJson("/engine-rest/task/" + decide.getId() + "/submit-form",
        "demo-executive", PASSWORD, "{\"variables\": {\"affectedPersons\": {\"value\": \"たくさん\"}}}");

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(json(refused).get("message").asText()).contains("affectedPersons");
    assertStillOpen(decide);
  }

  private void assertStillOpen(Task task) {
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count())
        .as("the refused completion changed nothing").isEqualTo(1);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).variableName("suspectedCause").count()).isZero();
  }

  private String openIncident() {
    HttpResponse<String> created = http.postJson("/api/incidents", "demo-staff", PASSWORD, VALID_INTAKE);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json(created).get("incidentNumber").asText();
  }

  private Task triageTask(String number) {
    return task(number, "Task_TriageReport");
  }

  private Task task(String number, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(key)
        .singleResult();
  }

  private long incidentCount() {
    Long count = jdbc.queryForObject("SELECT COUNT(*) FROM incident_record", Long.class);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKeyIn("ipa-incident-response", "six-step-incident-response").count())
        .as("one process per record").isEqualTo(count);
    return count;
  }

  /** {@code %LONGn%} stands for a string of n characters, too long to write in the table. */
  private static String expand(String json) {
    java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("%LONG(\\d+)%").matcher(json);
    return matcher.replaceAll(match -> "あ".repeat(Integer.parseInt(match.group(1))));
  }
}
