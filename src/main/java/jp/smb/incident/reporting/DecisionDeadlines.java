package jp.smb.incident.reporting;

import java.io.InputStream;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * The report deadlines a decision table gives, read the way {@link ReportingRules} will read them when an incident
 * is decided: a deadline it could not count (a month, a year, a typo) is found when the table is deployed, not on
 * the worst day.
 */
public final class DecisionDeadlines {

  /** The outputs of the reporting decision that hold deadlines. */
  static final Set<String> OUTPUTS = Set.of("firstDeadline", "finalDeadline");

  private DecisionDeadlines() {
  }

  /** One line per deadline that cannot be counted, naming its rule; empty if every deadline can. */
  public static List<String> problems(InputStream dmn) {
    DmnModelInstance model = Dmn.readModelFromStream(dmn);
    List<String> problems = new ArrayList<>();
    for (DecisionTable table : model.getModelElementsByType(DecisionTable.class)) {
      List<Output> outputs = List.copyOf(table.getOutputs());
      for (Rule rule : table.getRules()) {
        List<OutputEntry> entries = List.copyOf(rule.getOutputEntries());
        for (int i = 0; i < Math.min(outputs.size(), entries.size()); i++) {
          if (OUTPUTS.contains(outputs.get(i).getName())) {
            check(rule.getId(), outputs.get(i).getName(), entries.get(i).getTextContent(), problems);
          }
        }
      }
    }
    return problems;
  }

  private static void check(String rule, String output, String expression, List<String> problems) {
    String text = expression == null ? "" : expression.strip();
    if (text.isEmpty() || text.equals("null")) {
      return;
    }
    if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
      text = text.substring(1, text.length() - 1);
    }
    try {
      ReportingRules.duration(text);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      problems.add("規則 " + rule + " の " + output + "「" + text + "」: " + e.getMessage());
    }
  }
}
