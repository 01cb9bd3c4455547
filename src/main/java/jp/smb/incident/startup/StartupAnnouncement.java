package jp.smb.incident.startup;

import jp.smb.incident.settings.IncidentProperties;
import jp.smb.incident.settings.OrganisationProperties;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the operator which address to open and which procedure new incidents follow. */
@Component
public class StartupAnnouncement {

  private static final Logger LOG = LoggerFactory.getLogger(StartupAnnouncement.class);

  private final CamundaBpmProperties camunda;
  private final IncidentProperties settings;

  public StartupAnnouncement(CamundaBpmProperties camunda, IncidentProperties settings) {
    this.camunda = camunda;
    this.settings = settings;
  }

  @EventListener
  public void onReady(ApplicationReadyEvent event) {
    if (event.getApplicationContext() instanceof WebServerApplicationContext web) {
      String contextPath = event.getApplicationContext().getEnvironment().getProperty("server.servlet.context-path", "");
      LOG.info("インシデント対応の準備ができました。Tasklist を開いてください / Ready: open http://localhost:{}{}{}/app/tasklist/",
          web.getWebServer().getPort(), contextPath, camunda.getWebapp().getApplicationPath());
      OrganisationProperties organisation = settings.organisation();
      LOG.info("既定の手順 / Default procedure: {} ({})", organisation.defaultProcedure().displayName(),
          organisation.defaultProcedure().processKey());
      LOG.info("設定 / Settings: incident.data-dir={}, incident.time-zone={}, incident.organisation.profile={}",
          settings.dataDir(), settings.timeZone(), organisation.profile().name().toLowerCase().replace('_', '-'));
    }
  }
}
