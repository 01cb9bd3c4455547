package jp.smb.incident.startup;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Objects;
import jp.smb.incident.settings.ConfigurationMistakeException;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Start-up failures a person can fix, told in a few lines, without a stack trace: a malformed ISO-8601 period in
 * {@code incident.*}, an unknown organisation profile or procedure, a data directory in use by another running
 * instance ({@link DataDirectoryCheck} finds one that cannot be written before H2 opens it), a PostgreSQL that cannot be reached or refuses the password (naming the URL, never the
 * password).
 */
public class StartupFailureAnalyzer implements FailureAnalyzer, Ordered {

  private static final String ISO_PERIOD = "ISO-8601 の期間にしてください（例: PT30M は 30 分、PT1H は 1 時間、P3D は 3 日、P5Y は 5 年）"
      + " / an ISO-8601 period such as PT30M, PT1H, P3D or P5Y";

  private final Environment environment;

  public StartupFailureAnalyzer(Environment environment) {
    this.environment = environment;
  }

  @Override
  public FailureAnalysis analyze(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      FailureAnalysis analysis = cause instanceof BindException bind ? binding(bind, failure)
          : cause instanceof SQLException sql ? database(sql, failure)
          : null;
      if (analysis != null) {
        return analysis;
      }
    }
    return null;
  }

  private FailureAnalysis binding(BindException bind, Throwable failure) {
    String name = bind.getName().toString();
    if (!name.equals("incident") && !name.startsWith("incident.")) {
      return null;
    }
    Object value = bind.getProperty() == null ? null : bind.getProperty().getValue();
    if (bind.getCause() instanceof BindValidationException invalid) {
      return validation(invalid, failure);
    }
    Class<?> type = bind.getTarget() == null ? null : bind.getTarget().getType().resolve();
    if (type == Duration.class || type == Period.class) {
      return analysis(name, String.valueOf(value), ISO_PERIOD, failure);
    }
    String rule = switch (name) {
      case "incident.organisation.profile" -> "sole-proprietor（個人事業主）または company（会社）のいずれか / one of sole-proprietor, company";
      case "incident.organisation.default-procedure" ->
          "six-step-incident-response または ipa-incident-response のいずれか / one of six-step-incident-response, ipa-incident-response";
      default -> "この設定に使える値にしてください / a value this setting accepts";
    };
    return analysis(name, String.valueOf(value), rule, failure);
  }

  /** A value that binds but breaks a rule of IncidentProperties: the first broken rule, with its setting. */
  private FailureAnalysis validation(BindValidationException invalid, Throwable failure) {
    ObjectError error = invalid.getValidationErrors().getAllErrors().get(0);
    String setting = invalid.getValidationErrors().getName().toString();
    String value = "";
    if (error instanceof FieldError field) {
      String path = field.getField().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
      if (field.getRejectedValue() instanceof Boolean && path.contains(".")) {
        // A rule over several settings of a group (IncidentProperties' @AssertTrue): the group and its values.
        String group = setting + "." + path.substring(0, path.lastIndexOf('.'));
        setting = group;
        value = invalid.getValidationErrors().getBoundProperties().stream()
            .filter(property -> property.getName().toString().startsWith(group + "."))
            .map(property -> property.getName() + "=" + property.getValue()).sorted()
            .collect(java.util.stream.Collectors.joining(", "));
      } else {
        setting = setting + "." + path;
        value = String.valueOf(field.getRejectedValue());
      }
    }
    return analysis(setting, value, error.getDefaultMessage(), failure);
  }

  private FailureAnalysis database(SQLException sql, Throwable failure) {
    String message = Objects.toString(sql.getMessage(), "");
    String url = environment.getProperty("spring.datasource.url", "");
    if (message.contains("Database may be already in use") || message.contains("90020")) {
      return analysis("incident.data-dir", environment.getProperty("incident.data-dir", "./data"),
          "このデータディレクトリは、別に起動しているアプリケーションが使用中です。そちらを止めるか、別のディレクトリを指定してください"
              + " / the data directory is in use by another running instance: stop it or choose another directory",
          failure);
    }
    String state = Objects.toString(sql.getSQLState(), "");
    if (url.startsWith("jdbc:postgresql:") && state.startsWith("08")) {
      return analysis("spring.datasource.url（INCIDENT_DB_URL）", url,
          "PostgreSQL に接続できません（ホスト名、ポート、起動しているか、ファイアウォール） / PostgreSQL cannot be reached at this URL",
          failure);
    }
    if (url.startsWith("jdbc:postgresql:") && (state.equals("28P01") || state.equals("28000"))) {
      return analysis("spring.datasource.username / password（INCIDENT_DB_USER / INCIDENT_DB_PASSWORD）",
          environment.getProperty("spring.datasource.username", "") + " @ " + url,
          "PostgreSQL がユーザー名かパスワードを受け付けません / PostgreSQL refused the user name or password", failure);
    }
    return null;
  }

  private static FailureAnalysis analysis(String setting, String value, String rule, Throwable failure) {
    return ConfigurationFailureAnalyzer.analysis(new ConfigurationMistakeException(setting, value, List.of(rule)));
  }

  @Override
  public int getOrder() {
    return HIGHEST_PRECEDENCE;
  }
}
