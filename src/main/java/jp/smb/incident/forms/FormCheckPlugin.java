package jp.smb.incident.forms;

import jp.smb.incident.procedure.EngineListeners;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Checks the values of every user task's completion against its form ({@link FormValues}), whatever a later edit in
 * Modeler adds. Ordered before the other plugins' completion listeners, so that a refused value rolls the
 * completion back before anything is recorded or sent.
 */
@Component
@Order(100)
public class FormCheckPlugin extends AbstractProcessEnginePlugin {

  private final FormValues formValues;

  public FormCheckPlugin(FormValues formValues) {
    this.formValues = formValues;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EngineListeners.onEveryUserTask(configuration, TaskListener.EVENTNAME_COMPLETE, formValues::check);
  }
}
