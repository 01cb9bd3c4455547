package jp.smb.incident.notification;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.RestClient;

/**
 * Posts an alert to a chat's incoming webhook as {@code {"text": "…"}}, the form Slack, Google Chat and
 * Microsoft Teams' incoming webhooks accept. Anything but a 2xx answer (a redirect too) is a failed attempt.
 */
@Component
class WebhookSender {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final RestClient http;

  WebhookSender(RestClient.Builder builder) {
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
        HttpClient.newBuilder().connectTimeout(TIMEOUT).build());
    requests.setReadTimeout(TIMEOUT);
    this.http = builder.clone().requestFactory(requests).build();
  }

  /** Posts the alert; a failure (no answer, a non-2xx answer) is thrown as a RestClientException. */
  void send(String url, String subject, String body) {
    http.post().uri(url).contentType(MediaType.APPLICATION_JSON).body(Map.of("text", subject + "\n" + body))
        .exchange((request, answer) -> {
          if (!answer.getStatusCode().is2xxSuccessful()) {
            String text = StreamUtils.copyToString(answer.getBody(), StandardCharsets.UTF_8);
            throw new IOException("webhook answered " + answer.getStatusCode().value() + ": "
                + text.substring(0, Math.min(200, text.length())));
          }
          return null;
        });
  }
}
