package jp.smb.incident.operations;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** One line that tells the operator which address to open. */
@Component
public class StartupAnnouncement {

  private static final Logger LOG = LoggerFactory.getLogger(StartupAnnouncement.class);

  private final CamundaBpmProperties camunda;

  public StartupAnnouncement(CamundaBpmProperties camunda) {
    this.camunda = camunda;
  }

  @EventListener
  public void onReady(ApplicationReadyEvent event) {
    if (event.getApplicationContext() instanceof WebServerApplicationContext web) {
      String contextPath = event.getApplicationContext().getEnvironment().getProperty("server.servlet.context-path", "");
      LOG.info("インシデント対応の準備ができました。Tasklist を開いてください / Ready: open http://localhost:{}{}{}/app/tasklist/",
          web.getWebServer().getPort(), contextPath, camunda.getWebapp().getApplicationPath());
    }
  }
}
