package jp.smb.incident.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.StreamSupport;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import jp.smb.incident.ApplicationProcess;
import jp.smb.incident.HttpTestClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restore the operators' guide describes, on the real application in its own JVM: a copy taken with
 * {@code POST /api/backups} while responders report and triage incidents, unzipped into a fresh data directory,
 * started there. Every incident the copy holds is whole (its record, its procedure, its open task), everything
 * confirmed before the copy began is in it, and work goes on.
 */
class BackupRestoreIT {

  private static final String PASSWORD = "Renshu-2026!";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path work;

  private final Queue<String> opened = new ConcurrentLinkedQueue<>();
  private final Queue<String> triaged = new ConcurrentLinkedQueue<>();

  @Test
  void shouldRestoreACopyTakenWhileIncidentsWereWorkedWithEveryIncidentWhole() throws Exception {
    Path data = work.resolve("data");
    Path restored = work.resolve("restored");
    Path log = Path.of("target", "backup-restore", "application.log");
    List<String> beforeCopy;
    Path copy;
    try (ApplicationProcess first = ApplicationProcess.start(log, "--spring.profiles.active=demo",
        "--incident.data-dir=" + data)) {
      HttpTestClient http = first.http();
      for (int i = 0; i < 3; i++) {
        triage(http, open(http, "バックアップ前の報告 " + i));
      }
      beforeCopy = List.copyOf(opened);
      AtomicBoolean stop = new AtomicBoolean();
      Thread responder = new Thread(() -> {
        for (int i = 0; !stop.get(); i++) {
          triage(http, open(http, "バックアップ中の報告 " + i));
        }
      }, "responder");
      responder.start();
      try {
        // The copy is taken while the responder is at work, not before it began.
        Awaitility.await("the responder at work").atMost(Duration.ofSeconds(30))
            .until(() -> opened.size() > beforeCopy.size());
        HttpResponse<String> taken = http.postJson("/api/backups", "admin", PASSWORD, "{}");
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(201);
        copy = Path.of(json(taken).path("file").asText());
      } finally {
        stop.set(true);
        responder.join(30_000);
      }
      assertThat(copy).exists().hasParent(data.resolve("backup"));
      assertThat(triaged).as("incidents worked around the copy").hasSizeGreaterThan(beforeCopy.size());
      JsonNode listed = json(http.get("/api/backups", "admin", PASSWORD));
      assertThat(listed.path("copies").get(0).path("name").asText()).isEqualTo(copy.getFileName().toString());
      assertThat(http.get("/api/backups", "demo-lead", PASSWORD).statusCode()).as("administrators only")
          .isEqualTo(403);
    }
    unzip(copy, restored);

    try (ApplicationProcess second = ApplicationProcess.start(log, "--spring.profiles.active=demo",
        "--incident.data-dir=" + restored)) {
      HttpTestClient http = second.http();
      List<String> inCopy = StreamSupport.stream(json(http.get("/api/incidents?limit=1000", "demo-lead", PASSWORD))
          .spliterator(), false).map(summary -> summary.path("incidentNumber").asText()).toList();
      assertThat(inCopy).as("everything confirmed before the copy began").containsAll(beforeCopy)
          .doesNotHaveDuplicates();
      for (String number : inCopy) {
        assertThat(count(http, "/engine-rest/process-instance/count?rootProcessInstances=true&businessKey=" + number))
            .as("%s has its procedure", number).isEqualTo(1);
        assertThat(count(http, "/engine-rest/task/count?processInstanceBusinessKey=" + number))
            .as("%s has its open step", number).isGreaterThanOrEqualTo(1);
      }
      for (String number : beforeCopy) {
        assertThat(count(http, "/engine-rest/task/count?processInstanceBusinessKey=" + number
            + "&taskDefinitionKey=Task_ReportToExecutive")).as("%s triaged before the copy", number).isEqualTo(1);
      }

      // Work goes on from the copy: the next step, and a new incident numbered after the restored ones.
      String next = taskId(http, beforeCopy.get(0), "Task_ReportToExecutive");
      HttpResponse<String> completed = http.postJson("/api/tasks/" + next + "/complete", "demo-lead", PASSWORD,
          "{\"variables\": {\"executiveReport\": \"復元後に社長へ報告\"}}");
      assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
      String fresh = open(http, "復元後の報告");
      assertThat(fresh).isNotNull().isNotIn(inCopy);
    }
  }

  private String open(HttpTestClient http, String title) {
    HttpResponse<String> created = http.postJson("/api/incidents", "demo-staff", PASSWORD, JSON.createObjectNode()
        .put("title", title).put("incidentType", "malware").put("eventDescription", "不審な添付ファイルを開いた")
        .toString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String number = json(created).get("incidentNumber").asText();
    opened.add(number);
    return number;
  }

  private void triage(HttpTestClient http, String number) {
    String task = taskId(http, number, "Task_TriageReport");
    HttpResponse<String> done = http.postJson("/api/tasks/" + task + "/complete", "demo-lead", PASSWORD,
        "{\"variables\": {\"isIncident\": true, \"businessAffected\": \"yes\"}}");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
    triaged.add(number);
  }

  private static String taskId(HttpTestClient http, String number, String taskKey) {
    JsonNode tasks = json(http.get("/engine-rest/task?processInstanceBusinessKey=" + number + "&taskDefinitionKey="
        + taskKey, "demo-lead", PASSWORD));
    assertThat(tasks.isArray() && !tasks.isEmpty()).as("%s of %s", taskKey, number).isTrue();
    return tasks.get(0).path("id").asText();
  }

  private static long count(HttpTestClient http, String path) {
    HttpResponse<String> answer = http.get(path, "demo-lead", PASSWORD);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return json(answer).path("count").asLong();
  }

  /** As the guide says: unzip the copy into an empty data directory. */
  private static void unzip(Path copy, Path into) throws IOException {
    Files.createDirectories(into);
    try (InputStream file = Files.newInputStream(copy); ZipInputStream zip = new ZipInputStream(file)) {
      List<String> names = new ArrayList<>();
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        Path target = into.resolve(entry.getName()).normalize();
        assertThat(target.startsWith(into)).isTrue();
        Files.copy(zip, target);
        names.add(entry.getName());
      }
      assertThat(names).contains("incident-response.mv.db");
    }
  }

  private static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
