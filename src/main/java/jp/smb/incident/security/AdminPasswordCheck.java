package jp.smb.incident.security;

import java.util.List;
import jp.smb.incident.settings.ConfigurationMistakeException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start with an administrator password the policy would refuse, before the engine tries to create the
 * account and fails deep inside with "Password does not match policy": each broken rule is named instead.
 */
@Component
public class AdminPasswordCheck extends AbstractProcessEnginePlugin {

  private final Environment environment;

  public AdminPasswordCheck(Environment environment) {
    this.environment = environment;
  }

  /** After every plugin's settings (the policy is a generic property), before the starter creates the account. */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!configuration.isEnablePasswordPolicy() || GeneratedAdminPassword.generatedPassword(environment) != null) {
      return;
    }
    List<String> broken = PasswordRules.broken(environment.getProperty(GeneratedAdminPassword.ADMIN_PASSWORD),
        environment.getProperty(GeneratedAdminPassword.ADMIN_ID, GeneratedAdminPassword.DEFAULT_ADMIN_ID),
        environment.getProperty("camunda.bpm.admin-user.first-name"),
        environment.getProperty("camunda.bpm.admin-user.last-name"));
    if (!broken.isEmpty()) {
      throw new ConfigurationMistakeException("camunda.bpm.admin-user.password（CAMUNDA_BPM_ADMINUSER_PASSWORD）",
          "（表示しません / not shown）", broken);
    }
  }
}
