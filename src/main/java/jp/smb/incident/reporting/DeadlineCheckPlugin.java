package jp.smb.incident.reporting;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import jp.smb.incident.input.RejectedInputException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.stereotype.Component;

/**
 * Refuses a deployment whose decision tables give a report deadline that cannot be counted (Modeler, engine-rest or
 * the application's own start-up): the deployment fails with a 400 naming the rule, and the tables in force stay.
 */
@Component
public class DeadlineCheckPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> deployers = configuration.getCustomPreDeployers() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPreDeployers());
    deployers.add(DeadlineCheckPlugin::check);
    configuration.setCustomPreDeployers(deployers);
  }

  private static void check(DeploymentEntity deployment) {
    if (!deployment.isNew() || deployment.getResources() == null) {
      return; // accepted when it was deployed
    }
    for (ResourceEntity resource : deployment.getResources().values()) {
      if (resource.getName().endsWith(".dmn") || resource.getName().endsWith(".dmn11.xml")) {
        List<String> problems = DecisionDeadlines.problems(new ByteArrayInputStream(resource.getBytes()));
        if (!problems.isEmpty()) {
          throw new RejectedInputException(resource.getName() + " の報告期限を数えられません。日数（例 \"P30D\"）か時間（例 "
              + "\"PT72H\"）で書いてください: " + String.join("; ", problems));
        }
      }
    }
  }
}
