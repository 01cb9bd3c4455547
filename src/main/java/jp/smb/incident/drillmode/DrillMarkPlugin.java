package jp.smb.incident.drillmode;

import jp.smb.incident.procedure.EngineListeners;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Puts 【訓練】 before the name of every task of a drill, its playbooks and reports included (they share its
 * number), whatever a later edit in Modeler adds. Ordered before the alerts, which name the task.
 */
@Component
@Order(50)
public class DrillMarkPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EngineListeners.onEveryUserTask(configuration, TaskListener.EVENTNAME_CREATE, DrillMarkPlugin::mark);
  }

  static void mark(DelegateTask task) {
    if (task.getExecution() != null && Drills.isDrillNumber(task.getExecution().getProcessBusinessKey())) {
      task.setName(Drills.marked(task.getName()));
    }
  }
}
