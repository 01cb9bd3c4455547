package jp.smb.incident.drill;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One rehearsal, as a file in {@code drills/} (or the organisation's own directory): which procedure it runs, what
 * the report says when it starts, and the facts it learns later (injects), each after a time into the incident.
 *
 * @param report the start form's values (incidentTitle, incidentType, eventDescription, …)
 */
public record DrillScenario(String id, String title, String summary, String procedure, Map<String, Object> report,
    List<Inject> injects) {

  /** A fact the drill learns {@code after} its start, with what a person would be told. */
  public record Inject(Duration after, String note, Map<String, Object> facts) {
  }

  public DrillScenario {
    report = report == null ? Map.of() : Map.copyOf(report);
    injects = injects == null ? List.of() : List.copyOf(injects);
  }
}
