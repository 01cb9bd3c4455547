package jp.smb.incident.organisation;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import jp.smb.incident.contract.ResponseRole;
import jp.smb.incident.security.MonitoringAccessFilter;
import jp.smb.incident.security.NewAccount;
import jp.smb.incident.settings.OrganisationProperties.Profile;
import jp.smb.incident.settings.OrganisationProperties;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * Puts the response roles into the engine: the six groups, what each may do, the Tasklist filters and the
 * organisation's members. Safe to run at every start: it only adds what is missing, and defaults that an
 * administrator may change in Camunda Admin (group names, permissions, filters) are written only when their
 * owner is created, so later edits stay.
 */
public class OrganisationSetup {

  /** Engine property that records that the Tasklist filters were created once. */
  static final String FILTERS_SEEDED_PROPERTY = "incident.tasklist-filters-seeded";

  /** The group whose members (a monitoring system's account) may read the metrics. */

  /** The IT vendor's administrators, who open client companies and name their members (/api/companies). */
  public static final String VENDOR_ADMIN_GROUP = "vendor-admin";

  static final String FILTER_MY_TASKS = "自分のタスク";
  static final String FILTER_GROUP_TASKS = "担当グループのタスク";
  static final String FILTER_ALL_TASKS = "すべての対応タスク（監督）";

  /** Shown with each task in Tasklist's list, so a responder sees which incident a task belongs to. */
  private static final List<Map<String, String>> LIST_VARIABLES = List.of(
      Map.of("name", "incidentNumber", "label", "インシデント番号"),
      Map.of("name", "incidentTitle", "label", "件名"),
      Map.of("name", "severityLevel", "label", "事故レベル"));

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final Supplier<String> passwordGenerator;

  public OrganisationSetup(ProcessEngine engine, Supplier<String> passwordGenerator) {
    this.identityService = engine.getIdentityService();
    this.authorizationService = engine.getAuthorizationService();
    this.filterService = engine.getFilterService();
    this.taskService = engine.getTaskService();
    this.managementService = engine.getManagementService();
    this.passwordGenerator = passwordGenerator;
  }

  /**
   * @param administratorId the Camunda administrator, who is the sole proprietor unless another owner is set
   * @return users created in this run that were given a generated password
   */
  public List<NewAccount> apply(OrganisationProperties organisation, String administratorId) {
    Map<String, List<ResponseRole>> memberships = memberships(organisation, administratorId);
    for (ResponseRole role : ResponseRole.values()) {
      ensureGroup(role);
    }
    ensureSystemGroups();
    seedTasklistFiltersOnce();

    List<NewAccount> created = new ArrayList<>();
    memberships.forEach((userId, roles) -> {
      ensureUser(userId, organisation.initialPassword()).ifPresent(created::add);
      roles.forEach(role -> ensureMembership(userId, role));
    });
    return created;
  }

  private Map<String, List<ResponseRole>> memberships(OrganisationProperties organisation, String administratorId) {
    Map<String, List<ResponseRole>> memberships = new LinkedHashMap<>();
    if (organisation.profile() == Profile.SOLE_PROPRIETOR) {
      String owner = isBlank(organisation.owner()) ? administratorId : organisation.owner();
      memberships.put(owner, List.of(ResponseRole.values()));
      return memberships;
    }
    organisation.members().forEach((groupId, userIds) -> {
      ResponseRole role = ResponseRole.ofGroupId(groupId).orElseThrow(() -> new IllegalArgumentException(
          "incident.organisation.members: unknown role group '" + groupId + "'; use one of "
              + ResponseRole.groupIds()));
      userIds.forEach(userId -> memberships.computeIfAbsent(userId, id -> new ArrayList<>()).add(role));
    });
    return memberships;
  }

  private void ensureGroup(ResponseRole role) {
    ensureGroup(role.groupId(), role.japaneseName(), role);
  }

  private void ensureGroup(String groupId, String name, ResponseRole role) {
    if (identityService.createGroupQuery().groupId(groupId).count() > 0) {
      return;
    }
    Group group = identityService.newGroup(groupId);
    group.setName(name);
    group.setType(ResponseRole.GROUP_TYPE);
    identityService.saveGroup(group);
    grantRoleDefaults(groupId, role);
    for (String filterName : filtersVisibleTo(role)) {
      filterService.createFilterQuery().filterName(filterName).list()
          .forEach(filter -> grant(groupId, Resources.FILTER, filter.getId(), Permissions.READ));
    }
  }

  /**
   * A client company's own role groups ({@link ResponseRole#inCompany}), with what each role may do: a member's
   * role holds in that company only, and a task of the company is offered to these groups.
   */
  public void ensureCompanyRoles(String companyId, String companyName) {
    for (ResponseRole role : ResponseRole.values()) {
      ensureGroup(role.inCompany(companyId), companyName + ": " + role.japaneseName(), role);
    }
  }

