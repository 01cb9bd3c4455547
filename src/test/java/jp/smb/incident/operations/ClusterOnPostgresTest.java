package jp.smb.incident.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import jp.smb.incident.EmbeddedPostgres;
import jp.smb.incident.HttpTestClient;
import jp.smb.incident.IncidentResponseApplication;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two application nodes on one PostgreSQL, each with its own job executor, as behind a load balancer: work moves
 * freely between them, every timer fires exactly once, and when one node stops the other carries on.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterOnPostgresTest {

  private static final String PASSWORD = "Renshu-2026!";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROCESS = "ipa-incident-response";
  private static final String TIMER = "Event_InitialResponseOverdue";
  private static final String COVERAGE_AUTO_CONFIGURATION =
      "org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration";

  private static ConfigurableApplicationContext nodeA;
  private static ConfigurableApplicationContext nodeB;

  @BeforeAll
  static void startTwoNodes() {
    String url = EmbeddedPostgres.freshDatabase("cluster");
    // One after the other, as a rolling start does; the second finds the schema, roles and deployment in place.
    nodeA = start("node-a", url);
    nodeB = start("node-b", url);
  }

  @AfterAll
  static void stopNodes() {
    for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {nodeA, nodeB}) {
      if (node != null && node.isActive()) {
        node.close();
      }
    }
  }

  private static ConfigurableApplicationContext start(String name, String url) {
    return new SpringApplicationBuilder(IncidentResponseApplication.class).run(
        "--server.port=0",
        "--spring.profiles.active=demo,postgres",
        "--spring.datasource.url=" + url,
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=postgres",
        "--spring.autoconfigure.exclude=" + COVERAGE_AUTO_CONFIGURATION,
        "--spring.jmx.enabled=false",
        "--camunda.bpm.process-engine-name=" + name,
        "--camunda.bpm.generic-properties.properties.hostname=" + name,
        "--camunda.bpm.job-execution.wait-time-in-millis=200",
        "--camunda.bpm.job-execution.max-wait=1000",
        // A stopped node's acquired jobs go to the other once their lock runs out.
        "--camunda.bpm.job-execution.lock-time-in-millis=5000",
        "--incident.escalation.initial-response-timeout=PT3S");
  }

  private static HttpTestClient http(ConfigurableApplicationContext node) {
    return new HttpTestClient(((WebServerApplicationContext) node).getWebServer().getPort());
  }

  private static ProcessEngine engine(ConfigurableApplicationContext node) {
    return node.getBean(ProcessEngine.class);
  }

  @Test
  @Order(1)
  void shouldCompleteOnNodeBAnIncidentReportedOnNodeA() {
    HttpResponse<String> created = http(nodeA).postJson("/api/incidents", "demo-staff", PASSWORD, """
        {"title": "ノードをまたぐ報告", "incidentType": "malware", "eventDescription": "A で受け付け、B で判断"}""");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String number = read(created).get("incidentNumber").asText();

    JsonNode tasks = read(http(nodeB).get("/engine-rest/task?processInstanceBusinessKey=" + number, "demo-lead",
        PASSWORD));
    assertThat(tasks).hasSize(1);
    HttpResponse<String> completed = http(nodeB).postJson("/api/tasks/" + tasks.get(0).get("id").asText()
        + "/complete", "demo-lead", PASSWORD, "{\"variables\": {\"isIncident\": true, \"businessAffected\": true}}");
    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);

    JsonNode incident = read(http(nodeA).get("/api/incidents/" + number, "demo-lead", PASSWORD));
    assertThat(StreamSupport.stream(incident.get("timeline").spliterator(), false)
        .map(entry -> entry.get("kind").asText() + " " + entry.path("actor").asText()))
        .contains("STARTED demo-staff", "TASK_COMPLETED demo-lead");
    assertThat(engine(nodeA).getTaskService().createTaskQuery().processInstanceBusinessKey(number)
        .taskDefinitionKey("Task_ReportToExecutive").count()).as("node A sees what node B did").isEqualTo(1);
  }

  @Test
  @Order(2)
  void shouldFireEachOfAThousandEscalationTimersExactlyOnceAcrossBothNodes() {
    List<String> instances = awaitingContainment(engine(nodeA), "TIMER", 1000);

    awaitUntil(() -> overdueTasks(instances), 1000, Duration.ofMinutes(4));

    assertFiredExactlyOnce(instances);
    Map<String, Long> byNode = timerJobsByNode(instances);
    assertThat(byNode.keySet()).as("both job executors took part: %s", byNode).containsExactlyInAnyOrder("node-a", "node-b");
  }

  @Test
  @Order(3)
  void shouldCarryOnWhenOneNodeStopsMidWork() {
    List<String> instances = awaitingContainment(engine(nodeA), "STOP", 300);
    awaitUntil(() -> overdueTasks(instances), 20, Duration.ofMinutes(2));

    nodeB.close();

    awaitUntil(() -> overdueTasks(instances), 300, Duration.ofMinutes(3));
    assertFiredExactlyOnce(instances);
    assertThat(engine(nodeA).getManagementService().createJobQuery().noRetriesLeft().count()).isZero();
  }

  /** Incidents at 初動対応, each with its escalation timer armed, as after triage and team set-up. */
  private static List<String> awaitingContainment(ProcessEngine engine, String batch, int count) {
    return java.util.stream.IntStream.range(0, count).mapToObj(i -> engine.getRuntimeService()
            .createProcessInstanceByKey(PROCESS)
            .businessKey("CLUSTER-" + batch + "-" + i)
            .setVariables(Map.of("incidentTitle", "時間切れの試験", "incidentType", "malware", "isIncident", true,
                "severityLevel", 2, "responsibleGroup", "incident-lead"))
            .startBeforeActivity("Task_ContainIncident")
            .execute())
        .map(ProcessInstance::getId)
        .toList();
  }

  private static long overdueTasks(List<String> instances) {
    return engine(nodeA).getTaskService().createTaskQuery().processInstanceIdIn(instances.toArray(String[]::new))
        .taskDefinitionKey("Task_HandleOverdueInitialResponse").count();
  }

  private static void assertFiredExactlyOnce(List<String> instances) {
    HistoryService history = engine(nodeA).getHistoryService();
    String[] ids = instances.toArray(String[]::new);
    List<HistoricActivityInstance> fired = history.createHistoricActivityInstanceQuery().activityId(TIMER).list()
        .stream().filter(a -> instances.contains(a.getProcessInstanceId())).toList();
    assertThat(fired).hasSize(instances.size());
    assertThat(fired).extracting(HistoricActivityInstance::getProcessInstanceId).doesNotHaveDuplicates();
    assertThat(engine(nodeA).getTaskService().createTaskQuery().processInstanceIdIn(ids)
        .taskDefinitionKey("Task_HandleOverdueInitialResponse").list())
        .extracting(task -> task.getProcessInstanceId()).doesNotHaveDuplicates().hasSize(instances.size());
    assertThat(engine(nodeA).getTaskService().createTaskQuery().processInstanceIdIn(ids)
        .taskDefinitionKey("Task_ContainIncident").count()).as("the escalation does not cancel containment")
        .isEqualTo(instances.size());
    assertThat(engine(nodeA).getManagementService().createJobQuery().timers().count()).isZero();
  }

  private static Map<String, Long> timerJobsByNode(List<String> instances) {
    Set<String> ids = Set.copyOf(instances);
    List<HistoricJobLog> successes = engine(nodeA).getHistoryService().createHistoricJobLogQuery()
        .successLog().jobDefinitionType("timer-transition").list().stream()
        .filter(log -> ids.contains(log.getProcessInstanceId())).toList();
    assertThat(successes).extracting(HistoricJobLog::getJobId).doesNotHaveDuplicates().hasSize(instances.size());
    return successes.stream().collect(Collectors.groupingBy(HistoricJobLog::getHostname, Collectors.counting()));
  }

  private static void awaitUntil(LongSupplier actual, long expected, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    long now;
    while ((now = actual.getAsLong()) < expected) {
      assertThat(Instant.now()).as("only %d of %d after %s", now, expected, timeout).isBefore(deadline);
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static JsonNode read(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + response.body(), e);
    }
  }
}
