package jp.smb.incident.reporting;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.smb.incident.reporting.ReportRound.Upgrade;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Service;

/**
 * Plays one reporting round after a decision: upgrades the voluntary reports under way that became mandatory (the
 * running {@code report-to-recipient} goes on as the mandatory report, deadline and reminders included), keeps the
 * round for the call activity that starts the new reports, and records each opened report with its deadline.
 */
@Service
public class ReportRounds {

  static final String REPORT_PROCESS = "report-to-recipient";
  static final String BECAME_MANDATORY = "ReportBecameMandatory";
  static final String NO_LONGER_REQUIRED = "ReportNoLongerRequired";
  /** When the reporting decision first ran for the incident: later rounds count new obligations from their own time. */
  static final String FIRST_DECIDED_AT = "reportingFirstDecidedAt";

  private final ReportPlanning planning;
  private final ReportPreparation preparation;
  private final ReportObligations obligations;
  private final Clock clock;

  public ReportRounds(ReportPlanning planning, ReportPreparation preparation, ReportObligations obligations,
      Clock clock) {
    this.planning = planning;
    this.preparation = preparation;
    this.obligations = obligations;
    this.clock = clock;
  }

  public void play(DelegateExecution execution, boolean statutoryOnly) {
    ReportRound round = planning.decide(execution, statutoryOnly);
    String number = execution.getProcessBusinessKey();
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    // The engine moves its own reports on, whoever's form or correction set the facts off.
    List<Upgrade> notRunning =
        Context.getCommandContext().runWithoutAuthorization(() -> moveReports(runtime, number, round));
    ReportRound kept = round.startingInstead(notRunning);
    planning.save(execution, kept, statutoryOnly);
    boolean laterRound = execution.getVariable(FIRST_DECIDED_AT) != null;
    if (!laterRound) {
      execution.getProcessInstance().setVariable(FIRST_DECIDED_AT, OffsetDateTime.now(clock).toString());
    }
    if (number != null) {
      // Only what the deadline needs: reading every variable would deserialise the JSON ones (ReportPlanning).
      record(number, kept, awarenessFacts(execution), laterRound);
    }
  }

  /**
   * Upgrades the voluntary reports under way that became mandatory and asks about those no longer required.
   *
   * @return the upgrades whose report is no longer running, to start as new reports
   */
  private static List<Upgrade> moveReports(RuntimeService runtime, String number, ReportRound round) {
    List<Upgrade> notRunning = new ArrayList<>();
    for (Upgrade upgrade : round.upgrades()) {
      List<ProcessInstance> running = runtime.createProcessInstanceQuery().processDefinitionKey(REPORT_PROCESS)
          .processInstanceBusinessKey(number).variableValueEquals("reportItem", upgrade.runningItem()).list();
      if (running.isEmpty()) {
        notRunning.add(upgrade);
      }
      for (ProcessInstance report : running) {
        runtime.setVariables(report.getId(), Map.of("reportItem", upgrade.to().id(),
            "reportItems", SpinValues.jsonValue(ReportPlanning.itemsJson(round)).create()));
        // Waiting as a voluntary report: it is drafted again and waits with the deadline. Not yet drafted: it
        // reads the new item when it is.
        runtime.createMessageCorrelation(BECAME_MANDATORY).processInstanceId(report.getId()).correlateAllWithResult();
      }
    }
    for (String item : round.toReview()) {
      // The incident lead decides whether to withdraw it; the report goes on meanwhile.
      runtime.createMessageCorrelation(NO_LONGER_REQUIRED).processInstanceBusinessKey(number)
          .processInstanceVariableEquals("reportItem", item).correlateAllWithResult();
    }
    return notRunning;
  }

  private static Map<String, Object> awarenessFacts(DelegateExecution execution) {
    Map<String, Object> facts = new HashMap<>();
    for (String name : List.of("detectedAt", ReportingFacts.AWARE_AT_VARIABLE)) {
      facts.put(name, execution.getVariable(name));
    }
    return facts;
  }

  private void record(String number, ReportRound round, Map<String, Object> facts, boolean laterRound) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    for (String id : round.toStart()) {
      ReportItem item = round.known().get(id);
      OffsetDateTime aware = awareness(facts, item, laterRound, now);
      obligations.opened(number, id, item, aware, due(number, aware, item), now);
    }
    for (Upgrade upgrade : round.upgrades()) {
      OffsetDateTime aware = awareness(facts, upgrade.to(), laterRound, now);
      obligations.opened(number, upgrade.runningItem(), upgrade.to(), aware, due(number, aware, upgrade.to()), now);
    }
  }

  private static OffsetDateTime awareness(Map<String, Object> facts, ReportItem item, boolean laterRound,
      OffsetDateTime now) {
    try {
      return ReportPreparation.obligationAwareness(facts, item.mandatory(), laterRound, now);
    } catch (IllegalArgumentException unreadable) {
      return null; // the draft step reports why; the obligation is still kept
    }
  }

  private OffsetDateTime due(String number, OffsetDateTime aware, ReportItem item) {
    return aware == null || item.deadline() == null ? null : preparation.dueDate(aware, item.deadline(), number);
  }
}
