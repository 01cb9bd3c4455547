package jp.smb.incident.reporting;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import jp.smb.incident.procedure.IncidentType;

/**
 * The facts that decide an incident's reports, named as the {@code reporting-obligations} decision's inputs, with
 * what each may hold: the contract of {@code PATCH /api/incidents/{number}/facts} and of the legal clock.
 */
public final class ReportingFacts {

  enum Kind {
    YES_NO_UNKNOWN("yes, no, unknown のいずれか"),
    FLAG("true または false"),
    COUNT("0 以上の整数"),
    TEXT("文字列（1,000 文字まで）"),
    INCIDENT_TYPE(IncidentType.PATTERN.replace("|", ", ") + " のいずれか"),
    TIME("ISO 8601 の日時（例 2026-11-24T09:30+09:00）");

    private final String expected;

    Kind(String expected) {
      this.expected = expected;
    }
  }

  /** The variable a corrected {@code awareAt} is kept in; the deadline arithmetic reads it (報告対象事態を知った日時). */
  static final String AWARE_AT_VARIABLE = "reportableAwareAt";

  private static final Map<String, Kind> FACTS = new LinkedHashMap<>();

  static {
    FACTS.put("personalDataLeaked", Kind.YES_NO_UNKNOWN);
    FACTS.put("sensitiveData", Kind.FLAG);
    FACTS.put("financialDamageRisk", Kind.FLAG);
    FACTS.put("improperPurpose", Kind.FLAG);
    FACTS.put("affectedPersons", Kind.COUNT);
    FACTS.put("stronglyEncrypted", Kind.FLAG);
    FACTS.put("myNumberInvolved", Kind.FLAG);
    FACTS.put("myNumberSystemAffected", Kind.FLAG);
    FACTS.put("incidentType", Kind.INCIDENT_TYPE);
    FACTS.put("commissioningParty", Kind.TEXT);
    FACTS.put("crimeSuspected", Kind.FLAG);
    FACTS.put("theftSuspected", Kind.FLAG);
    FACTS.put("sectorLawApplies", Kind.FLAG);
    FACTS.put("partnersAffected", Kind.FLAG);
    FACTS.put("consumersAffected", Kind.FLAG);
    FACTS.put("wideImpact", Kind.FLAG);
    FACTS.put("cyberInsured", Kind.FLAG);
    FACTS.put("businessAffected", Kind.YES_NO_UNKNOWN);
    FACTS.put("awareAt", Kind.TIME);
  }

  /** The facts the reporting decision reads: a change in any of them makes the legal clock decide again. */
  static final List<String> DECIDING = FACTS.keySet().stream()
      .filter(name -> !name.equals("businessAffected") && !name.equals("awareAt")).toList();

  private ReportingFacts() {
  }

  public static List<String> names() {
    return List.copyOf(FACTS.keySet());
  }

  /**
   * The process variables for a correction, each value checked against its fact.
   *
   * @throws IllegalArgumentException naming the first unknown fact or wrong value, in words for the caller
   */
  public static Map<String, Object> variables(Map<String, Object> facts) {
    Map<String, Object> variables = new LinkedHashMap<>();
    facts.forEach((name, value) -> {
      Kind kind = FACTS.get(name);
      if (kind == null) {
        throw new IllegalArgumentException("事実 " + name + " はありません。使える名前: " + String.join(", ", names()));
      }
      Object converted = convert(kind, value)
          .orElseThrow(() -> new IllegalArgumentException("事実 " + name + " の値 " + value + " は使えません。"
              + kind.expected + "で指定してください"));
      variables.put(kind == Kind.TIME ? AWARE_AT_VARIABLE : name, converted);
    });
    return variables;
  }

  private static Optional<Object> convert(Kind kind, Object value) {
    return switch (kind) {
      case YES_NO_UNKNOWN -> value instanceof String s && List.of("yes", "no", "unknown").contains(s)
          ? Optional.of(s) : Optional.empty();
      case FLAG -> value instanceof Boolean b ? Optional.of(b) : Optional.empty();
      case COUNT -> (value instanceof Integer || value instanceof Long) && ((Number) value).longValue() >= 0
          ? Optional.of(((Number) value).longValue()) : Optional.empty();
      case TEXT -> value instanceof String s && s.length() <= 1000 ? Optional.of(s.strip()) : Optional.empty();
      case INCIDENT_TYPE -> value instanceof String s && IncidentType.of(s).isPresent()
          ? Optional.of(s) : Optional.empty();
      case TIME -> value instanceof String s ? time(s) : Optional.empty();
    };
  }

  private static Optional<Object> time(String text) {
    try {
      return Optional.of(OffsetDateTime.parse(text).toString());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * The answers of the Tasklist form 事実を更新する: a blank field leaves the fact as it is, a yes/no question answers
   * "true" or "false", and a number may come as a decimal.
   */
  public static Map<String, Object> formAnswers(Map<String, Object> variables) {
    Map<String, Object> answers = new LinkedHashMap<>();
    FACTS.forEach((name, kind) -> {
      Object value = variables.get(name);
      if (value == null || (value instanceof String text && text.isBlank())) {
        return;
      }
      if (kind == Kind.FLAG && value instanceof String text && List.of("true", "false").contains(text)) {
        value = Boolean.valueOf(text);
      } else if (kind == Kind.COUNT && value instanceof Double number && number == Math.rint(number)) {
        value = number.longValue();
      }
      answers.put(name, value);
    });
    return answers;
  }

  /** The deciding facts as they are now, in one string, so that the clock can tell whether any of them changed. */
  static String fingerprint(Map<String, Object> variables) {
    return DECIDING.stream().map(name -> name + "=" + normalised(variables.get(name)))
        .collect(Collectors.joining(";"));
  }

  /** A count is a Long from one form and an Integer from another; the decision reads both alike. */
  private static String normalised(Object value) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      return "";
    }
    return value instanceof Number n ? Long.toString(n.longValue()) : value.toString();
  }
}
