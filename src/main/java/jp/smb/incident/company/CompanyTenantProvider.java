package jp.smb.incident.company;

import java.util.List;
import java.util.Set;
import jp.smb.incident.contract.IntakeVariables;
import jp.smb.incident.input.RejectedInputException;
import jp.smb.incident.procedure.EngineListeners;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Puts each new incident into its company: the procedures are deployed once for all companies, and an instance
 * takes the tenant of the company it was reported in ({@code companyId}, set by the intake API), else of
 * the reporter's only company. Reports, playbooks and decisions follow the incident's tenant, and its tasks are
 * offered to the company's own role groups ({@link CompanyRoleGroups}).
 */
@Component
public class CompanyTenantProvider extends AbstractProcessEnginePlugin implements TenantIdProvider {

  /** Set by the intake API, or entered in the report form's 会社 ID field by a member of several companies. */

  /**
   * The company id that says "none: the installation itself" (the vendor's own incident), for someone in several
   * companies who must otherwise name one. Reserved: no company can take it.
   */
  public static final String INSTALLATION = "installation";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTenantIdProvider(this);
    // Every user task, whatever Modeler adds: its candidate groups are resolved in the incident's company.
    EngineListeners.addParseListener(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
          Set<Expression> groups = userTask.getTaskDefinition().getCandidateGroupIdExpressions();
          List<Expression> original = List.copyOf(groups);
          groups.clear();
          original.forEach(expression -> groups.add(new CompanyRoleGroups(expression)));
        }
      }
    });
  }

  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
    if (context.getSuperExecution() != null) {
      return context.getSuperExecution().getTenantId();
    }
    Authentication login = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthentication();
    List<String> memberOf = login == null || login.getTenantIds() == null ? List.of() : login.getTenantIds();
    Object chosen = context.getVariables() == null ? null : context.getVariables().get(IntakeVariables.COMPANY.name());
    if (INSTALLATION.equals(chosen)) {
      if (memberOf.size() == 1 && !Context.getCommandContext().getAuthorizationManager().isCamundaAdmin(login)) {
        throw new RejectedInputException("あなたの会社は " + memberOf.get(0) + " です。この会社のインシデントとして報告してください"
            + "（会社 ID は空欄で構いません） / a member of one company reports in that company");
      }
      return null;
    }
    if (chosen instanceof String company && !company.isBlank()) {
      // A mistyped id would open a company nobody is in: its tasks offered to no one, its alerts sent to no one.
      if (!companyExists(company)) {
        throw new RejectedInputException("会社 " + company + " はありません。会社 ID を確かめてください"
            + (memberOf.isEmpty() ? "" : "（あなたの会社: " + String.join(", ", memberOf) + "）")
            + " / no company " + company);
      }
      // Chosen by the intake API, which checked it; from anywhere else only a company the reporter belongs to.
      if (login != null && !memberOf.contains(company) && !Context.getCommandContext().getAuthorizationManager().isCamundaAdmin(login)) {
        throw new RejectedInputException("会社 " + company + " のメンバーではありません。担当している会社の ID を指定してください（"
            + String.join(", ", memberOf) + "） / not a member of company " + company);
      }
      return company;
    }
    if (memberOf.size() > 1) {
      throw new RejectedInputException("複数の会社に所属しているため、どの会社のインシデントか決められません。"
          + "報告フォームの「会社 ID」欄（API では company）で会社を指定してください（" + String.join(", ", memberOf) + "。"
          + "この環境そのもののインシデントなら " + INSTALLATION + "）"
          + " / member of several companies: choose one with the form's companyId field or the API's company field");
    }
    return memberOf.isEmpty() ? null : memberOf.get(0);
  }

  /** Whether a company of this id was opened (its tenant exists), whoever asks: the check is not theirs to pass. */
  private static boolean companyExists(String company) {
    CommandContext command = Context.getCommandContext();
    if (command == null) {
      return true;
    }
    return command.runWithoutAuthorization(
        () -> command.getReadOnlyIdentityProvider().findTenantById(company) != null);
  }

  @Override
  public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
    return null;
  }

  @Override
  public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext context) {
    return context.getExecution() != null ? context.getExecution().getTenantId() : null;
  }
}
