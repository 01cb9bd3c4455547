package jp.smb.incident.startup;

import jp.smb.incident.settings.ConfigurationMistakeException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/** The message for a setting a person got wrong: the setting, its value and the rules, without a stack trace. */
public class ConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<ConfigurationMistakeException>
    implements Ordered {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, ConfigurationMistakeException cause) {
    return analysis(cause);
  }

  /** The wording of every configuration mistake, however it was found. */
  static FailureAnalysis analysis(ConfigurationMistakeException cause) {
    StringBuilder description = new StringBuilder("設定 ").append(cause.setting()).append(" の値 ")
        .append(cause.shownValue()).append(" は使えません / Setting ").append(cause.setting())
        .append(" = ").append(cause.shownValue()).append(" is not valid:");
    cause.rules().forEach(rule -> description.append("\n  - ").append(rule));
    return new FailureAnalysis(description.toString(),
        cause.setting() + " を直してから、もう一度起動してください / Correct " + cause.setting() + " and start again.",
        cause);
  }

  @Override
  public int getOrder() {
    return HIGHEST_PRECEDENCE;
  }
}
