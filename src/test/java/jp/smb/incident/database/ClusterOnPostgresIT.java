package jp.smb.incident.database;

import static jp.smb.incident.HttpTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import jp.smb.incident.ApplicationProcess;
import jp.smb.incident.EmbeddedPostgres;
import jp.smb.incident.HttpTestClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two application nodes, each a JVM of its own with its own job executor, on one PostgreSQL, as behind a load
 * balancer: work moves freely between them, every timer fires exactly once, and when one node dies the other
 * carries on.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterOnPostgresIT {

  private static final String PASSWORD = "Renshu-2026!";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TIMER = "Event_InitialResponseOverdue";
  private static final String OVERDUE_TASK = "Task_HandleOverdueInitialResponse";

  private static ApplicationProcess nodeA;
  private static ApplicationProcess nodeB;

  @BeforeAll
  static void startTwoNodes() {
    String url = EmbeddedPostgres.freshDatabase("cluster");
    // One after the other, as a rolling start does; the second finds the schema, roles and deployment in place.
    nodeA = start("node-a", url);
    nodeB = start("node-b", url);
  }

  @AfterAll
  static void stopNodes() {
    for (ApplicationProcess node : new ApplicationProcess[] {nodeA, nodeB}) {
      if (node != null) {
        node.close();
      }
    }
  }

  private static ApplicationProcess start(String name, String url) {
    return ApplicationProcess.start(Path.of("target", "cluster", name + ".log"),
        "--spring.profiles.active=demo,postgres",
        "--spring.datasource.url=" + url,
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=postgres",
        "--camunda.bpm.generic-properties.properties.hostname=" + name,
        "--camunda.bpm.job-execution.wait-time-in-millis=200",
        "--camunda.bpm.job-execution.max-wait=1000",
        // A dead node's acquired jobs go to the other once their lock runs out.
        "--camunda.bpm.job-execution.lock-time-in-millis=5000",
        "--incident.escalation.initial-response-timeout=PT3S");
  }

  @Test
  @Order(1)
  void shouldCompleteOnNodeBAnIncidentReportedOnNodeA() {
    HttpResponse<String> created = nodeA.http().postJson("/api/incidents", "demo-staff", PASSWORD, """
        {"title": "ノードをまたぐ報告", "incidentType": "malware", "eventDescription": "A で受け付け、B で判断"}""");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String number = json(created).get("incidentNumber").asText();

    JsonNode tasks = json(nodeB.http().get("/engine-rest/task?processInstanceBusinessKey=" + number, "demo-lead",
        PASSWORD));
    assertThat(tasks).hasSize(1);
    HttpResponse<String> completed = nodeB.http().postJson("/api/tasks/" + tasks.get(0).get("id").asText()
        + "/complete", "demo-lead", PASSWORD, "{\"variables\": {\"isIncident\": true, \"businessAffected\": \"yes\"}}");
    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);

    JsonNode incident = json(nodeA.http().get("/api/incidents/" + number, "demo-lead", PASSWORD));
    assertThat(StreamSupport.stream(incident.get("timeline").spliterator(), false)
        .map(entry -> entry.get("kind").asText() + " " + entry.path("actor").asText()))
        .contains("STARTED demo-staff", "TASK_COMPLETED demo-lead");
    assertThat(count(nodeA.http(), "/engine-rest/task/count?processInstanceBusinessKey=" + number
        + "&taskDefinitionKey=Task_ReportToExecutive")).as("node A sees what node B did").isEqualTo(1);
  }

  @Test
  @Order(2)
  void shouldFireEachOfAThousandEscalationTimersExactlyOnceAcrossBothNodes() {
    List<String> instances = awaitingContainment(nodeA.http(), "TIMER", 1000);

    awaitUntil(() -> overdueTasks(nodeA.http(), instances), 1000, Duration.ofMinutes(4));

    assertFiredExactlyOnce(nodeA.http(), instances);
    Map<String, Long> byNode = timerJobsByNode(nodeA.http(), instances);
    assertThat(byNode.keySet()).as("both job executors took part: %s", byNode)
        .containsExactlyInAnyOrder("node-a", "node-b");
  }

  @Test
  @Order(3)
  void shouldCarryOnWhenOneNodeDiesMidWork() {
    List<String> instances = awaitingContainment(nodeB.http(), "KILL", 300);
    awaitUntil(() -> overdueTasks(nodeA.http(), instances), 30, Duration.ofMinutes(2));

    nodeB.kill();

    awaitUntil(() -> overdueTasks(nodeA.http(), instances), 300, Duration.ofMinutes(3));
    assertFiredExactlyOnce(nodeA.http(), instances);
    assertThat(count(nodeA.http(), "/engine-rest/job/count?noRetriesLeft=true")).isZero();
  }

  /** Incidents at 初動対応, each with its escalation timer armed, as after triage and team set-up. */
  private static List<String> awaitingContainment(HttpTestClient http, String batch, int count) {
    return IntStream.range(0, count).mapToObj(i -> {
      ObjectNode start = JSON.createObjectNode().put("businessKey", "CLUSTER-" + batch + "-" + i);
      ObjectNode variables = start.putObject("variables");
      variables.putObject("incidentTitle").put("value", "時間切れの試験");
      variables.putObject("incidentType").put("value", "malware");
      variables.putObject("isIncident").put("value", true);
      // As triage would have answered it: no personal data, so the legal clock opens no report here.
      variables.putObject("personalDataLeaked").put("value", "no");
      variables.putObject("severityLevel").put("value", 2).put("type", "Integer");
      variables.putObject("responsibleGroup").put("value", "incident-lead");
      start.putArray("startInstructions").addObject().put("type", "startBeforeActivity")
          .put("activityId", "Task_ContainIncident");
      HttpResponse<String> started = http.postJson(
          "/engine-rest/process-definition/key/ipa-incident-response/start", "admin", PASSWORD, start.toString());
      assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
      return json(started).get("id").asText();
    }).toList();
  }

  private static long overdueTasks(HttpTestClient http, List<String> instances) {
    Set<String> ids = Set.copyOf(instances);
    return processInstanceIds(http, "/engine-rest/task?taskDefinitionKey=" + OVERDUE_TASK).stream()
        .filter(ids::contains).count();
  }

  private static void assertFiredExactlyOnce(HttpTestClient http, List<String> instances) {
    Set<String> ids = Set.copyOf(instances);
    List<String> fired = processInstanceIds(http, "/engine-rest/history/activity-instance?activityId=" + TIMER)
        .stream().filter(ids::contains).toList();
    assertThat(fired).as("one escalation per incident").hasSize(instances.size()).doesNotHaveDuplicates();
    List<String> overdue = processInstanceIds(http, "/engine-rest/task?taskDefinitionKey=" + OVERDUE_TASK).stream()
        .filter(ids::contains).toList();
    assertThat(overdue).hasSize(instances.size()).doesNotHaveDuplicates();
    assertThat(processInstanceIds(http, "/engine-rest/task?taskDefinitionKey=Task_ContainIncident").stream()
        .filter(ids::contains).count()).as("the escalation does not cancel containment").isEqualTo(instances.size());
    // Each fired once; its next round (incident.escalation.repeat, two hours away) is armed, not due.
    assertThat(count(http, "/engine-rest/job/count?timers=true&executable=true&activityId=" + TIMER))
        .as("no timer due to fire again").isZero();
  }

  private static Map<String, Long> timerJobsByNode(HttpTestClient http, List<String> instances) {
    Set<String> ids = Set.copyOf(instances);
    List<JsonNode> successes = StreamSupport.stream(list(http,
            "/engine-rest/history/job-log?successLog=true&jobDefinitionType=timer-transition").spliterator(), false)
        .filter(log -> ids.contains(log.path("processInstanceId").asText())).toList();
    assertThat(successes).extracting(log -> log.path("jobId").asText()).doesNotHaveDuplicates()
        .hasSize(instances.size());
    return successes.stream().collect(Collectors.groupingBy(log -> log.path("hostname").asText(),
        Collectors.counting()));
  }

  private static List<String> processInstanceIds(HttpTestClient http, String path) {
    return StreamSupport.stream(list(http, path).spliterator(), false)
        .map(item -> item.path("processInstanceId").asText()).toList();
  }

  private static JsonNode list(HttpTestClient http, String path) {
    HttpResponse<String> answer = http.get(path + "&maxResults=10000", "admin", PASSWORD);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return json(answer);
  }

  private static long count(HttpTestClient http, String path) {
    HttpResponse<String> answer = http.get(path, "admin", PASSWORD);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return json(answer).path("count").asLong();
  }

  private static void awaitUntil(LongSupplier actual, long expected, Duration timeout) {
    Awaitility.await("%d overdue tasks".formatted(expected)).atMost(timeout).pollInterval(Duration.ofMillis(500))
        .until(actual::getAsLong, count -> count >= expected);
  }
}
