package jp.smb.incident.reporting;

import java.util.HashMap;
import java.util.Map;
import jp.smb.incident.contract.ReportingVariables;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The legal clock beside both procedures ({@code SubProcess_TrackStatutoryReports}): the reporting decision runs
 * again as soon as the first facts are recorded and whenever a fact that decides reporting changes, in any form or
 * through the API, whatever step the procedure is at (docs/domain.md §Reporting: the law outranks the documents'
 * order).
 */
@Component
public class LegalClock {

  /**
   * Condition of the clock's conditional start event: the first facts are recorded (the incident is confirmed) and
   * a deciding fact differs from what the last decision saw. Reads only.
   */
  public boolean factsChanged(VariableScope execution) {
    return Boolean.TRUE.equals(execution.getVariable("isIncident"))
        && !fingerprint(execution).equals(ReportingVariables.DECIDED_FACTS.in(execution));
  }

  static String fingerprint(VariableScope execution) {
    Map<String, Object> facts = new HashMap<>();
    ReportingFacts.DECIDING.forEach(name -> facts.put(name, execution.getVariable(name)));
    return ReportingFacts.fingerprint(facts);
  }
}
