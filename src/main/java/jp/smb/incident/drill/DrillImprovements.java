package jp.smb.incident.drill;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.smb.incident.contract.DrillVariables;
import jp.smb.incident.drillmode.Drills;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstanceQuery;
import org.springframework.stereotype.Component;

/**
 * The improvements the lead writes in a drill's last task (次の訓練と本番への改善点): kept with the drill, in its
 * scorecard, and shown in the first task of the company's next drill (ID.IM: improvement learnt from exercises).
 */
@Component
public class DrillImprovements {

  private final HistoryService history;

  public DrillImprovements(HistoryService history) {
    this.history = history;
  }

  /** What the drill's lead wrote at its end, if anything yet. */
  public Optional<String> of(String processInstanceId) {
    return history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).variableName(DrillVariables.IMPROVEMENTS.name())
        .list().stream().map(HistoricVariableInstance::getValue).filter(DrillImprovements::written)
        .map(String.class::cast).findFirst();
  }

  /** The improvements of the company's latest drill that wrote any (company null: the installation's own). */
  public Optional<String> latest(String company) {
    HistoricVariableInstanceQuery query = history.createHistoricVariableInstanceQuery().variableName(DrillVariables.IMPROVEMENTS.name());
    query = company == null ? query.withoutTenantId() : query.tenantIdIn(company);
    List<HistoricVariableInstance> written = query.list().stream().filter(variable -> written(variable.getValue()))
        .toList();
    if (written.isEmpty()) {
      return Optional.empty();
    }
    Set<String> drills = history.createHistoricProcessInstanceQuery()
        .processInstanceIds(written.stream().map(HistoricVariableInstance::getProcessInstanceId)
            .collect(Collectors.toSet()))
        .list().stream().filter(instance -> Drills.isDrillNumber(instance.getBusinessKey()))
        .map(HistoricProcessInstance::getId).collect(Collectors.toSet());
    return written.stream().filter(variable -> drills.contains(variable.getProcessInstanceId()))
        .max(Comparator.comparing(HistoricVariableInstance::getCreateTime))
        .map(variable -> (String) variable.getValue());
  }

  private static boolean written(Object value) {
    return value instanceof String text && !text.isBlank();
  }
}
