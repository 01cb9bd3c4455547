package jp.smb.incident.database;

import static jp.smb.incident.HttpTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.StreamSupport;
import jp.smb.incident.ApplicationProcess;
import jp.smb.incident.EmbeddedPostgres;
import jp.smb.incident.HttpTestClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code kill -9} while responders are working: after the restart everything the application had confirmed is
 * there, exactly once, and work goes on. Against the application in its own JVM, on the H2 file default and on
 * PostgreSQL.
 */
class CrashSafetyIT {

  private static final String PASSWORD = "Renshu-2026!";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TRIAGE_STEP = "インシデントに該当するか判断する";

  @TempDir
  Path dataDir;

  /** What the application answered as done before it was killed: these must survive. */
  private final Queue<String> opened = new ConcurrentLinkedQueue<>();
  private final Queue<String> triaged = new ConcurrentLinkedQueue<>();
  private final Map<String, String> noted = new ConcurrentHashMap<>();

  @ParameterizedTest(name = "on {0}")
  @ValueSource(strings = {"h2", "postgres"})
  void shouldKeepEverythingConfirmedBeforeAKillExactlyOnceAndGoOn(String database) throws Exception {
    List<String> arguments = new ArrayList<>(List.of("--incident.data-dir=" + dataDir,
        "--spring.profiles.active=demo"));
    if (database.equals("postgres")) {
      String url = EmbeddedPostgres.freshDatabase("crash");
      arguments.addAll(List.of("--spring.profiles.active=demo,postgres", "--spring.datasource.url=" + url,
          "--spring.datasource.username=postgres", "--spring.datasource.password=postgres"));
    }
    Path log = Path.of("target", "crash-safety", database + ".log");
    String[] args = arguments.toArray(String[]::new);

    try (ApplicationProcess first = ApplicationProcess.start(log, args)) {
      AtomicBoolean stop = new AtomicBoolean();
      List<Thread> workers = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        int worker = i;
        Thread thread = new Thread(() -> work(first.http(), worker, stop), "responder-" + worker);
        thread.start();
        workers.add(thread);
      }
      awaitUntil(() -> triaged.size() >= 6 && noted.size() >= 6, Duration.ofSeconds(90));
      first.kill();
      stop.set(true);
      for (Thread worker : workers) {
        worker.join(30_000);
      }
    }
    assertThat(opened).hasSizeGreaterThanOrEqualTo(6);

    try (ApplicationProcess second = ApplicationProcess.start(log, args)) {
      HttpTestClient http = second.http();
      for (String number : opened) {
        JsonNode incident = json(http.get("/api/incidents/" + number, "demo-lead", PASSWORD));
        assertThat(incident.path("record").path("state").asText()).as(number).isEqualTo("OPEN");
        assertThat(entries(incident, "STARTED", null)).as("%s started once", number).isEqualTo(1);
        assertThat(count(http, "/engine-rest/process-instance/count?rootProcessInstances=true&businessKey=" + number))
            .as("%s has one procedure", number).isEqualTo(1);
      }
      for (String number : triaged) {
        JsonNode incident = json(http.get("/api/incidents/" + number, "demo-lead", PASSWORD));
        assertThat(entries(incident, "TASK_COMPLETED", TRIAGE_STEP)).as("%s triaged once", number).isEqualTo(1);
        assertThat(count(http, "/engine-rest/task/count?processInstanceBusinessKey=" + number
            + "&taskDefinitionKey=Task_ReportToExecutive")).as("%s moved on to the next step", number).isEqualTo(1);
        assertThat(count(http, "/engine-rest/task/count?processInstanceBusinessKey=" + number
            + "&taskDefinitionKey=Task_TriageReport")).isZero();
      }
      noted.forEach((number, text) -> {
        JsonNode incident = json(http.get("/api/incidents/" + number, "demo-lead", PASSWORD));
        long notes = StreamSupport.stream(incident.path("timeline").spliterator(), false)
            .filter(entry -> entry.path("kind").asText().equals("NOTE") && entry.path("detail").asText().equals(text))
            .count();
        assertThat(notes).as("note on %s kept once", number).isEqualTo(1);
      });
      List<String> all = StreamSupport.stream(json(http.get("/api/incidents?limit=1000", "demo-lead", PASSWORD))
          .spliterator(), false).map(summary -> summary.path("incidentNumber").asText()).toList();
      assertThat(all).doesNotHaveDuplicates().containsAll(opened);

      // Work goes on: the next step of a triaged incident, and a new incident with a number of its own.
      String number = triaged.peek();
      String next = firstTaskId(http, number, "Task_ReportToExecutive");
      HttpResponse<String> completed = http.postJson("/api/tasks/" + next + "/complete", "demo-lead", PASSWORD,
          "{\"variables\": {\"executiveReport\": \"再起動後に社長へ報告\"}}");
      assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
      String fresh = open(http, "再起動後の報告");
      assertThat(fresh).isNotNull();
      assertThat(all).doesNotContain(fresh);
    }
  }

  /** One responder's loop: report an incident, triage it, add a note; until the application is gone. */
  private void work(HttpTestClient http, int worker, AtomicBoolean stop) {
    try {
      for (int i = 0; !stop.get(); i++) {
        String number = open(http, "強制終了の試験 " + worker + "-" + i);
        if (number == null) {
          return;
        }
        String note = "作業者 " + worker + " のメモ " + i;
        if (http.postJson("/api/incidents/" + number + "/notes", "demo-lead", PASSWORD,
            JSON.createObjectNode().put("text", note).toString()).statusCode() == 201) {
          noted.put(number, note);
        }
        String task = firstTaskId(http, number, "Task_TriageReport");
        if (task != null && http.postJson("/api/tasks/" + task + "/complete", "demo-lead", PASSWORD,
            "{\"variables\": {\"isIncident\": true, \"businessAffected\": \"yes\"}}").statusCode() == 200) {
          triaged.add(number);
        }
      }
    } catch (IllegalStateException | UncheckedIOException killed) {
      // the connection broke when the application was killed: what was confirmed before counts
    }
  }

  private String open(HttpTestClient http, String title) {
    HttpResponse<String> created = http.postJson("/api/incidents", "demo-staff", PASSWORD, JSON.createObjectNode()
        .put("title", title).put("incidentType", "malware").put("eventDescription", "不審な添付ファイルを開いた")
        .toString());
    if (created.statusCode() != 201) {
      return null;
    }
    String number = json(created).get("incidentNumber").asText();
    opened.add(number);
    return number;
  }

  private static String firstTaskId(HttpTestClient http, String number, String taskKey) {
    JsonNode tasks = json(http.get("/engine-rest/task?processInstanceBusinessKey=" + number + "&taskDefinitionKey="
        + taskKey, "demo-lead", PASSWORD));
    return tasks.isArray() && !tasks.isEmpty() ? tasks.get(0).path("id").asText() : null;
  }

  private static long count(HttpTestClient http, String path) {
    HttpResponse<String> answer = http.get(path, "demo-lead", PASSWORD);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return json(answer).path("count").asLong();
  }

  private static long entries(JsonNode incident, String kind, String title) {
    return StreamSupport.stream(incident.path("timeline").spliterator(), false)
        .filter(entry -> entry.path("kind").asText().equals(kind))
        .filter(entry -> title == null || entry.path("title").asText().equals(title))
        .count();
  }

  private static void awaitUntil(java.util.function.BooleanSupplier condition, Duration timeout) {
    Awaitility.await("the workers").atMost(timeout).pollInterval(Duration.ofMillis(50)).until(condition::getAsBoolean);
  }
}
