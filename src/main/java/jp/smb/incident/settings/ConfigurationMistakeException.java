package jp.smb.incident.settings;

import java.util.List;

/**
 * A setting a person got wrong, found at start-up: which setting, what it was set to (never a password), and each
 * rule it breaks, in Japanese and English. The start-up failure analyser turns it into a short message.
 */
public class ConfigurationMistakeException extends RuntimeException {

  private final String setting;
  private final String shownValue;
  private final List<String> rules;

  public ConfigurationMistakeException(String setting, String shownValue, List<String> rules) {
    super(setting + " = " + shownValue + ": " + String.join("; ", rules));
    this.setting = setting;
    this.shownValue = shownValue;
    this.rules = List.copyOf(rules);
  }

  public String setting() {
    return setting;
  }

  public String shownValue() {
    return shownValue;
  }

  public List<String> rules() {
    return rules;
  }
}
