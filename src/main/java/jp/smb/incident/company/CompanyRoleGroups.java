package jp.smb.incident.company;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import jp.smb.incident.contract.ResponseRole;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A user task's candidate groups as the diagram says ({@code incident-lead}, or {@code ${responsibleGroup}}),
 * resolved in the incident's company: {@code acme--incident-lead} for a task of company acme, so that a role
 * someone holds in one company gives nothing in another. A task of no company keeps the installation's groups.
 */
final class CompanyRoleGroups implements Expression {

  private final Expression diagram;

  CompanyRoleGroups(Expression diagram) {
    this.diagram = diagram;
  }

  @Override
  public Object getValue(VariableScope scope) {
    Object value = diagram.getValue(scope);
    String company = scope instanceof DelegateExecution execution ? execution.getTenantId()
        : scope instanceof DelegateTask task ? task.getTenantId() : null;
    if (company == null || value == null) {
      return value;
    }
    List<String> groups = new ArrayList<>();
    Collection<?> named = value instanceof Collection<?> collection ? collection : List.of(value.toString().split(","));
    for (Object group : named) {
      String id = group.toString().trim();
      groups.add(ResponseRole.ofGroupId(id).map(role -> role.inCompany(company)).orElse(id));
    }
    return groups;
  }

  @Override
  public void setValue(Object value, VariableScope scope) {
    diagram.setValue(value, scope);
  }

  @Override
  public String getExpressionText() {
    return diagram.getExpressionText();
  }

  @Override
  public boolean isLiteralText() {
    // Never constant: the same diagram text gives each company its own groups.
    return false;
  }
}
