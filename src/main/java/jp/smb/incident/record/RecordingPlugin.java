package jp.smb.incident.record;

import jp.smb.incident.procedure.EngineListeners;
import jp.smb.incident.procedure.Procedure;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Records every incident without a listener in each diagram: every user task's completion, every decision and
 * the end of each incident procedure, whatever a later edit in Modeler adds.
 */
@Component
public class RecordingPlugin extends AbstractProcessEnginePlugin {

  private final IncidentRecorder recorder;

  public RecordingPlugin(IncidentRecorder recorder) {
    this.recorder = recorder;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // After FormCheckPlugin's check (ordered before this plugin): a refused value is never recorded.
    EngineListeners.onEveryUserTask(configuration, TaskListener.EVENTNAME_COMPLETE, recorder::taskCompleted);
    EngineListeners.addParseListener(configuration, new AbstractBpmnParseListener() {
      // On leaving a decision task, when its output mapping has set the result variables.
      @Override
      public void parseSequenceFlow(Element element, ScopeImpl scope, TransitionImpl transition) {
        if ("businessRuleTask".equals(transition.getSource().getProperty("type"))) {
          transition.addListener(ExecutionListener.EVENTNAME_TAKE, (ExecutionListener) recorder::decisionMade);
        }
      }

      @Override
      public void parseProcess(Element element, ProcessDefinitionEntity definition) {
        if (Procedure.of(definition.getKey()).isPresent()) {
          definition.addListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) recorder::incidentEnded);
        }
      }
    });
  }
}
