package jp.smb.incident.contract;

import static jp.smb.incident.contract.ProcessVariable.flag;
import static jp.smb.incident.contract.ProcessVariable.text;

/** Owned by drills (訓練): what marks a drill's procedure and drives its later facts. */
public final class DrillVariables {

  /** The procedure runs as a drill: compressed time, 【訓練】 marks, nothing sent as real. */
  public static final ProcessVariable<Boolean> DRILL = flag("drill");
  /** The scenario's id (drills/*.json). */
  public static final ProcessVariable<String> SCENARIO = text("drillScenario");
  /** When the drill began (ISO text): its later facts fall due from here, in compressed time. */
  public static final ProcessVariable<String> STARTED_AT = text("drillStartedAt");
  /** How many later facts (injects) the scenario adds: the multi-instance's size. */
  public static final ProcessVariable<Integer> INJECT_COUNT = ProcessVariable.of("injectCount", Integer.class);
  /** Improvements the lead writes in the drill's last task. */
  public static final ProcessVariable<String> IMPROVEMENTS = text("drillImprovements");
  /** The company's last drill's improvements, shown in the first task of the next. */
  public static final ProcessVariable<String> PREVIOUS_IMPROVEMENTS = text("previousDrillImprovements");

  private DrillVariables() {
  }
}
