package jp.smb.incident.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.base.GreenMailOperations;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.smb.incident.HttpTestClient;

/**
 * How long an alert takes from its task's creation to a real SMTP server (GreenMail) accepting its mail, while
 * incidents keep arriving: each reported incident opens 該当の判断 for the incident lead, whose alert is measured.
 * The task's creation time is the engine's; the mail's arrival is seen by polling the server every 10 ms.
 */
final class AlertLatency {

  /** The measured alerts' latencies and how fast the incidents came in meanwhile. */
  record Result(int alerts, double p50Millis, double p95Millis, double incidentsPerSecond) {
  }

  private static final String PASSWORD = "Renshu-2026!";
  private static final Pattern TASK_LINK = Pattern.compile("[?&]task=([0-9a-f-]+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private AlertLatency() {
  }

  /** Reports {@code incidents} incidents over HTTP from two threads and measures the lead's alert of each. */
  static Result measure(HttpTestClient http, GreenMailOperations mail, int incidents) throws Exception {
    giveTheLeadAnAddress(http);
    Map<Integer, Instant> seen = new ConcurrentHashMap<>();
    AtomicBoolean watching = new AtomicBoolean(true);
    Thread watcher = new Thread(() -> watch(mail, seen, watching), "smtp-watcher");
    watcher.start();
    long started = System.nanoTime();
    try {
      report(http, incidents);
      double perSecond = incidents / ((System.nanoTime() - started) / 1e9);
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (seen.size() < incidents && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      watching.set(false);
      watcher.join();
      return latencies(http, mail, seen, perSecond);
    } finally {
      watching.set(false);
    }
  }

  private static void giveTheLeadAnAddress(HttpTestClient http) {
    HttpResponse<String> profile = http.putJson("/engine-rest/user/demo-lead/profile", "admin", PASSWORD,
        "{\"id\": \"demo-lead\", \"firstName\": \"責任者\", \"lastName\": \"デモ\", \"email\": \"lead@example.jp\"}");
    if (profile.statusCode() != 204) {
      throw new IllegalStateException("cannot give the lead an address: " + profile.body());
    }
  }

  /** The time each message was first seen on the server, by its position in the server's list. */
  private static void watch(GreenMailOperations mail, Map<Integer, Instant> seen, AtomicBoolean watching) {
    while (watching.get()) {
      Instant now = Instant.now();
      int received = mail.getReceivedMessages().length;
      for (int i = 0; i < received; i++) {
        seen.putIfAbsent(i, now);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static void report(HttpTestClient http, int incidents) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      AtomicInteger left = new AtomicInteger(incidents);
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        work.add(threads.submit(() -> {
          while (left.getAndDecrement() > 0) {
            HttpResponse<String> created = http.postJson("/api/incidents", "demo-staff", PASSWORD,
                "{\"title\": \"通知の遅れの測定\", \"incidentType\": \"malware\", \"eventDescription\": \"不審な添付\"}");
            if (created.statusCode() != 201) {
              throw new IllegalStateException(created.body());
            }
          }
          return null;
        }));
      }
      for (Future<?> future : work) {
        future.get();
      }
    } finally {
      threads.shutdown();
    }
  }

  private static Result latencies(HttpTestClient http, GreenMailOperations mail, Map<Integer, Instant> seen,
      double perSecond) throws Exception {
    Map<String, Instant> created = taskCreationTimes(http);
    MimeMessage[] messages = mail.getReceivedMessages();
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < messages.length; i++) {
      Matcher task = TASK_LINK.matcher(String.valueOf(messages[i].getContent()));
      Instant at = seen.get(i);
      if (task.find() && at != null && created.containsKey(task.group(1))) {
        millis.add(Duration.between(created.get(task.group(1)), at).toMillis());
      }
    }
    if (millis.isEmpty()) {
      throw new IllegalStateException("no alert arrived");
    }
    long[] nanos = millis.stream().mapToLong(ms -> ms * 1_000_000).toArray();
    return new Result(millis.size(), IncidentBenchmark.percentile(nanos, 50), IncidentBenchmark.percentile(nanos, 95),
        perSecond);
  }

  private static Map<String, Instant> taskCreationTimes(HttpTestClient http) {
    JsonNode tasks = json(http.get("/engine-rest/history/task?taskDefinitionKey=Task_TriageReport&maxResults=100000",
        "admin", PASSWORD));
    Map<String, Instant> created = new ConcurrentHashMap<>();
    tasks.forEach(task -> created.put(task.path("id").asText(),
        OffsetDateTime.parse(task.path("startTime").asText(), ENGINE_TIME).toInstant()));
    return created;
  }

  /** As the engine's REST API writes a date: 2026-12-05T20:41:13.123+0000. */
  private static final DateTimeFormatter ENGINE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  private static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
