package jp.smb.incident.input;

import java.util.Map;
import java.util.Optional;

/**
 * What text the record keeps: no control characters (PostgreSQL refuses NUL, and an escape sequence would run
 * in the terminal of whoever reads a log or an export), and no more than its column holds.
 */
public final class RecordText {

  /** Longest text of a fact, a timeline entry or a report's content. */
  public static final int DEFAULT_LIMIT = 20_000;

  /** Variables that land in shorter columns of the record (see V2__incident_record.sql). */
  static final Map<String, Integer> LIMITS = Map.ofEntries(
      Map.entry("incidentTitle", 500),
      Map.entry("incidentType", 40),
      Map.entry("reportSource", 40),
      Map.entry("externalReporterName", 500),
      Map.entry("externalReporterContact", 500),
      Map.entry("reporterId", 500),
      Map.entry("commissioningParty", 500),
      Map.entry("responseLeader", 900),
      Map.entry("responseMembers", 900),
      Map.entry("reportItem", 60),
      Map.entry("recipient", 40),
      Map.entry("reportSentAt", 40),
      Map.entry("reportSentBy", 255),
      Map.entry("reportChannel", 40),
      Map.entry("reportReference", 500));

  private RecordText() {
  }

  /** The first control character other than tab and line breaks, if any. */
  public static Optional<Integer> controlCharacter(String value) {
    return value.codePoints()
        .filter(c -> (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r'))
        .boxed()
        .findFirst();
  }

  /** Why {@code value} of {@code field} cannot be kept, or empty if it can. */
  public static Optional<String> problem(String field, String value, int limit) {
    if (value == null) {
      return Optional.empty();
    }
    Optional<Integer> control = controlCharacter(value);
    if (control.isPresent()) {
      return Optional.of(field + " に制御文字（U+%04X）が含まれています。取り除いてから入力し直してください"
          .formatted(control.get()));
    }
    if (value.length() > limit) {
      return Optional.of(field + " は " + limit + " 文字以内にしてください（" + value.length() + " 文字あります）");
    }
    return Optional.empty();
  }

  /** The value of a process variable as the record keeps it; refuses the step if it cannot. */
  public static String checked(String variable, String value) {
    problem(variable, value, LIMITS.getOrDefault(variable, DEFAULT_LIMIT)).ifPresent(message -> {
      throw new RejectedInputException(message);
    });
    return value;
  }
}