  /**
   * Groups outside the response roles: a monitoring system's account may read /actuator/prometheus and nothing of
   * the engine; the vendor's administrators manage companies through the API.
   */
  private void ensureSystemGroups() {
    Map<String, String> groups = Map.of(MonitoringAccessFilter.GROUP, "監視（メトリクスの取得）",
        VENDOR_ADMIN_GROUP, "ベンダー管理者（会社とメンバーの管理）");
    groups.forEach((id, name) -> {
      if (identityService.createGroupQuery().groupId(id).count() == 0) {
        Group group = identityService.newGroup(id);
        group.setName(name);
        group.setType("SYSTEM");
        identityService.saveGroup(group);
        if (VENDOR_ADMIN_GROUP.equals(id)) {
          grantVendorAdministration();
        }
      }
    });
  }

  /** Companies are tenants: creating them and their members; role memberships of the response roles only. */
  private void grantVendorAdministration() {
    grant(VENDOR_ADMIN_GROUP, Resources.TENANT, ANY, Permissions.ALL);
    grant(VENDOR_ADMIN_GROUP, Resources.TENANT_MEMBERSHIP, ANY, Permissions.ALL);
    grant(VENDOR_ADMIN_GROUP, Resources.USER, ANY, Permissions.READ);
    grant(VENDOR_ADMIN_GROUP, Resources.GROUP, ANY, Permissions.READ);
    for (ResponseRole role : ResponseRole.values()) {
      grant(VENDOR_ADMIN_GROUP, Resources.GROUP_MEMBERSHIP, role.groupId(), Permissions.ALL);
    }
  }

  /** Every role works in Tasklist and may report an incident; supervisors also follow every incident in Cockpit. */
  private void grantRoleDefaults(String group, ResponseRole role) {
    grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(group, Resources.USER, ANY, Permissions.READ);
    grant(group, Resources.GROUP, ANY, Permissions.READ);
    if (!role.supervisor()) {
      grant(group, Resources.PROCESS_DEFINITION, ANY,
          ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
      grant(group, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
      return;
    }
    grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(group, Resources.PROCESS_DEFINITION, ANY,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
        ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE, ProcessDefinitionPermissions.READ_TASK_VARIABLE,
        ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE);
    grant(group, Resources.PROCESS_INSTANCE, ANY,
        ProcessInstancePermissions.CREATE, ProcessInstancePermissions.READ);
    grant(group, Resources.TASK, ANY, TaskPermissions.READ, TaskPermissions.READ_VARIABLE);
    grant(group, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
    grant(group, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ, HistoricTaskPermissions.READ_VARIABLE);
    grant(group, Resources.DECISION_DEFINITION, ANY,
        Permissions.READ, Permissions.READ_HISTORY);
    grant(group, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    // Deleting a group leaves its grants behind; the one found is kept as it is.
    boolean exists = authorizationService.createAuthorizationQuery()
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).count() > 0;
    if (exists) {
      return;
    }
    Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizationService.saveAuthorization(authorization);
  }

  /** Tasklist shows tasks only through filters; without these a responder would see an empty page. */
  private void seedTasklistFiltersOnce() {
    if (managementService.getProperties().containsKey(FILTERS_SEEDED_PROPERTY)) {
      return;
    }
    createFilter(FILTER_GROUP_TASKS, "自分の役割（グループ）に割り当てられたタスク", -20,
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
    createFilter(FILTER_MY_TASKS, "自分が担当しているタスク", -10,
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    createFilter(FILTER_ALL_TASKS, "すべてのインシデントの未完了タスク（責任者・経営者向け）", 0,
        taskService.createTaskQuery());
    managementService.setProperty(FILTERS_SEEDED_PROPERTY, "true");
  }

  private void createFilter(String name, String description, int priority, TaskQuery query) {
    Filter filter = filterService.newTaskFilter(name);
    filter.setQuery(query);
    filter.setProperties(Map.of("description", description, "priority", priority, "refresh", true,
        "variables", LIST_VARIABLES));
    filterService.saveFilter(filter);
    for (ResponseRole role : ResponseRole.values()) {
      boolean visible = filtersVisibleTo(role).contains(name);
      if (visible && identityService.createGroupQuery().groupId(role.groupId()).count() > 0) {
        grant(role.groupId(), Resources.FILTER, filter.getId(), Permissions.READ);
      }
    }
  }

  private static Set<String> filtersVisibleTo(ResponseRole role) {
    return role.supervisor()
        ? Set.of(FILTER_MY_TASKS, FILTER_GROUP_TASKS, FILTER_ALL_TASKS)
        : Set.of(FILTER_MY_TASKS, FILTER_GROUP_TASKS);
  }

  private Optional<NewAccount> ensureUser(String userId, String initialPassword) {
    if (identityService.createUserQuery().userId(userId).count() > 0) {
      return Optional.empty();
    }
    boolean generated = isBlank(initialPassword);
    String password = generated ? passwordGenerator.get() : initialPassword;
    User user = identityService.newUser(userId);
    user.setFirstName(userId);
    user.setLastName("");
    user.setPassword(password);
    identityService.saveUser(user);
    return generated ? Optional.of(new NewAccount(userId, password, "メンバー")) : Optional.empty();
  }

  private void ensureMembership(String userId, ResponseRole role) {
    if (identityService.createUserQuery().userId(userId).memberOfGroup(role.groupId()).count() == 0) {
      identityService.createMembership(userId, role.groupId());
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
