package jp.smb.incident.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends what the outbox holds, after the steps that wrote it have committed, outside any engine transaction: a
 * mail server that is down or slow holds up no task, intake or timer. A failed attempt is retried with backoff;
 * one that keeps failing is given up with a log line, a metric and a FAILED entry that {@code /api/notifications}
 * shows. It sends as soon as the step that queued an alert has committed, on a thread of its own; the poll every
 * {@code incident.notification.poll-interval} catches retries and what another node queued.
 */
@Component
public class AlertDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(AlertDispatcher.class);

  private final Outbox outbox;
  private final NotificationSettings settings;
  private final ObjectProvider<JavaMailSender> mail;
  private final Clock clock;
  private final Counter sent;
  private final Counter failed;
  private final WebhookSender webhook;
  private final ExecutorService wakeUps = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "alert-dispatch");
    thread.setDaemon(true);
    return thread;
  });
  private final AtomicBoolean wakeUpPending = new AtomicBoolean();

  AlertDispatcher(Outbox outbox, NotificationSettings settings, ObjectProvider<JavaMailSender> mail, Clock clock,
      MeterRegistry meters, WebhookSender webhook) {
    this.outbox = outbox;
    this.webhook = webhook;
    this.settings = settings;
    this.mail = mail;
    this.clock = clock;
    this.sent = Counter.builder("incident.notifications.sent").description("alerts delivered").register(meters);
    this.failed = Counter.builder("incident.notifications.failed").description("alerts given up after retrying")
        .register(meters);
    // Given-up alerts still waiting for a person, counted from the outbox, so the figure survives a restart.
    Gauge.builder("incident.notifications.given.up", outbox, box -> box.count("FAILED"))
        .description("alerts given up and not yet dealt with").register(meters);
  }

  /**
   * After the commit of a step that queued an alert: sends what is due now instead of at the next poll. Wake-ups
   * that come while one is waiting to run are one: it sends everything due.
   */
  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void alertQueued(Outbox.AlertQueued queued) {
    if (wakeUpPending.compareAndSet(false, true)) {
      wakeUps.execute(() -> {
        wakeUpPending.set(false);
        dispatch();
      });
    }
  }

  @PreDestroy
  void stop() {
    wakeUps.shutdownNow();
  }

  /**
   * Every {@code incident.notification.poll-interval} (NotificationConfiguration) and after each commit that queued
   * an alert: every alert due, one by one, until none is (at most 1,000 a round, so that a round ends).
   */
  public void dispatch() {
    JavaMailSender sender = mail.getIfAvailable();
    if (!settings.mailEnabled() && settings.webhookUrl() == null) {
      return;
    }
    for (int i = 0; i < 1000; i++) {
      Optional<Outbox.Claim> next = outbox.claimNext(OffsetDateTime.now(clock), settings.claimTimeout());
      if (next.isEmpty()) {
        return;
      }
      Outbox.Claim claim = next.get();
      try {
        deliver(claim.entry(), sender);
        if (!outbox.sent(claim, OffsetDateTime.now(clock))) {
          leaseLost(claim);
        }
        sent.increment();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        outbox.attemptFailed(claim, "interrupted", OffsetDateTime.now(clock), false);
        return;
      } catch (Exception e) {
        failedAttempt(claim, e);
      }
    }
  }

  /** The send outlasted the lease and another node may have sent it too: claim-timeout is too short. */
  private void leaseLost(Outbox.Claim claim) {
    LOG.warn("通知の送信中に担当が切れました。別のサーバーも送った可能性があります（incident.notification.claim-timeout を"
        + "送信にかかる時間より長くしてください） / Lease of alert {} ran out while sending", claim.entry().id());
  }

  private void deliver(OutboxEntry entry, JavaMailSender sender) throws Exception {
    if (Alert.WEBHOOK.equals(entry.channel())) {
      if (settings.webhookUrl() == null) {
        throw new IllegalStateException("incident.notification.webhook-url is no longer set");
      }
      webhook.send(settings.webhookUrl(), entry.subject(), entry.body());
      return;
    }
    if (sender == null) {
      throw new IllegalStateException("spring.mail.host is no longer set");
    }
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(settings.from());
    message.setTo(entry.recipient());
    message.setSubject(entry.subject());
    message.setText(entry.body());
    sender.send(message);
  }

  private void failedAttempt(Outbox.Claim claim, Exception e) {
    OutboxEntry entry = claim.entry();
    int attempts = entry.attempts() + 1;
    boolean giveUp = attempts >= settings.maxAttempts();
    if (!outbox.attemptFailed(claim, String.valueOf(e.getMessage()),
        OffsetDateTime.now(clock).plus(settings.backoff(attempts)), giveUp)) {
      leaseLost(claim);
      return;
    }
    if (giveUp) {
      failed.increment();
      LOG.warn("通知を送れませんでした（{} 回、あきらめました）: 宛先 {}、件名 {}、理由 {} / Alert {} given up", attempts,
          entry.recipient(), entry.subject(), e.getMessage(), entry.id());
    } else {
      LOG.info("通知の送信に失敗しました（{} 回目、あとで再送します）: 宛先 {}、理由 {}", attempts, entry.recipient(),
          e.getMessage());
    }
  }
}
