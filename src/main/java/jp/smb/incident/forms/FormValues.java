package jp.smb.incident.forms;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.smb.incident.input.RejectedInputException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The types our forms give their fields, enforced on every step however it is completed. Tasklist sends a
 * checkbox as a boolean; a script calling the REST API may send {@code "true"} or {@code "たくさん"}, which a
 * gateway or decision would silently read as false, or fail on after the person has moved on.
 */
@Component
public class FormValues {

  private enum Kind { BOOLEAN, NUMBER, CHOICE, DATE_TIME }

  private record Field(Kind kind, Set<String> choices) {
  }

  /** Counts of people or levels: whole numbers, never negative. */
  private static final Set<String> COUNTS = Set.of("affectedPersons", "severityLevel");

  private final Map<String, Field> fields;

  public FormValues(DeployedForms forms) {
    Map<String, Field> fields = new HashMap<>();
    forms.all().forEach(form -> collect(form.path("components"), fields));
    this.fields = Map.copyOf(fields);
  }

  /** Refuses the step, and so rolls it back whole, if a value has the wrong type for its form field. */
  public void check(VariableScope scope) {
    fields.forEach((name, field) -> {
      Object value = scope.getVariable(name);
      if (value != null) {
        problem(name, field, value).ifPresent(message -> {
          throw new RejectedInputException(message);
        });
      }
    });
  }

  private static Optional<String> problem(String name, Field field, Object value) {
    return switch (field.kind()) {
      case BOOLEAN -> value instanceof Boolean ? Optional.empty()
          : Optional.of(name + " は true か false にしてください（" + describe(value) + " が送られました）");
      case NUMBER -> number(name, value);
      case CHOICE -> field.choices().contains(String.valueOf(value)) ? Optional.empty()
          : Optional.of(name + " は " + String.join(", ", field.choices()) + " のいずれかにしてください（"
              + describe(value) + " が送られました）");
      case DATE_TIME -> dateTime(name, value);
    };
  }

  /** Deadlines are counted from these times: one that cannot be read must be refused at the step, not later. */
  private static Optional<String> dateTime(String name, Object value) {
    if (value instanceof java.util.Date || value.toString().isBlank()) {
      return Optional.empty();
    }
    try {
      OffsetDateTime.parse(value.toString());
      return Optional.empty();
    } catch (DateTimeParseException e) {
      return Optional.of(name + " は 2026-11-24T09:30+09:00 のような日時（時差つき）にしてください（" + describe(value)
          + " が送られました）");
    }
  }

  private static Optional<String> number(String name, Object value) {
    if (!(value instanceof Number number) || Double.isNaN(number.doubleValue())
        || Double.isInfinite(number.doubleValue())) {
      return Optional.of(name + " は数値にしてください（" + describe(value) + " が送られました）");
    }
    if (COUNTS.contains(name) && (number.doubleValue() < 0 || number.doubleValue() != Math.rint(number.doubleValue())
        || number.doubleValue() > Integer.MAX_VALUE)) {
      return Optional.of(name + " は 0 以上の整数にしてください（" + value + " が送られました）");
    }
    return Optional.empty();
  }

  private static String describe(Object value) {
    String text = String.valueOf(value);
    return "「" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "」";
  }

  private static void collect(JsonNode components, Map<String, Field> fields) {
    for (JsonNode component : components) {
      String key = component.path("key").asText(null);
      Field field = switch (component.path("type").asText()) {
        case "checkbox" -> new Field(Kind.BOOLEAN, Set.of());
        case "number" -> new Field(Kind.NUMBER, Set.of());
        case "datetime" -> "datetime".equals(component.path("subtype").asText()) ? new Field(Kind.DATE_TIME, Set.of()) : null;
        case "select", "radio" -> component.has("values") ? new Field(Kind.CHOICE, choices(component)) : null;
        default -> null;
      };
      if (key != null && field != null) {
        fields.merge(key, field, FormValues::union);
      }
      collect(component.path("components"), fields);
    }
  }

  private static Set<String> choices(JsonNode component) {
    Set<String> choices = new LinkedHashSet<>();
    component.path("values").forEach(option -> choices.add(option.path("value").asText()));
    return choices;
  }

  /** A key used by several forms accepts what any of them offers. */
  private static Field union(Field a, Field b) {
    if (a.kind() != Kind.CHOICE || b.kind() != Kind.CHOICE) {
      return a;
    }
    Set<String> choices = new LinkedHashSet<>(a.choices());
    choices.addAll(b.choices());
    return new Field(Kind.CHOICE, choices);
  }
}
