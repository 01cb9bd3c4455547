package jp.smb.incident.notification;

import static jp.smb.incident.HttpTestClient.temporaryDirectory;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import jp.smb.incident.ApplicationProcess;
import jp.smb.incident.HttpTestClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The application in its own JVM, its mail server down: an incident is taken while alerts cannot go out, the
 * application is killed, the mail server comes back, the application restarts on the same data, and the alert
 * that was pending is delivered, once.
 */
class AlertsAcrossRestartIT {

  private static final String PASSWORD = "Renshu-2026!";

  /** Chosen once: the mail server comes back on the same port. */
  private static final int SMTP_PORT = HttpTestClient.freePort();

  @RegisterExtension
  static GreenMailExtension mail = new GreenMailExtension(
      new ServerSetup(SMTP_PORT, null, ServerSetup.PROTOCOL_SMTP));

  private final Path dataDir = temporaryDirectory("incident-alert-restart");

  @Test
  void shouldDeliverAfterARestartTheAlertThatWasPendingWhileMailWasDown() throws Exception {
    mail.stop();
    String[] arguments = {"--incident.data-dir=" + dataDir, "--spring.profiles.active=demo",
        "--spring.mail.host=localhost", "--spring.mail.port=" + SMTP_PORT,
        "--incident.notification.poll-interval=PT0.5S", "--incident.notification.retry-initial=PT1S",
        "--incident.notification.retry-max=PT2S", "--incident.notification.claim-timeout=PT3S"};
    String number;
    try (ApplicationProcess first = ApplicationProcess.start(Path.of("target", "alerts", "first.log"), arguments)) {
      HttpResponse<String> profile = first.http().putJson("/engine-rest/user/demo-lead/profile", "admin", PASSWORD, """
          {"id": "demo-lead", "firstName": "対応", "lastName": "責任者", "email": "lead@example.jp"}""");
      assertThat(profile.statusCode()).as(profile.body()).isEqualTo(204);
      HttpResponse<String> created = first.http().postJson("/api/incidents", "demo-staff", PASSWORD, """
          {"title": "メールが届かない日の報告", "incidentType": "malware", "eventDescription": "警告が出た"}""");
      assertThat(created.statusCode()).as("intake with the mail server down: %s", created.body()).isEqualTo(201);
      number = new ObjectMapper().readTree(created.body()).get("incidentNumber").asText();
      first.kill();
    }
    mail.start();

    try (ApplicationProcess second = ApplicationProcess.start(Path.of("target", "alerts", "second.log"), arguments)) {
      String incident = number;
      Awaitility.await("the pending alert after the restart").atMost(Duration.ofSeconds(60))
          .until(() -> !triageMailsTo(incident, "lead@example.jp").isEmpty());
      Awaitility.await("delivered once, and no second time").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
          .until(() -> triageMailsTo(incident, "lead@example.jp").size() == 1);
    }
  }

  private static List<MimeMessage> triageMailsTo(String number, String address) {
    return Arrays.stream(mail.getReceivedMessages()).filter(message -> {
      try {
        return message.getSubject().equals("【" + number + "】インシデントに該当するか判断する")
            && message.getRecipients(Message.RecipientType.TO)[0].toString().equals(address);
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }
}
