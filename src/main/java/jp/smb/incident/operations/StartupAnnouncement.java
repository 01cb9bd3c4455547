package jp.smb.incident.operations;

import jp.smb.incident.organisation.OrganisationProperties;
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
  private final OrganisationProperties organisation;

  public StartupAnnouncement(CamundaBpmProperties camunda, OrganisationProperties organisation) {
    this.camunda = camunda;
    this.organisation = organisation;
  }

  @EventListener
  public void onReady(ApplicationReadyEvent event) {
    if (event.getApplicationContext() instanceof WebServerApplicationContext web) {
      String contextPath = event.getApplicationContext().getEnvironment().getProperty("server.servlet.context-path", "");
      LOG.info("インシデント対応の準備ができました。Tasklist を開いてください / Ready: open http://localhost:{}{}{}/app/tasklist/",
          web.getWebServer().getPort(), contextPath, camunda.getWebapp().getApplicationPath());
      LOG.info("既定の手順 / Default procedure: {} ({})", organisation.defaultProcedure().displayName(),
          organisation.defaultProcedure().processKey());
    }
  }
}
