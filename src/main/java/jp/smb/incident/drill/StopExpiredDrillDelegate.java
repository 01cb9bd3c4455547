package jp.smb.incident.drill;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** 終わらない訓練を止める (drill-injects): a drill left running past incident.drill.max-age stops its alerts. */
@Component
public class StopExpiredDrillDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(StopExpiredDrillDelegate.class);

  private final DrillCleanup cleanup;

  public StopExpiredDrillDelegate(DrillCleanup cleanup) {
    this.cleanup = cleanup;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = execution.getProcessBusinessKey();
    if (cleanup.stop(number, "訓練の期限（incident.drill.max-age）", execution.getProcessInstanceId())) {
      LOG.info("訓練 {} は期限までに終わらなかったため止めました / drill {} stopped at its max age", number, number);
    }
  }
}
