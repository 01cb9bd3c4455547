package jp.smb.incident.notification;

import jp.smb.incident.procedure.EngineListeners;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Alerts for every user task of every diagram, without a listener in each: whatever a later edit adds. */
@Component
public class NotificationPlugin extends AbstractProcessEnginePlugin {

  private final TaskAlerts alerts;

  public NotificationPlugin(@Lazy TaskAlerts alerts) {
    this.alerts = alerts;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EngineListeners.onEveryUserTask(configuration, TaskListener.EVENTNAME_CREATE, alerts::taskCreated);
  }
}
