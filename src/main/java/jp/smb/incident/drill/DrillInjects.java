package jp.smb.incident.drill;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import jp.smb.incident.contract.DrillVariables;
import jp.smb.incident.drillmode.DrillTime;
import jp.smb.incident.drillmode.Drills;
import jp.smb.incident.input.RejectedInputException;
import jp.smb.incident.record.IncidentRecorder;
import jp.smb.incident.reporting.FactCorrections;
import jp.smb.incident.reporting.ReportingFacts;
import jp.smb.incident.settings.IncidentProperties;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The facts a drill learns later (its scenario's injects), each at its time in the drill's compressed time, added
 * the way a person corrects the facts (FactCorrections), so that the legal clock decides the reports again.
 */
@Component
public class DrillInjects {

  static final String AUTHOR = "訓練のシナリオ";

  private static final Logger LOG = LoggerFactory.getLogger(DrillInjects.class);

  private final DrillScenarios scenarios;
  private final DrillTime drillTime;
  private final FactCorrections corrections;
  private final IncidentRecorder recorder;
  private final Duration maxAge;

  public DrillInjects(DrillScenarios scenarios, DrillTime drillTime, FactCorrections corrections,
      IncidentRecorder recorder, IncidentProperties settings) {
    this.maxAge = settings.drill().maxAge();
    this.scenarios = scenarios;
    this.drillTime = drillTime;
    this.corrections = corrections;
    this.recorder = recorder;
  }

  /** Timer of inject {@code index}: the drill's start plus the inject's time into the incident, compressed. */
  public Date dueAt(DelegateExecution execution, Object index) {
    if (!Drills.isDrillNumber(execution.getProcessBusinessKey())) {
      // A scenario's facts go into a drill only, never into a real incident started under its number.
      throw new RejectedInputException("訓練の状況は訓練（TRN-）にだけ加えられます: " + execution.getProcessBusinessKey());
    }
    DrillScenario.Inject inject = inject(execution, index);
    OffsetDateTime start = OffsetDateTime.parse(DrillVariables.STARTED_AT.in(execution));
    return Date.from(start.plus(drillTime.span(execution.getProcessBusinessKey(), inject.after())).toInstant());
  }

  /** When a drill that has not ended is stopped: incident.drill.max-age after its start, in real time. */
  public Date expiresAt(DelegateExecution execution) {
    OffsetDateTime start = OffsetDateTime.parse(DrillVariables.STARTED_AT.in(execution));
    return Date.from(start.plus(maxAge).toInstant());
  }

  /** Adds inject {@code index} to the drill: a note of what became known, then the facts themselves. */
  public void add(DelegateExecution execution, Object index) {
    String number = execution.getProcessBusinessKey();
    DrillScenario.Inject inject = inject(execution, index);
    Map<String, Object> facts = ReportingFacts.variables(inject.facts());
    recorder.noteAdded(number, AUTHOR, Drills.MARK + "新しく分かったこと: " + inject.note());
    if (!corrections.correct(number, facts, AUTHOR)) {
      LOG.info("訓練 {} は終わっているため、状況「{}」は加えませんでした / drill ended before its inject", number, inject.note());
    }
  }

  private DrillScenario.Inject inject(DelegateExecution execution, Object index) {
    String id = (String) execution.getVariable(DrillVariables.SCENARIO.name());
    DrillScenario scenario = scenarios.find(id).orElseThrow(() -> new IllegalStateException(
        "訓練のシナリオ " + id + " がなくなっています / drill scenario " + id + " is gone"));
    return scenario.injects().get(((Number) index).intValue());
  }
}
