package jp.smb.incident.security;

import jakarta.ws.rs.ApplicationPath;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/** Camunda's REST API with our answers to a caller's mistakes (a 4xx, not a 500). */
@Component
@ApplicationPath("/engine-rest")
public class EngineRestConfiguration extends CamundaJerseyResourceConfig {

  @Override
  protected void registerAdditionalResources() {
    register(CallerMistakeExceptionHandler.class);
    register(CallerMistakeRestExceptionHandler.class);
  }
}
