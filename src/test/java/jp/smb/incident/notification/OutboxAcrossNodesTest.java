package jp.smb.incident.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.smb.incident.HttpTestClient;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Two nodes sharing one database send each alert once, through a slow mail server whose sends, one after another,
 * outlast a lease; a node that dies holding an alert leaves it to the next once its lease runs out, and its late
 * word cannot undo what the next one recorded.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:outbox-nodes;DB_CLOSE_DELAY=-1",
    "spring.mail.host=localhost",
    "incident.notification.from=incident@example.jp",
    "incident.notification.poll-interval=PT1H",
    "incident.notification.claim-timeout=PT2S"})
@ActiveProfiles("processtest")
class OutboxAcrossNodesTest {

  private static final Duration SEND_TIME = Duration.ofMillis(500);
  private static final Duration LEASE = Duration.ofSeconds(2);

  private static final int SMTP_PORT = HttpTestClient.freePort();

  @RegisterExtension
  static GreenMailExtension mail = new GreenMailExtension(
      new ServerSetup(SMTP_PORT, null, ServerSetup.PROTOCOL_SMTP));

  private static final SlowSmtpProxy SLOW = slowServer();

  private static SlowSmtpProxy slowServer() {
    try {
      return new SlowSmtpProxy(SMTP_PORT, SEND_TIME);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void slowMailServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.port", SLOW::port);
  }

  /**
   * Only the test's dispatchers send. The application's own would be one more node, woken by every enqueue (it sends
   * as soon as an alert is queued) and racing the test's claims.
   */
  @MockitoBean
  AlertDispatcher applicationsOwnDispatcher;

  @Autowired
  Outbox outbox;

  @Autowired
  NotificationSettings settings;

  @Autowired
  ObjectProvider<JavaMailSender> mailSender;

  @Autowired
  Clock clock;

  @Autowired
  JdbcTemplate jdbc;

  @BeforeEach
  void emptyOutbox() {
    jdbc.update("DELETE FROM notification_outbox");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private AlertDispatcher node() {
    return new AlertDispatcher(outbox, settings, mailSender, clock, new SimpleMeterRegistry(),
        new WebhookSender(org.springframework.web.client.RestClient.builder()));
  }

  private void enqueue(String subject) {
    outbox.enqueue(new Alert("INC-2026-0001", null, Alert.EMAIL, "lead@example.jp", false, subject, "本文"),
        OffsetDateTime.now(clock));
  }

  private static Map<String, Long> subjectsReceived() {
    return Arrays.stream(mail.getReceivedMessages()).map(OutboxAcrossNodesTest::subject)
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void shouldDeliverEachAlertExactlyOnceWithTwoNodesAndASlowMailServer() throws Exception {
    // Ten sends one after another take 5 s, over twice the lease: a lease over the whole batch would run out midway
    // and the other node would send the rest again.
    List<String> subjects = java.util.stream.IntStream.rangeClosed(1, 10).mapToObj(i -> "通知" + i).toList();
    subjects.forEach(this::enqueue);
    assertThat(SEND_TIME.multipliedBy(subjects.size())).isGreaterThan(LEASE.multipliedBy(2));
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> polling = List.of(nodes.submit(() -> pollUntilAllSent(node())),
          nodes.submit(() -> pollUntilAllSent(node())));
      for (Future<?> node : polling) {
        node.get();
      }
    } finally {
      nodes.shutdownNow();
    }

    assertThat(subjectsReceived()).as("each alert once")
        .isEqualTo(subjects.stream().collect(Collectors.toMap(Function.identity(), subject -> 1L)));
    assertThat(outbox.count("SENT")).isEqualTo(subjects.size());
  }

  /** Polls as the schedule would, until nothing is left to send. */
  private void pollUntilAllSent(AlertDispatcher node) {
    Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
      node.dispatch();
      return outbox.count("PENDING") + outbox.count("SENDING") == 0;
    });
  }

  @Test
  void shouldLeaveTheAlertOfANodeKilledMidSendToTheNextOneAndSendItOnce() {
    enqueue("停止したノードの通知");
    // The first node claims the alert and dies before its mail was accepted.
    Outbox.Claim dead = outbox.claimNext(OffsetDateTime.now(clock), settings.claimTimeout()).orElseThrow();
    AlertDispatcher next = node();

    next.dispatch();
    assertThat(mail.getReceivedMessages()).as("held while the dead node's lease runs").isEmpty();

    ClockUtil.setCurrentTime(Date.from(clock.instant().plus(LEASE).plusSeconds(1)));
    next.dispatch();
    assertThat(subjectsReceived()).isEqualTo(Map.of("停止したノードの通知", 1L));

    // The dead node's late report finds the claim no longer its own and changes nothing.
    assertThat(outbox.sent(dead, OffsetDateTime.now(clock))).isFalse();
    assertThat(outbox.attemptFailed(dead, "late", OffsetDateTime.now(clock), true)).isFalse();
    assertThat(outbox.count("SENT")).isEqualTo(1);
    assertThat(outbox.count("FAILED")).isZero();
    next.dispatch();
    assertThat(mail.getReceivedMessages()).hasSize(1);
  }
}
