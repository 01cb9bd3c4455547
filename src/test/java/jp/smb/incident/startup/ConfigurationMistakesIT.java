package jp.smb.incident.startup;

import static jp.smb.incident.HttpTestClient.temporaryDirectory;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import jp.smb.incident.ApplicationProcess.Exit;
import jp.smb.incident.ApplicationProcess;
import jp.smb.incident.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The application started as a person would, each time with one thing set wrong: it stops with a short message
 * in Japanese and English that names the setting, the value and the rule, a non-zero exit and no stack trace.
 */
class ConfigurationMistakesIT {

  private static Exit start(String name, String... arguments) {
    return ApplicationProcess.runToExit(Path.of("target", "configuration-mistakes", name + ".log"),
        Duration.ofSeconds(120), arguments);
  }

  private static void assertRefused(Exit exit, String... expected) {
    assertThat(exit.code()).as(exit.console()).isNotZero();
    assertThat(exit.console()).contains("APPLICATION FAILED TO START").contains(expected);
    assertThat(exit.console()).as("no stack trace").doesNotContainPattern("(?m)^\\s+at [a-z]");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      // A strong password that contains the user id, and one that breaks the other rules.
      "contains the id | Admin-Kanri-2026! | ユーザーIDや名前（姓・名）を含めない / must not contain the user id or name",
      "too weak        | kantan           | 10 文字以上にする / at least 10 characters"})
  void shouldNameEachRuleTheAdministratorsPasswordBreaks(String name, String password, String rule) {
    Exit exit = start("password-" + name.replace(' ', '-'),
        "--incident.data-dir=" + temporaryDirectory("incident-bad-password"),
        "--camunda.bpm.admin-user.password=" + password);

    assertRefused(exit, "camunda.bpm.admin-user.password", rule);
    if (name.startsWith("too weak")) {
      assertThat(exit.console()).contains("英大文字", "数字", "記号");
    }
    assertThat(exit.console()).as("the password itself is never shown").doesNotContain("=" + password);
  }

  @Test
  void shouldNameAMalformedPeriodAndItsSetting() {
    Exit exit = start("period", "--incident.data-dir=" + temporaryDirectory("incident-bad-period"),
        "--incident.escalation.triage-timeout=30分");

    assertRefused(exit, "incident.escalation.triage-timeout", "30分", "ISO-8601", "PT30M");
  }

  /** Values that bind but break a rule of the settings (IncidentProperties): the setting or its group, and the rule. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "max-attempts | --incident.notification.max-attempts=0 | incident.notification.max-attempts | 0",
      "negative     | --incident.escalation.triage-timeout=-PT5M | incident.escalation | incident.escalation.triage-timeout=-PT5M",
      "webhook      | --incident.notification.webhook-url=ftp://chat | incident.notification.webhook-url | http(s) の URL"})
  void shouldNameTheRuleASettingBreaks(String name, String argument, String setting, String shown) {
    Exit exit = start("rule-" + name, "--incident.data-dir=" + temporaryDirectory("incident-bad-" + name), argument);

    assertRefused(exit, "設定 " + setting + " の値", shown);
  }

  @Test
  void shouldNameAnUnknownOrganisationProfileAndTheProfilesThereAre() {
    Exit exit = start("profile", "--incident.data-dir=" + temporaryDirectory("incident-bad-profile"),
        "--incident.organisation.profile=freelancer");

    assertRefused(exit, "incident.organisation.profile", "freelancer", "sole-proprietor", "company");
  }

  @Test
  void shouldSayWhenTheDataDirectoryCannotBeWritten() throws Exception {
    Path file = Files.createTempFile("incident-not-a-directory", ".txt");

    Exit exit = start("data-dir", "--incident.data-dir=" + file);

    assertRefused(exit, "incident.data-dir", file.toString());
  }

  @Test
  void shouldSayWhenAnotherRunningInstanceHoldsTheDataDirectory() {
    Path dataDir = temporaryDirectory("incident-data-in-use");
    try (ApplicationProcess running = ApplicationProcess.start(Path.of("target", "configuration-mistakes", "running.log"),
        "--incident.data-dir=" + dataDir)) {
      Exit second = start("data-dir-in-use", "--incident.data-dir=" + dataDir);

      assertRefused(second, "incident.data-dir", dataDir.toString(), "別に起動しているアプリケーションが使用中");
      assertThat(running.http().get("/actuator/health/liveness").statusCode()).as("the first one runs on").isEqualTo(200);
    }
  }

  @Test
  void shouldNameTheUrlOfAPostgresqlThatCannotBeReached() {
    Exit exit = start("postgres", "--spring.profiles.active=postgres",
        "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/incident",
        "--spring.datasource.username=incident", "--spring.datasource.password=Himitsu-2026!");

    assertRefused(exit, "spring.datasource.url", "jdbc:postgresql://127.0.0.1:1/incident");
    assertThat(exit.console()).doesNotContain("Himitsu-2026!");
  }

  @Test
  void shouldSayWhenPostgresqlRefusesTheUserOrPassword() {
    // Without the URL's own ?user=postgres, which the driver would prefer to the configured user.
    String url = EmbeddedPostgres.freshDatabase("refused").replaceFirst("\\?.*", "");
    String user = EmbeddedPostgres.roleWithPassword("incident_guarded", "Tadashii-2026!");

    Exit exit = start("postgres-password", "--spring.profiles.active=postgres", "--spring.datasource.url=" + url,
        "--spring.datasource.username=" + user, "--spring.datasource.password=Machigai-2026!");

    assertRefused(exit, "spring.datasource.username / password", user + " @ " + url,
        "PostgreSQL がユーザー名かパスワードを受け付けません");
    assertThat(exit.console()).doesNotContain("Machigai-2026!").doesNotContain("Tadashii-2026!");
  }

  @Test
  void shouldSayWhenThePortIsInUse() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      Exit exit = start("port", "--incident.data-dir=" + temporaryDirectory("incident-port-in-use"),
          "--server.port=" + taken.getLocalPort());

      // Spring Boot's own analysis, which names the port and what to do.
      assertRefused(exit, "Port " + taken.getLocalPort() + " was already in use");
    }
  }
}
