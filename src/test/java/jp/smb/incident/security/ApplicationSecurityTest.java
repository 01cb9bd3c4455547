package jp.smb.incident.security;

import static jp.smb.incident.HttpTestClient.temporaryDirectory;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import jp.smb.incident.HttpTestClient;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The locked door, tested through HTTP against the running application on a file database: REST needs HTTP
 * Basic, the webapps need a login with CSRF token, and every call runs under the engine's authorization checks.
 * Uses the demo profile's one user per role.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
// Tests leave metrics export off unless asked; the Prometheus endpoint is part of what is checked here.
@AutoConfigureObservability(tracing = false)
class ApplicationSecurityTest {

  private static final String DEMO_PASSWORD = "Renshu-2026!";
  private static final Path DATA_DIR = temporaryDirectory("incident-security-test");

  @DynamicPropertySource
  static void dataDirectory(DynamicPropertyRegistry registry) {
    registry.add("incident.data-dir", DATA_DIR::toString);
  }

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  private HttpTestClient http;

  @BeforeEach
  void deployAccessCheckProcess() {
    http = new HttpTestClient(port);
    if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("access-check").count() == 0) {
      engine.getRepositoryService().createDeployment()
          .addModelInstance("access-check.bpmn", Bpmn.createExecutableProcess("access-check")
              .camundaHistoryTimeToLive(1)
              .startEvent()
              .parallelGateway("fork")
              .userTask("Task_Tech").camundaCandidateGroups("tech")
              .endEvent()
              .moveToNode("fork")
              .userTask("Task_Comms").camundaCandidateGroups("comms")
              .endEvent()
              .done())
          .deploy();
    }
  }

  @Test
  void shouldCreateOneDemoUserPerRoleWithTheDocumentedPassword() {
    IdentityService identityService = engine.getIdentityService();
    for (String group : List.of("staff", "sysadmin", "incident-lead", "tech", "comms", "executive")) {
      List<User> members = identityService.createUserQuery().memberOfGroup(group).list();
      assertThat(members).as("members of %s", group).hasSize(1);
    }
    assertThat(identityService.checkPassword("demo-lead", DEMO_PASSWORD)).isTrue();
    assertThat(identityService.checkPassword("admin", DEMO_PASSWORD)).isTrue();
  }

  @Test
  void shouldRefuseRestCallsWithoutCredentials() {
    HttpResponse<String> response = http.get("/engine-rest/task");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
        value -> assertThat(value).startsWith("Basic"));
  }

  @Test
  void shouldAnswerRestCallsWithCredentials() {
    HttpResponse<String> response = http.get("/engine-rest/group?type=WORKFLOW", "demo-staff", DEMO_PASSWORD);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("インシデント対応責任者", "経営者・最高責任者");
  }

  @Test
  void shouldRefuseAWrongPassword() {
    HttpResponse<String> response = http.get("/engine-rest/task", "demo-sysadmin", "Wrong-Pass-2026!");

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void shouldForbidATechnicianToCreateUsers() {
    HttpResponse<String> response = http.postJson("/engine-rest/user/create", "demo-tech", DEMO_PASSWORD,
        "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"Eve\",\"lastName\":\"Mallory\"},"
            + "\"credentials\":{\"password\":\"Zz-9876543!q\"}}");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(engine.getIdentityService().createUserQuery().userId("intruder").count()).isZero();
  }

  @Test
  void shouldRefuseAPasswordAgainstThePolicyWithA400ThatSaysWhy() {
    HttpResponse<String> weak = http.postJson("/engine-rest/user/create", "admin", DEMO_PASSWORD,
        "{\"profile\":{\"id\":\"newcomer\",\"firstName\":\"Hanako\",\"lastName\":\"Sato\"},"
            + "\"credentials\":{\"password\":\"short\"}}");

    assertThat(weak.statusCode()).isEqualTo(400);
    assertThat(weak.body()).contains("パスワードポリシー");
    assertThat(engine.getIdentityService().createUserQuery().userId("newcomer").count()).isZero();
    // Camunda's own answers are unchanged for everything else.
    assertThat(http.postJson("/engine-rest/task/no-such-task/complete", "admin", DEMO_PASSWORD, "{}").statusCode())
        .isEqualTo(404);
  }

  @Test
  void shouldOfferEachTaskOnlyToItsGroup() {
    String instanceId = startAccessCheckAsStaff();
    String commsTaskId = taskId(instanceId, "Task_Comms");

    HttpResponse<String> techTasks = http.get("/engine-rest/task?processInstanceId=" + instanceId, "demo-tech", DEMO_PASSWORD);
    HttpResponse<String> techReadsCommsTask = http.get("/engine-rest/task/" + commsTaskId, "demo-tech", DEMO_PASSWORD);
    HttpResponse<String> techCompletesCommsTask = http.postJson("/engine-rest/task/" + commsTaskId + "/complete",
        "demo-tech", DEMO_PASSWORD, "{}");

    assertThat(techTasks.statusCode()).isEqualTo(200);
    assertThat(techTasks.body()).contains("Task_Tech").doesNotContain("Task_Comms");
    assertThat(techReadsCommsTask.statusCode()).isEqualTo(404);
    assertThat(techCompletesCommsTask.statusCode()).isEqualTo(403);
    assertThat(engine.getTaskService().createTaskQuery().taskId(commsTaskId).count()).isEqualTo(1);
  }

  @Test
  void shouldLetGroupMembersClaimAndCompleteTheirTask() {
    String instanceId = startAccessCheckAsStaff();
    String commsTaskId = taskId(instanceId, "Task_Comms");

    HttpResponse<String> claim = http.postJson("/engine-rest/task/" + commsTaskId + "/claim",
        "demo-comms", DEMO_PASSWORD, "{\"userId\":\"demo-comms\"}");
    HttpResponse<String> complete = http.postJson("/engine-rest/task/" + commsTaskId + "/complete",
        "demo-comms", DEMO_PASSWORD, "{}");

    assertThat(claim.statusCode()).isEqualTo(204);
    assertThat(complete.statusCode()).isEqualTo(204);
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(commsTaskId).singleResult()
        .getAssignee()).isEqualTo("demo-comms");
  }

  @Test
  void shouldLetOnlySupervisorsFollowEveryIncident() {
    String instanceId = startAccessCheckAsStaff();
    String query = "/engine-rest/process-instance?processInstanceIds=" + instanceId;
    String history = "/engine-rest/history/process-instance?processInstanceId=" + instanceId;

    assertThat(http.get(query, "demo-lead", DEMO_PASSWORD).body()).contains(instanceId);
    assertThat(http.get(history, "demo-executive", DEMO_PASSWORD).body()).contains(instanceId);
    assertThat(http.get(query, "demo-tech", DEMO_PASSWORD).body()).isEqualTo("[]");
    assertThat(http.get(history, "demo-staff", DEMO_PASSWORD).body()).isEqualTo("[]");
  }

  @Test
  void shouldLogARoleUserInToTasklistButNotCockpit() {
    HttpResponse<String> login = http.webappLogin("tasklist", "demo-tech", DEMO_PASSWORD, true);

    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.body()).contains("\"userId\":\"demo-tech\"", "tasklist").doesNotContain("cockpit");
    assertThat(new HttpTestClient(port).webappLogin("cockpit", "demo-executive", DEMO_PASSWORD, true).body())
        .contains("cockpit");
  }

  @Test
  void shouldRefuseAWebappLoginWithoutTheCsrfToken() {
    HttpResponse<String> login = http.webappLogin("tasklist", "demo-comms", DEMO_PASSWORD, false);

    assertThat(login.statusCode()).isEqualTo(403);
  }

  @Test
  void shouldSendSecurityHeadersWithTheWebapps() {
    HttpResponse<String> page = http.get("/camunda/app/tasklist/");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  @Test
  void shouldExposeOnlyHealthWithoutLogin() {
    assertThat(http.get("/actuator/health/liveness").body()).contains("\"status\":\"UP\"");
    assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    assertThat(http.get("/actuator/env").statusCode()).isEqualTo(404);
    assertThat(http.get("/actuator/metrics").statusCode()).isEqualTo(404);
    assertThat(http.get("/engine-rest/user").statusCode()).isEqualTo(401);
  }

  @Test
  void shouldLetStaffReportAnIncidentThroughRestAndEachRoleWorkItsStep() {
    HttpResponse<String> start = http.postJson("/engine-rest/process-definition/key/ipa-incident-response/start",
        "demo-staff", DEMO_PASSWORD, """
            {"variables": {
              "incidentTitle": {"value": "ファイルが暗号化された", "type": "String"},
              "incidentType": {"value": "ransomware", "type": "String"},
              "detectedAt": {"value": "2026-11-24T09:30+09:00", "type": "String"},
              "eventDescription": {"value": "身代金を要求する画面が出た", "type": "String"},
              "reportSource": {"value": "internal", "type": "String"}}}""");
    assertThat(start.statusCode()).as(start.body()).isEqualTo(200);
    assertThat(start.body()).containsPattern("\"businessKey\":\"INC-\\d{4}-\\d{4}\"");
    String instanceId = idOf(start.body());

    String triage = taskId(instanceId, "Task_TriageReport");
    assertThat(http.get("/engine-rest/task/" + triage + "/deployed-form", "demo-lead", DEMO_PASSWORD).body())
        .contains("インシデントに該当するか判断する");
    HttpResponse<String> completeTriage = http.postJson("/engine-rest/task/" + triage + "/complete",
        "demo-lead", DEMO_PASSWORD, """
            {"variables": {"isIncident": {"value": true, "type": "Boolean"},
                           "businessAffected": {"value": "yes", "type": "String"}}}""");
    assertThat(completeTriage.statusCode()).as(completeTriage.body()).isEqualTo(204);

    HttpResponse<String> executiveTasks = http.get("/engine-rest/task?processInstanceId=" + instanceId,
        "demo-executive", DEMO_PASSWORD);
    assertThat(executiveTasks.body()).contains("Task_ReportToExecutive");
    // Containment starts at once: the technician sees it, and nothing of the executive's.
    assertThat(http.get("/engine-rest/task?processInstanceId=" + instanceId, "demo-tech", DEMO_PASSWORD).body())
        .contains("Task_ContainIncident").doesNotContain("Task_ReportToExecutive");
    assertThat(http.get("/engine-rest/task?processInstanceId=" + instanceId, "demo-comms", DEMO_PASSWORD).body())
        .isEqualTo("[]");
    assertThat(engine.getRuntimeService().getVariable(instanceId, "severityLevel")).isEqualTo(2);
  }

  @Test
  void shouldServeMetricsOnlyToTheMonitoringGroupAndAdministrators() {
    IdentityService identityService = engine.getIdentityService();
    if (identityService.createUserQuery().userId("scraper").count() == 0) {
      User scraper = identityService.newUser("scraper");
      scraper.setPassword("Miharu-2026!x");
      identityService.saveUser(scraper);
      identityService.createMembership("scraper", "monitoring");
    }

    assertThat(http.get("/actuator/prometheus").statusCode()).isEqualTo(401);
    HttpResponse<String> lead = http.get("/actuator/prometheus", "demo-lead", DEMO_PASSWORD);
    assertThat(lead.statusCode()).isEqualTo(403);
    assertThat(lead.body()).contains("monitoring").doesNotContain("incident_open");
    HttpResponse<String> metrics = http.get("/actuator/prometheus", "scraper", "Miharu-2026!x");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("incident_open{", "level=\"3\"", "level=\"none\"",
        "incident_reports_overdue", "incident_notifications_given_up", "incident_notifications_failed_total",
        "incident_time_to_detect_seconds_count{procedure=\"ipa-incident-response\"",
        "incident_time_to_contain_seconds", "incident_time_to_recover_seconds");
    assertThat(http.get("/actuator/prometheus", "admin", DEMO_PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void shouldShowTheIncidentBoardToSupervisorsOnly() {
    assertThat(http.get("/api/board").statusCode()).isEqualTo(401);
    assertThat(http.get("/api/board", "demo-staff", DEMO_PASSWORD).statusCode()).isEqualTo(403);
    HttpResponse<String> board = http.get("/api/board", "demo-lead", DEMO_PASSWORD);
    assertThat(board.statusCode()).isEqualTo(200);
    assertThat(HttpTestClient.json(board).path("incidents").isArray()).isTrue();
    assertThat(http.get("/api/board/figures?months=12", "demo-executive", DEMO_PASSWORD).statusCode()).isEqualTo(200);
    // Mistakes in the query are told, not a 500.
    assertThat(http.get("/api/board?state=closed", "demo-lead", DEMO_PASSWORD).statusCode()).isEqualTo(400);
    assertThat(http.get("/api/board?state=ended&from=2026-13-01", "demo-lead", DEMO_PASSWORD).statusCode()).isEqualTo(400);
    assertThat(http.get("/api/board?state=ended&from=2026-12-02&to=2026-12-01", "demo-lead", DEMO_PASSWORD).body())
        .contains("from は to 以前");
    assertThat(http.get("/api/board/figures?months=0", "demo-lead", DEMO_PASSWORD).statusCode()).isEqualTo(400);
  }

  @Test
  void shouldCountTheBoardsDaysInJapanEvenBeforeNineInTheMorning() {
    // 08:30 on 6 December in Japan, still 5 December in UTC: the board's "today" and default period are Japan's.
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-05T23:30:00Z")));
    try {
      JsonNode board = HttpTestClient.json(http.get("/api/board?state=ended", "demo-lead", DEMO_PASSWORD));
      assertThat(board.path("timeZone").asText()).isEqualTo("Asia/Tokyo");
      assertThat(board.path("today").asText()).isEqualTo("2026-12-06");
      assertThat(board.path("period").path("to").asText()).isEqualTo("2026-12-06");
      assertThat(board.path("period").path("from").asText()).isEqualTo("2026-11-07");
      assertThat(board.path("generatedAt").asText()).startsWith("2026-12-06T08:30");
    } finally {
      ClockUtil.reset();
    }
  }

  private static String idOf(String body) {
    int idStart = body.indexOf("\"id\":\"") + 6;
    return body.substring(idStart, body.indexOf('"', idStart));
  }

  private String startAccessCheckAsStaff() {
    HttpResponse<String> start = http.postJson("/engine-rest/process-definition/key/access-check/start",
        "demo-staff", DEMO_PASSWORD, "{}");
    assertThat(start.statusCode()).as(start.body()).isEqualTo(200);
    return idOf(start.body());
  }

  private String taskId(String instanceId, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(taskKey)
        .singleResult().getId();
  }
}
