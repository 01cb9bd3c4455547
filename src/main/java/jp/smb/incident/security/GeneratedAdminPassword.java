package jp.smb.incident.security;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Makes sure the starter always creates an administrator, and never with a guessable password: the starter
 * falls back to the user id when {@code camunda.bpm.admin-user.password} is missing. A generated password is
 * added with the lowest precedence, so anything the operator configured wins.
 */
public class GeneratedAdminPassword implements EnvironmentPostProcessor {

  static final String SOURCE_NAME = "incidentGeneratedAdminPassword";
  static final String ADMIN_ID = "camunda.bpm.admin-user.id";
  static final String ADMIN_PASSWORD = "camunda.bpm.admin-user.password";
  static final String DEFAULT_ADMIN_ID = "admin";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    Map<String, Object> defaults = new HashMap<>();
    if (!environment.containsProperty(ADMIN_ID)) {
      defaults.put(ADMIN_ID, DEFAULT_ADMIN_ID);
    }
    if (!environment.containsProperty(ADMIN_PASSWORD)) {
      defaults.put(ADMIN_PASSWORD, Passwords.generate());
    }
    if (!defaults.isEmpty()) {
      environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults));
    }
  }

  /** The password generated for this start, if the operator configured none. */
  static String generatedPassword(Environment environment) {
    if (environment instanceof ConfigurableEnvironment configurable) {
      PropertySource<?> source = configurable.getPropertySources().get(SOURCE_NAME);
      if (source != null) {
        return (String) source.getProperty(ADMIN_PASSWORD);
      }
    }
    return null;
  }
}
