package jp.smb.incident.notification;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

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

  public NotificationSettings(@Value("${spring.mail.host:}") String mailHost,
      @Value("${incident.notification.webhook-url:}") String webhookUrl,
      @Value("${incident.notification.from:${spring.mail.username:incident-response@localhost}}") String from,
      @Value("${incident.notification.base-url:http://localhost:${server.port:8080}}") String baseUrl,
      @Value("${incident.notification.retry-initial:PT30S}") Duration retryInitial,
      @Value("${incident.notification.retry-max:PT1H}") Duration retryMax,
      @Value("${incident.notification.max-attempts:10}") int maxAttempts,
      @Value("${incident.notification.claim-timeout:PT1M}") Duration claimTimeout) {
    if (retryInitial.isNegative() || retryInitial.isZero() || retryMax.compareTo(retryInitial) < 0 || maxAttempts < 1) {
      throw new IllegalArgumentException("incident.notification.retry-initial must be positive, retry-max at least as"
          + " long, and max-attempts at least 1 (were " + retryInitial + ", " + retryMax + ", " + maxAttempts + ")");
    }
    if (webhookUrl != null && !webhookUrl.isBlank() && !webhookUrl.matches("https?://\\S+")) {
      throw new IllegalArgumentException("incident.notification.webhook-url must be an http(s) URL, was " + webhookUrl);
    }
    this.mailHost = mailHost;
    this.webhookUrl = webhookUrl == null || webhookUrl.isBlank() ? null : webhookUrl.strip();
    this.from = from;
    this.baseUrl = baseUrl;
    this.retryInitial = retryInitial;
    this.retryMax = retryMax;
    this.maxAttempts = maxAttempts;
    this.claimTimeout = claimTimeout;
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
    Duration delay = retryInitial;
    for (int i = 1; i < failedAttempts && delay.compareTo(retryMax) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(retryMax) > 0 ? retryMax : delay;
  }

  @EventListener(ApplicationReadyEvent.class)
  void announce() {
    if (mailEnabled()) {
      LOG.info("メール通知: 有効（{}、リンク {}） / Alerts by mail: on via {}", mailHost, baseUrl, mailHost);
    } else {
      LOG.info("メール通知: 無効（spring.mail.host が未設定） / Alerts by mail: off, spring.mail.host is not set");
    }
    if (webhookUrl != null) {
      LOG.info("チャット通知: 有効（Webhook） / Alerts to chat: on");
    }
  }
}
