package jp.smb.incident.benchmark;

import static jp.smb.incident.HttpTestClient.temporaryDirectory;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Path;
import jp.smb.incident.HttpTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A smoke round of the benchmark's alert-latency part in the quick loop (five alerts instead of hundreds): when a
 * change breaks the measurement, it fails here instead of in {@code ./mvnw -Pbenchmark verify}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class AlertLatencyTest {

  private static final int SMTP_PORT = HttpTestClient.freePort();
  private static final Path DATA = temporaryDirectory("incident-alert-latency");

  @RegisterExtension
  static GreenMailExtension mail = new GreenMailExtension(new ServerSetup(SMTP_PORT, null, ServerSetup.PROTOCOL_SMTP));

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    registry.add("incident.data-dir", DATA::toString);
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
    registry.add("incident.notification.poll-interval", () -> "PT1S");
  }

  @LocalServerPort
  int port;

  @Test
  void shouldMeasureEachAlertFromItsTaskToTheMailServer() throws Exception {
    AlertLatency.Result result = AlertLatency.measure(new HttpTestClient(port), mail, 5);

    assertThat(result.alerts()).isEqualTo(5);
    assertThat(result.p50Millis()).isPositive().isLessThanOrEqualTo(result.p95Millis());
    // One poll interval and a send, with room for a slow machine: not a timing target, a sanity check.
    assertThat(result.p95Millis()).isLessThan(30_000);
    assertThat(result.incidentsPerSecond()).isPositive();
  }
}
