package jp.smb.incident.settings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Every {@code incident.*} setting, bound and checked once at start-up: a wrong value stops the start with a message
 * naming the setting (StartupFailureAnalyzer), and the defaults are here, not repeated where a value is used. The
 * README's tables list them in Japanese.
 *
 * @param dataDir      where the H2 database lives (the embedded default); set in application.yaml, whose datasource
 *                     URL reads it
 * @param timeZone     incident numbers' year, deadlines' last day, times shown
 * @param organisation who holds which role, the business operator's name, the default procedure
 * @param contacts     the contact list prepared in advance
 * @param contactChain whom escalations reach besides the next role
 * @param escalation   how long a step that holds the response up may stay open
 * @param reporting    reminders and lead times of the reports the law or the decision asks for
 * @param notification alerts by mail and chat
 * @param record       how long a closed incident's record is kept
 * @param evidence     the largest evidence file accepted
 */
@ConfigurationProperties("incident")
@Validated
public record IncidentProperties(
    @NotNull String dataDir,
    @DefaultValue("Asia/Tokyo") @NotNull ZoneId timeZone,
    @DefaultValue @Valid OrganisationProperties organisation,
    @DefaultValue OrganisationContacts contacts,
    @DefaultValue ContactChain contactChain,
    @DefaultValue @Valid Escalation escalation,
    @DefaultValue @Valid Reporting reporting,
    @DefaultValue @Valid Notification notification,
    @DefaultValue @Valid Record record,
    @DefaultValue @Valid Evidence evidence,
    @DefaultValue @Valid Drill drill,
    @DefaultValue @Valid Backup backup) {

  /**
   * Each a positive ISO-8601 duration.
   *
   * @param repeat how long after an escalation the next one, one role higher, while the step stays open
   */
  public record Escalation(
      @DefaultValue("PT30M") Duration triageTimeout,
      @DefaultValue("PT1H") Duration executiveReportTimeout,
      @DefaultValue("PT2H") Duration responseTeamTimeout,
      @DefaultValue("PT1H") Duration initialResponseTimeout,
      @DefaultValue("P1D") Duration progressReportInterval,
      @DefaultValue("PT2H") Duration repeat) {

    @AssertTrue(message = "incident.escalation.* は正の期間にしてください / must be positive durations")
    public boolean isPositive() {
      return positive(triageTimeout) && positive(executiveReportTimeout) && positive(responseTeamTimeout)
          && positive(initialResponseTimeout) && positive(progressReportInterval) && positive(repeat);
    }
  }

  /**
   * @param reminderBefore      how long before a deadline the incident lead is reminded
   * @param unfixedReminder     after how long a report due "promptly" (no fixed deadline) is chased
   * @param finalReportLeadTime how long before the confirmed report's deadline its task starts anyway
   */
  public record Reporting(
      @DefaultValue("P1D") Duration reminderBefore,
      @DefaultValue("P3D") Duration unfixedReminder,
      @DefaultValue("P7D") Duration finalReportLeadTime) {

    @AssertTrue(message = "reminder-before と unfixed-reminder は正の期間、final-report-lead-time は 0 以上にしてください"
        + " / reminder-before and unfixed-reminder must be positive, final-report-lead-time not negative")
    public boolean isPositive() {
      return positive(reminderBefore) && positive(unfixedReminder) && !finalReportLeadTime.isNegative();
    }
  }

  /**
   * @param webhookUrl   a chat's incoming webhook; empty for none
   * @param from         the alerts' sender; empty means {@code spring.mail.username}
   * @param baseUrl      where the links in alerts point; empty means this host's port
   * @param retryInitial the first wait after a failed delivery, doubled after each
   * @param retryMax     the longest wait
   * @param maxAttempts  after how many failures an alert is given up (and listed)
   * @param claimTimeout how long a node holds an alert it is sending
   * @param pollInterval how often the outbox is looked at for alerts due
   */
  public record Notification(
      @Pattern(regexp = "|https?://\\S+", message = "http(s) の URL にしてください / must be an http(s) URL")
      @DefaultValue("") String webhookUrl,
      @DefaultValue("") String from,
      @DefaultValue("") String baseUrl,
      @DefaultValue("PT30S") Duration retryInitial,
      @DefaultValue("PT1H") Duration retryMax,
      @DefaultValue("10") @Min(1) int maxAttempts,
      @DefaultValue("PT1M") Duration claimTimeout,
      @DefaultValue("PT5S") Duration pollInterval) {

    @AssertTrue(message = "retry-initial と poll-interval は正の期間、retry-max は retry-initial 以上にしてください"
        + " / retry-initial and poll-interval must be positive, retry-max at least as long as retry-initial")
    public boolean isRetryOrdered() {
      return positive(retryInitial) && retryMax.compareTo(retryInitial) >= 0 && positive(pollInterval);
    }
  }

  /** @param retention how long after closing a record may not be deleted (five years: Civil Code art. 166) */
  public record Record(@DefaultValue("P5Y") Period retention) {
  }

  /** @param maxSize the largest evidence file; set in application.yaml, whose upload limits read it */
  public record Evidence(@NotNull DataSize maxSize) {
  }

  /**
   * @param scenarioDir a directory of the organisation's own drill scenarios ({@code *.json}, as in {@code drills/}),
   *                    offered beside the shipped ones; empty: the shipped ones only
   * @param timeScale   how long one day of the incident takes in a drill: its timers and deadlines run that much
   *                    faster (default ten minutes a day)
   * @param maxAge      a drill still unfinished this long after its start (real time) is stopped
   */
  public record Drill(@DefaultValue("") String scenarioDir, @DefaultValue("PT10M") Duration timeScale,
      @DefaultValue("P7D") Duration maxAge) {

    @AssertTrue(message = "incident.drill.max-age は正の期間にしてください / must be a positive duration")
    public boolean isMaxAgePositive() {
      return positive(maxAge);
    }

    @AssertTrue(message = "incident.drill.time-scale は 1 日以下の正の期間にしてください / must be positive, at most P1D")
    public boolean isTimeScaleADayOrLess() {
      return positive(timeScale) && timeScale.compareTo(Duration.ofDays(1)) <= 0;
    }
  }

  /**
   * The embedded H2 database's copies, taken while the application runs (PostgreSQL: pg_dump, see the guide).
   *
   * @param dir  where they go; empty: {@code <data-dir>/backup}. Another disk or a mounted share keeps them when the
   *             data's own disk is lost (ransomware, a broken disk)
   * @param cron when, as a Spring cron expression in {@code incident.time-zone}; {@code -} turns the schedule off
   * @param keep how many copies stay; the oldest go after each good copy
   */
  public record Backup(@DefaultValue("") String dir, @DefaultValue("0 30 2 * * *") String cron,
      @DefaultValue("7") @Min(1) int keep) {

    @AssertTrue(message = "incident.backup.cron は Spring の cron 式（例: 0 30 2 * * *、止めるときは -）にしてください"
        + " / must be a Spring cron expression, or - for none")
    public boolean isCronValid() {
      return "-".equals(cron) || CronExpression.isValidExpression(cron);
    }

    /** The directory of the copies, from the data directory when none is set. */
    public Path directory(String dataDir) {
      return dir.isBlank() ? Path.of(dataDir, "backup") : Path.of(dir);
    }
  }

  private static boolean positive(Duration duration) {
    return duration != null && !duration.isNegative() && !duration.isZero();
  }
}
