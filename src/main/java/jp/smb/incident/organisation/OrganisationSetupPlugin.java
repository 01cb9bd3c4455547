package jp.smb.incident.organisation;

import java.util.ArrayList;
import java.util.List;
import jp.smb.incident.security.InitialAdministrator;
import jp.smb.incident.security.NewAccount;
import jp.smb.incident.security.Passwords;
import jp.smb.incident.settings.OrganisationProperties;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Runs {@link OrganisationSetup} once the engine is built, after the starter created the administrator
 * (order 0) and before the web server takes requests.
 */
@Component
@Order(10)
public class OrganisationSetupPlugin extends AbstractProcessEnginePlugin {

  private final OrganisationProperties organisation;
  private final InitialAdministrator administrator;
  private final InitialPasswordNotice notice;

  public OrganisationSetupPlugin(OrganisationProperties organisation, InitialAdministrator administrator,
      InitialPasswordNotice notice) {
    this.organisation = organisation;
    this.administrator = administrator;
    this.notice = notice;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    List<NewAccount> accounts = new ArrayList<>();
    administrator.createdWithGeneratedPassword(processEngine).ifPresent(accounts::add);
    accounts.addAll(new OrganisationSetup(processEngine, Passwords::generate).apply(organisation, administrator.id()));
    notice.tell(accounts);
  }
}
