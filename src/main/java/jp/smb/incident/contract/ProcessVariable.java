package jp.smb.incident.contract;

import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A process variable the code reads or writes, by name and type: the one place its name is spelt. Each capability
 * declares the variables it owns in its own {@code *Variables} class; a test reads every diagram and fails on a
 * variable that neither a form, nor a diagram, nor one of these declarations sets.
 *
 * @param name the variable's name, as the diagrams and forms write it
 * @param type the Java type of its value (the engine's primitive types, or a JSON value's)
 */
public record ProcessVariable<T>(String name, Class<T> type) {

  public static ProcessVariable<String> text(String name) {
    return new ProcessVariable<>(name, String.class);
  }

  public static ProcessVariable<Boolean> flag(String name) {
    return new ProcessVariable<>(name, Boolean.class);
  }

  public static <T> ProcessVariable<T> of(String name, Class<T> type) {
    return new ProcessVariable<>(name, type);
  }

  /** The value in {@code scope} (or a scope above it); null when unset. */
  public T in(VariableScope scope) {
    return cast(scope.getVariable(name));
  }

  /** The value in {@code scope} itself only; null when unset there. */
  public T localIn(VariableScope scope) {
    return cast(scope.getVariableLocal(name));
  }

  /** The value among {@code variables} (a form's answers, a history query's result); null when absent. */
  public T in(Map<String, ?> variables) {
    return cast(variables.get(name));
  }

  /** True only for a flag set to true: an unset flag reads as no. */
  public boolean isTrueIn(VariableScope scope) {
    return Boolean.TRUE.equals(scope.getVariable(name));
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }

  public void setLocal(VariableScope scope, T value) {
    scope.setVariableLocal(name, value);
  }

  /** Into a map of variables, for a start or a completion. */
  public void put(Map<String, Object> variables, T value) {
    variables.put(name, value);
  }

  private T cast(Object value) {
    if (value == null || type.isInstance(value)) {
      return type.cast(value);
    }
    throw new IllegalStateException("process variable %s holds a %s, not a %s".formatted(name,
        value.getClass().getSimpleName(), type.getSimpleName()));
  }
}
