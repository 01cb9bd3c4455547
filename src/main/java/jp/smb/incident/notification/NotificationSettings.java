package jp.smb.incident.notification;

import java.time.Duration;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import jp.smb.incident.settings.IncidentProperties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/** Whether alerts are on (a mail host is configured), where their links point, and how delivery is retried. */
@Component
public class NotificationSettings {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationSettings.class);

  private final String mailHost;
  private final String webhookUrl;
  private final String from;
  private final String baseUrl;
  private final Duration retryInitial;
  private final Duration retryMax;
  private final int maxAttempts;
  private final Duration claimTimeout;
  private final Environment environment;

  /** The mail server and the sender's and links' fallbacks are Spring's own settings, not {@code incident.*}. */
  public NotificationSettings(IncidentProperties settings, Environment environment) {
    IncidentProperties.Notification notification = settings.notification();
    this.mailHost = environment.getProperty("spring.mail.host", "");
    this.webhookUrl = notification.webhookUrl().isBlank() ? null : notification.webhookUrl().strip();
    this.from = !notification.from().isBlank() ? notification.from()
        : environment.getProperty("spring.mail.username", "incident-response@localhost");
    this.baseUrl = !notification.baseUrl().isBlank() ? notification.baseUrl()
        : "http://localhost:" + environment.getProperty("server.port", "8080");
    this.retryInitial = notification.retryInitial();
    this.retryMax = notification.retryMax();
    this.maxAttempts = notification.maxAttempts();
    this.claimTimeout = notification.claimTimeout();
    this.environment = environment;
  }

  /**
   * How long a node holds an alert it is sending; a node that dies meanwhile leaves it to another (or to itself
   * after a restart) once this runs out. Longer than the mail timeouts, so that a slow send is not sent twice.
   */
  public Duration claimTimeout() {
    return claimTimeout;
  }

  public boolean mailEnabled() {
    return mailHost != null && !mailHost.isBlank();
  }

  /** The chat webhook (Slack, Microsoft Teams, Google Chat incoming webhooks), or null when none is set. */
  public String webhookUrl() {
    return webhookUrl;
  }

  public String from() {
    return from;
  }

  public String baseUrl() {
    return baseUrl;
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  /** Doubling from {@code retry-initial} after each failed attempt, never longer than {@code retry-max}. */
  public Duration backoff(int failedAttempts) {
    ExponentialBackOff policy = new ExponentialBackOff(retryInitial.toMillis(), 2.0);
    policy.setMaxInterval(retryMax.toMillis());
    BackOffExecution execution = policy.start();
    long delay = retryInitial.toMillis();
    for (int i = 0; i < Math.max(1, failedAttempts); i++) {
      delay = execution.nextBackOff();
    }
    return Duration.ofMillis(delay);
  }

  /** The longest one mail may take: connecting, answering and writing, each up to its own timeout. */
  private Duration longestSend() {
    return Duration.ofMillis(Stream.of("connectiontimeout", "timeout", "writetimeout")
        .mapToLong(name -> environment.getProperty("spring.mail.properties.mail.smtp." + name, Long.class, 0L))
        .sum());
  }

  @EventListener(ApplicationReadyEvent.class)
  void announce() {
    if (mailEnabled()) {
      LOG.info("メール通知: 有効（{}、リンク {}） / Alerts by mail: on via {}", mailHost, baseUrl, mailHost);
    } else {
      LOG.info("メール通知: 無効（spring.mail.host が未設定） / Alerts by mail: off, spring.mail.host is not set");
    }
    if (mailEnabled() && claimTimeout.compareTo(longestSend()) <= 0) {
      LOG.warn("incident.notification.claim-timeout（{}）がメール送信の最長時間（{}）以下です。複数のサーバーで同じ通知を"
          + "二度送ることがあります / claim-timeout should outlast one send", claimTimeout, longestSend());
    }
    if (webhookUrl != null) {
      LOG.info("チャット通知: 有効（Webhook） / Alerts to chat: on");
    }
  }
}
