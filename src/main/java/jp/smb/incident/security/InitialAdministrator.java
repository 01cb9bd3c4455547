package jp.smb.incident.security;

import java.util.Optional;
import jp.smb.incident.security.NewAccount;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Notes whether the administrator existed before the starter's admin-user plugin (order 0) ran, so that a
 * generated password is shown only on the start that created the account.
 */
@Component
@Order(-10)
public class InitialAdministrator extends AbstractProcessEnginePlugin {

  private final String administratorId;
  private final String generatedPassword;
  private boolean existedBefore = true;

  public InitialAdministrator(Environment environment) {
    this.administratorId = environment.getRequiredProperty(GeneratedAdminPassword.ADMIN_ID);
    this.generatedPassword = GeneratedAdminPassword.generatedPassword(environment);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    existedBefore = exists(processEngine);
  }

  public String id() {
    return administratorId;
  }

  /** The administrator, if this start created it with a generated password. */
  public Optional<NewAccount> createdWithGeneratedPassword(ProcessEngine processEngine) {
    if (existedBefore || generatedPassword == null || !exists(processEngine)) {
      return Optional.empty();
    }
    return Optional.of(new NewAccount(administratorId, generatedPassword, "管理者"));
  }

  private boolean exists(ProcessEngine processEngine) {
    return processEngine.getIdentityService().createUserQuery().userId(administratorId).count() > 0;
  }
}
