package jp.smb.incident.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import jp.smb.incident.EmbeddedPostgres;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The year's first incidents reported at the same moment, on a fresh PostgreSQL database where no counter exists
 * yet: each gets a number of its own and none fails (the benchmark found the race; PostgreSQL aborts a
 * transaction after a failed insert, where H2 carries on).
 */
@SpringBootTest
@ActiveProfiles("processtest")
class IncidentNumberingOnPostgresTest {

  private static final String DATABASE = EmbeddedPostgres.freshDatabase("numbering");

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> DATABASE);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "postgres");
    registry.add("spring.datasource.driver-class-name", () -> "org.postgresql.Driver");
    registry.add("spring.datasource.hikari.connection-timeout", () -> EmbeddedPostgres.CONNECTION_TIMEOUT);
  }

  @Autowired
  ProcessEngine engine;

  @Test
  void shouldNumberTheYearsFirstIncidentsReportedAtOnceWithoutAGapOrAFailure() throws Exception {
    int threads = 4;
    int each = 5;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<List<String>>> results = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Callable<List<String>> reporter = () -> {
        start.await();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < each; i++) {
          numbers.add(engine.getRuntimeService().startProcessInstanceByKey("ipa-incident-response", Map.of(
              "incidentTitle", "同時の報告", "incidentType", "malware", "eventDescription", "同時に届いた警報"))
              .getBusinessKey());
        }
        return numbers;
      };
      results.add(pool.submit(reporter));
    }
    start.countDown();
    List<String> numbers = new ArrayList<>();
    for (Future<List<String>> result : results) {
      numbers.addAll(result.get());
    }
    pool.shutdown();

    String prefix = "INC-" + Year.now(ZoneId.of("Asia/Tokyo")) + "-";
    assertThat(numbers).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, threads * each)
        .mapToObj(n -> prefix + String.format("%04d", n)).toList());
  }
}
