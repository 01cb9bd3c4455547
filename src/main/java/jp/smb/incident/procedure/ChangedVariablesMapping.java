package jp.smb.incident.procedure;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * The variable mapping of the call activities that share the incident's facts with a playbook or the evidence
 * steps: every variable in, and back out only those the called process set or changed. Copying every variable back
 * ({@code camunda:out variables="all"}) would also return the copies it was given, undoing what changed in the
 * incident meanwhile: a fact corrected through the API, a report the legal clock started.
 */
@Component
public class ChangedVariablesMapping implements DelegateVariableMapping {

  /** In the called process: each inherited variable's name and a hash of its value as given. */
  static final String INHERITED = "inheritedVariables";

  @Override
  public void mapInputVariables(DelegateExecution incident, VariableMap called) {
    VariableMap given = incident.getVariablesTyped(false);
    called.putAll(given);
    called.put(INHERITED, given.keySet().stream()
        .map(name -> name + "=" + stamp(given.getValueTyped(name))).collect(Collectors.joining("\n")));
  }

  @Override
  public void mapOutputVariables(DelegateExecution incident, VariableScope called) {
    Map<String, String> inherited = new HashMap<>();
    Object stamps = called.getVariableLocal(INHERITED);
    if (stamps != null) {
      for (String line : stamps.toString().split("\n")) {
        int equals = line.indexOf('=');
        if (equals > 0) {
          inherited.put(line.substring(0, equals), line.substring(equals + 1));
        }
      }
    }
    for (String name : called.getVariableNamesLocal()) {
      TypedValue value = called.getVariableLocalTyped(name, false);
      if (!name.equals(INHERITED) && !stamp(value).equals(inherited.get(name))) {
        incident.setVariable(name, value);
      }
    }
  }

  private static String stamp(TypedValue value) {
    if (value == null) {
      return "null";
    }
    Object content = value instanceof SerializableValue stored && stored.getValueSerialized() != null
        ? stored.getValueSerialized() : value.getValue();
    return Integer.toHexString((value.getType() + ":" + content).hashCode());
  }
}
