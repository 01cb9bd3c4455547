package jp.smb.incident.security;

import static jp.smb.incident.HttpTestClient.temporaryDirectory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import jp.smb.incident.company.Company;
import jp.smb.incident.company.CompanyService;
import jp.smb.incident.taskquery.TaskQueryPlugin;
import jp.smb.incident.taskquery.TaskQueryShape;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheckBuilder;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The security matrix: every user task of every deployed procedure, started on its own, checked for each role of
 * the demo organisation with the engine's authorization checks on. Only the offered groups claim and complete
 * it, and only they and the supervisors see it; everyone else is refused. Across two client companies, no role of
 * one company sees, claims or completes a task of the other.
 */
@SpringBootTest
@ActiveProfiles("demo")
class TaskSecurityMatrixTest {

  /** One demo user per role group. */
  private static final Map<String, String> MEMBER_OF = Map.of("staff", "demo-staff", "sysadmin", "demo-sysadmin",
      "incident-lead", "demo-lead", "tech", "demo-tech", "comms", "demo-comms", "executive", "demo-executive");
  private static final List<String> SUPERVISORS = List.of("incident-lead", "executive");
  private static final Path DATA_DIR = temporaryDirectory("incident-matrix");

  @DynamicPropertySource
  static void dataDirectory(DynamicPropertyRegistry registry) {
    registry.add("incident.data-dir", DATA_DIR::toString);
    registry.add("camunda.bpm.job-execution.enabled", () -> "false");
  }

  @Autowired
  ProcessEngine engine;

  @AfterEach
  void logOut() {
    engine.getIdentityService().clearAuthentication();
  }

  private record UserTaskOf(ProcessDefinition process, UserTask task) {
  }

  private Stream<UserTaskOf> everyUserTask() {
    return engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list().stream()
        .filter(definition -> !definition.getKey().equals("access-check"))
        .flatMap(definition -> {
          BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(definition.getId());
          return model.getModelElementsByType(UserTask.class).stream().map(task -> new UserTaskOf(definition, task));
        });
  }

  /** Starts the procedure right at the task, with what its expressions need: the task as the process has it. */
  private Task startAt(UserTaskOf userTask) {
    return startAt(userTask, null);
  }

  /** As {@link #startAt(UserTaskOf)}, for a client company when given: the incident opens in its tenant. */
  private Task startAt(UserTaskOf userTask, String company) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("responsibleGroup", "incident-lead");
    variables.put("incidentType", "other");
    variables.put("incidentTitle", "権限の確認");
    variables.put("detectedAt", java.time.OffsetDateTime.now().toString());
    variables.put("reportDueDate", new Date(System.currentTimeMillis() + 86_400_000L * 3));
    variables.put("reportReminderDate", new Date(System.currentTimeMillis() + 86_400_000L * 2));
    if (company != null) {
      variables.put("companyId", company);
    }
    String instanceId = engine.getRuntimeService().createProcessInstanceById(userTask.process().getId())
        .setVariables(variables).startBeforeActivity(userTask.task().getId()).execute().getId();
    List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceId(instanceId)
        .taskDefinitionKey(userTask.task().getId()).list();
    assertThat(tasks).as("task %s of %s", userTask.task().getId(), userTask.process().getKey()).hasSize(1);
    return tasks.get(0);
  }

  /** A member of the company in this role: its own role group and its tenant. */
  private void actAs(String group, String company) {
    engine.getIdentityService().setAuthentication(MEMBER_OF.get(group), List.of(company + "--" + group),
        List.of(company));
  }

  @Autowired
  CompanyService companies;

  /** Two client companies with their role groups and what each role may do, as the API opens them. */
  private void openTwoCompanies() {
    for (String company : List.of("acme", "beta")) {
      if (engine.getIdentityService().createTenantQuery().tenantId(company).count() == 0) {
        companies.create(new Company(company, company + " 株式会社", "company", null, Map.of()), null);
      }
    }
  }

  /**
   * 事実を更新する (as PATCH /api/incidents/{number}/facts): only the incident lead of the incident's own company
   * corrects its facts; every other role of that company and every role of another company is refused.
   */
  @Test
  void shouldLetOnlyTheCompanysOwnLeadCorrectTheFactsOfItsIncident() {
    openTwoCompanies();
    String instanceId = engine.getRuntimeService().startProcessInstanceByKey("ipa-incident-response", Map.of(
        "incidentTitle", "権限の確認", "incidentType", "other", "eventDescription", "事実の訂正", "companyId", "acme"))
        .getId();
    String number = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId)
        .singleResult().getBusinessKey();

    for (String company : List.of("acme", "beta")) {
      for (String group : MEMBER_OF.keySet()) {
        actAs(group, company);
        Map<String, Object> correction = Map.of("incidentNumber", number, "commissioningParty", company + "/" + group);
        if (company.equals("acme") && group.equals("incident-lead")) {
          engine.getRuntimeService().startProcessInstanceByKey("correct-incident-facts", correction);
        } else {
          assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("correct-incident-facts",
              correction)).as("%s of %s corrects acme's incident", group, company).isInstanceOf(RuntimeException.class);
        }
        engine.getIdentityService().clearAuthentication();
      }
    }

    assertThat(engine.getRuntimeService().getVariable(instanceId, "commissioningParty")).isEqualTo("acme/incident-lead");
  }

  @Test
  void shouldKeepEveryTaskOfOneCompanyFromEveryRoleOfAnotherCompany() {
    openTwoCompanies();
    List<String> checked = new ArrayList<>();
    everyUserTask().forEach(userTask -> {
      Task task = startAt(userTask, "acme");
      assertThat(task.getTenantId()).isEqualTo("acme");
      List<String> offered = offeredGroups(userTask);
      // Offered to acme's own role groups, not to the role in every company.
      assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()))
          .filteredOn(link -> link.getGroupId() != null).isNotEmpty()
          .allSatisfy(link -> assertThat(link.getGroupId()).startsWith("acme--"));
      String where = userTask.process().getKey() + "/" + userTask.task().getId();

      // Every role of company beta, supervisors included: nothing to see, claim or complete.
      for (String group : MEMBER_OF.keySet()) {
        actAs(group, "beta");
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count())
            .as("%s of acme visible to %s of beta", where, group).isZero();
        assertThatThrownBy(() -> engine.getTaskService().claim(task.getId(), MEMBER_OF.get(group)))
            .as("%s of acme claimed by %s of beta", where, group).isInstanceOf(ProcessEngineException.class);
        assertThatThrownBy(() -> engine.getTaskService().complete(task.getId()))
            .as("%s of acme completed by %s of beta", where, group).isInstanceOf(ProcessEngineException.class);
      }
      // The offered role of acme works it; the same role of the installation (no company) does not.
      String ownerRole = offered.get(0);
      engine.getIdentityService().setAuthentication(MEMBER_OF.get(ownerRole), List.of(ownerRole), List.of("acme"));
      assertThatThrownBy(() -> engine.getTaskService().complete(task.getId()))
          .as("%s of acme completed by the installation's %s", where, ownerRole).isInstanceOf(ProcessEngineException.class);
      String owner = offered.get(0);
      actAs(owner, "acme");
      engine.getTaskService().claim(task.getId(), MEMBER_OF.get(owner));
      engine.getTaskService().complete(task.getId(), Map.of("reportDraft", "テスト", "reportSentAt", "2026-11-25T10:00+09:00"));
      engine.getIdentityService().clearAuthentication();
      checked.add(where);
    });

    assertThat(checked).hasSizeGreaterThanOrEqualTo(45);
  }

  private List<String> offeredGroups(UserTaskOf userTask) {
    String groups = userTask.task().getCamundaCandidateGroups();
    if (groups.equals("${escalationRole}")) {
      // An escalation's first round goes to the role the diagram names (the later rounds walk up the chain).
      return List.of(userTask.task().getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class)
          .singleResult().getCamundaProperties().stream()
          .filter(property -> property.getCamundaName().equals("incident.escalation.first-role"))
          .findFirst().orElseThrow().getCamundaValue());
    }
    return List.of((groups.startsWith("${") ? "incident-lead" : groups).split(","));
  }

  private void actAs(String group) {
    engine.getIdentityService().setAuthentication(MEMBER_OF.get(group), List.of(group));
  }

  @Test
  void shouldLetOnlyTheOfferedGroupsClaimAndCompleteEveryTask() {
    List<String> checked = new ArrayList<>();
    everyUserTask().forEach(userTask -> {
      Task task = startAt(userTask);
      List<String> offered = offeredGroups(userTask);
      String where = userTask.process().getKey() + "/" + userTask.task().getId();

      for (String group : MEMBER_OF.keySet()) {
        actAs(group);
        boolean visible = engine.getTaskService().createTaskQuery().taskId(task.getId()).count() == 1;
        // The incident lead and the executive supervise: they read every task, but work only their own.
        assertThat(visible).as("%s visible to %s", where, group)
            .isEqualTo(offered.contains(group) || SUPERVISORS.contains(group));
        if (!offered.contains(group)) {
          assertThatThrownBy(() -> engine.getTaskService().claim(task.getId(), MEMBER_OF.get(group)))
              .as("%s claimed by %s", where, group).isInstanceOf(AuthorizationException.class);
          assertThatThrownBy(() -> engine.getTaskService().complete(task.getId()))
              .as("%s completed by %s", where, group).isInstanceOf(AuthorizationException.class);
        }
      }
      String owner = offered.get(0);
      actAs(owner);
      engine.getTaskService().claim(task.getId(), MEMBER_OF.get(owner));
      engine.getTaskService().complete(task.getId(), Map.of("reportDraft", "テスト", "reportSentAt", "2026-11-25T10:00+09:00"));
      engine.getIdentityService().clearAuthentication();
      assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult()
          .getAssignee()).as("%s completed by %s", where, owner).isEqualTo(MEMBER_OF.get(owner));
      checked.add(where);
    });

    // Both procedures, the shared playbooks and the report process: every user task in the diagrams.
    assertThat(checked).hasSizeGreaterThanOrEqualTo(45)
        .contains("ipa-incident-response/Task_TriageReport", "six-step-incident-response/Task_RecordSituation",
            "report-to-recipient/Task_HandleOverdueReport", "malware-playbook/Task_StopInfectedDevices");
  }

  /**
   * Our task statement (TaskQueryPlugin) against the engine's own, on the same open tasks: every user task of every
   * procedure open in no company, in acme and in beta, some claimed. For each role of each, Tasklist's three
   * filters and the API's lookups list the same tasks in the same order and count the same.
   */
  @Test
  void shouldAnswerTasklistsQueriesAsTheEngineDoes() {
    openTwoCompanies();
    List<Task> open = everyUserTask()
        .flatMap(userTask -> Stream.of(startAt(userTask), startAt(userTask, "acme"), startAt(userTask, "beta")))
        .toList();
    for (int i = 0; i < open.size(); i += 7) {
      engine.getTaskService().setAssignee(open.get(i).getId(), "demo-lead");
    }
    Task one = open.get(open.size() / 2);
    List<Filter> filters = engine.getFilterService().createTaskFilterQuery().list();
    assertThat(filters).hasSize(3);
    int compared = 0;
    int seen = 0;
    int filtered = 0;
    for (String company : java.util.Arrays.asList(null, "acme", "beta")) {
      for (String group : MEMBER_OF.keySet()) {
        String user = MEMBER_OF.get(group);
        List<String> groups = List.of(company == null ? group : company + "--" + group);
        engine.getIdentityService().setAuthentication(user, groups, company == null ? List.of() : List.of(company));
        List<Supplier<TaskQuery>> shapes = List.of(
            () -> engine.getTaskService().createTaskQuery().taskCandidateGroupIn(groups).includeAssignedTasks(),
            () -> engine.getTaskService().createTaskQuery().taskCandidateGroupIn(groups),
            () -> engine.getTaskService().createTaskQuery().taskAssignee("demo-lead"),
            () -> engine.getTaskService().createTaskQuery(),
            () -> engine.getTaskService().createTaskQuery().taskId(one.getId()),
            () -> engine.getTaskService().createTaskQuery().processInstanceId(one.getProcessInstanceId()),
            () -> engine.getTaskService().createTaskQuery().processDefinitionKey("ipa-incident-response")
                .taskDefinitionKey("Task_TriageReport").taskUnassigned());
        for (Supplier<TaskQuery> shape : shapes) {
          String where = "%s of %s, query %d".formatted(group, company, shapes.indexOf(shape));
          List<String> ours = ids(shape.get().orderByTaskCreateTime().desc().orderByTaskId().asc().list());
          assertThat(ours).as(where).isEqualTo(asTheEngine(shape.get().orderByTaskCreateTime().desc()
              .orderByTaskId().asc()));
          assertThat(shape.get().count()).as(where).isEqualTo(ours.size());
          assertThat(ids(shape.get().orderByTaskCreateTime().desc().orderByTaskId().asc().listPage(0, 15)))
              .as(where).isEqualTo(ours.subList(0, Math.min(15, ours.size())));
          compared++;
          seen += ours.size();
        }
        // Tasklist's saved filters, as Tasklist lists them: extended by its sorting, expressions resolved.
        for (Filter filter : filters) {
          if (!engine.getAuthorizationService().isUserAuthorized(user, groups, Permissions.READ, Resources.FILTER,
              filter.getId())) {
            continue;
          }
          TaskQuery sorting = engine.getTaskService().createTaskQuery().orderByTaskCreateTime().desc().orderByTaskId().asc();
          List<String> ours = ids(engine.getFilterService().list(filter.getId(), sorting));
          String where = "%s of %s, filter %s".formatted(group, company, filter.getName());
          assertThat(ours).as(where).isEqualTo(asTheEngine(((FilterEntity) filter).extend(sorting).getQuery()));
          assertThat(engine.getFilterService().count(filter.getId())).as(where).isEqualTo(ours.size());
          filtered++;
        }
        engine.getIdentityService().clearAuthentication();
      }
    }
    // A vendor's desk in every role of both companies, among thousands of groups without grants (a directory's):
    // more groups than are used as given, so they are looked up; the answers stay the engine's.
    List<String> many = new ArrayList<>();
    for (String group : MEMBER_OF.keySet()) {
      many.add("acme--" + group);
      many.add("beta--" + group);
    }
    for (int i = 0; i < 2_100; i++) {
      many.add("directory-group-" + i);
    }
    engine.getIdentityService().setAuthentication("demo-lead", many, List.of("acme", "beta"));
    List<String> all = ids(engine.getTaskService().createTaskQuery().orderByTaskCreateTime().desc().orderByTaskId().asc()
        .list());
    // Both companies' tasks and the installation's own (no company), as the engine's tenant check has it (the
    // database may hold other tests' tasks too).
    assertThat(all).containsAll(ids(open))
        .isEqualTo(asTheEngine(engine.getTaskService().createTaskQuery().orderByTaskCreateTime().desc().orderByTaskId().asc()));
    assertThat(ids(engine.getTaskService().createTaskQuery().taskCandidateGroupIn(many).orderByTaskCreateTime().desc()
        .orderByTaskId().asc().list())).isEqualTo(asTheEngine(engine.getTaskService().createTaskQuery()
            .taskCandidateGroupIn(many).orderByTaskCreateTime().desc().orderByTaskId().asc()));
    engine.getIdentityService().clearAuthentication();

    // A desk in 100 more companies than these two (their groups and tenants bound as arrays H2 keeps, asked twice so
    // the second answer comes from the kept ones), and in beta alone among as many companies: nothing of acme.
    List<String> beta = asTheEngineAs("demo-lead", deskOf("beta"), tenantsOf("beta"));
    List<String> both = asTheEngineAs("demo-lead", deskOf("acme", "beta"), tenantsOf("acme", "beta"));
    assertThat(both).containsAll(beta).hasSizeGreaterThan(beta.size());
    Filter supervision = filters.stream().filter(filter -> filter.getName().equals("すべての対応タスク（監督）")).findFirst()
        .orElseThrow();
    for (List<String> companies : List.of(List.of("acme", "beta"), List.of("beta"), List.of("acme", "beta"))) {
      String[] names = companies.toArray(String[]::new);
      engine.getIdentityService().setAuthentication("demo-lead", deskOf(names), tenantsOf(names));
      List<String> expected = companies.size() == 2 ? both : beta;
      TaskQuery sorting = engine.getTaskService().createTaskQuery().orderByTaskCreateTime().desc().orderByTaskId().asc();
      assertThat(ids(engine.getFilterService().list(supervision.getId(), sorting))).as("desk in %s", companies)
          .isEqualTo(expected);
      assertThat(engine.getFilterService().count(supervision.getId())).isEqualTo(expected.size());
      engine.getIdentityService().clearAuthentication();
    }

    assertThat(compared).isEqualTo(3 * MEMBER_OF.size() * 7);
    // Every role its two filters, the supervisors the third as well.
    assertThat(filtered).isEqualTo(3 * (MEMBER_OF.size() * 2 + SUPERVISORS.size()));
    assertThat(seen).as("tasks listed in all").isGreaterThan(open.size());
  }

  /**
   * Our check of one permission on one resource (GrantedGroupsAuthorizationManager) against the engine's, for every
   * role of no company, acme and beta, a desk in both companies with and without thousands of other groups, and
   * a user without groups: on filters, process definitions, tasks, deployments and tenants, by id, by '*' and for an
   * unknown id. Once with the authorizations the installation has, once more with revokes and global
   * authorizations added, which the engine decides in its own order.
   */
  @Test
  void shouldDecideEachPermissionOnOneResourceAsTheEngineDoes() {
    openTwoCompanies();
    List<Task> tasks = everyUserTask().limit(3).flatMap(userTask -> Stream.of(startAt(userTask), startAt(userTask, "acme"),
        startAt(userTask, "beta"))).toList();
    List<Filter> filters = engine.getFilterService().createTaskFilterQuery().list();
    Map<Resource, List<String>> resources = new java.util.LinkedHashMap<>();
    resources.put(Resources.FILTER, Stream.concat(filters.stream().map(Filter::getId), Stream.of("*", "no-such-filter")).toList());
    resources.put(Resources.PROCESS_DEFINITION, List.of("ipa-incident-response", "six-step-incident-response", "*", "none"));
    resources.put(Resources.TASK, Stream.concat(tasks.stream().map(Task::getId), Stream.of("*")).toList());
    resources.put(Resources.DEPLOYMENT, List.of("*", "some-deployment"));
    resources.put(Resources.TENANT, List.of("acme", "beta", "*"));
    Map<Resource, List<Permission>> permissions = Map.of(
        Resources.FILTER, List.of(Permissions.READ, Permissions.UPDATE, Permissions.DELETE),
        Resources.PROCESS_DEFINITION, List.of(ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_TASK,
            ProcessDefinitionPermissions.UPDATE_TASK, ProcessDefinitionPermissions.CREATE_INSTANCE),
        Resources.TASK, List.of(TaskPermissions.READ, TaskPermissions.UPDATE, TaskPermissions.TASK_WORK),
        Resources.DEPLOYMENT, List.of(Permissions.READ, Permissions.DELETE),
        Resources.TENANT, List.of(Permissions.READ, Permissions.UPDATE));
    Map<String, List<String>> callers = new java.util.LinkedHashMap<>();
    for (String company : java.util.Arrays.asList(null, "acme", "beta")) {
      for (String group : MEMBER_OF.keySet()) {
        callers.put(MEMBER_OF.get(group) + " of " + company, List.of(company == null ? group : company + "--" + group));
      }
    }
    List<String> desk = new ArrayList<>();
    MEMBER_OF.keySet().forEach(group -> desk.addAll(List.of("acme--" + group, "beta--" + group)));
    callers.put("demo-lead as the desk", desk);
    List<String> many = new ArrayList<>(desk);
    for (int i = 0; i < 2_100; i++) {
      many.add("directory-group-" + i);
    }
    callers.put("demo-lead among many groups", many);
    callers.put("demo-staff without groups", List.of());

    Map<String, Boolean> before = decideAsBoth(callers, resources, permissions);
    assertThat(before.values()).contains(true, false);

    AuthorizationService authorizations = engine.getAuthorizationService();
    List<Authorization> added = new ArrayList<>();
    try {
      added.add(authorization(Authorization.AUTH_TYPE_REVOKE, "demo-lead", null, Resources.FILTER, filters.get(0).getId(),
          Permissions.READ));
      added.add(authorization(Authorization.AUTH_TYPE_REVOKE, null, "acme--comms", Resources.PROCESS_DEFINITION, "*",
          ProcessDefinitionPermissions.READ_TASK));
      added.add(authorization(Authorization.AUTH_TYPE_REVOKE, null, "beta--tech", Resources.TASK, tasks.get(2).getId(),
          TaskPermissions.UPDATE));
      added.add(authorization(Authorization.AUTH_TYPE_GLOBAL, "*", null, Resources.DEPLOYMENT, "*", Permissions.READ));
      added.add(authorization(Authorization.AUTH_TYPE_GLOBAL, "*", null, Resources.FILTER, filters.get(1).getId(),
          Permissions.READ));
      Map<String, Boolean> after = decideAsBoth(callers, resources, permissions);
      assertThat(after).as("the revokes and global authorizations changed some answers").isNotEqualTo(before);
    } finally {
      added.forEach(authorization -> authorizations.deleteAuthorization(authorization.getId()));
    }
  }

  private Authorization authorization(int type, String user, String group, Resource resource, String resourceId,
      Permission permission) {
    Authorization authorization = engine.getAuthorizationService().createNewAuthorization(type);
    authorization.setUserId(user);
    authorization.setGroupId(group);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    if (type == Authorization.AUTH_TYPE_REVOKE) {
      authorization.removePermission(permission);
    } else {
      authorization.addPermission(permission);
    }
    return engine.getAuthorizationService().saveAuthorization(authorization);
  }

  /** Every caller, resource and permission decided by ours and by the engine's manager; asserts they agree. */
  private Map<String, Boolean> decideAsBoth(Map<String, List<String>> callers, Map<Resource, List<String>> resources,
      Map<Resource, List<Permission>> permissions) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    Map<String, Boolean> answers = new java.util.LinkedHashMap<>();
    callers.forEach((caller, groups) -> configuration.getCommandExecutorTxRequired().execute(context -> {
      String user = caller.substring(0, caller.indexOf(' '));
      AuthorizationManager theEngines = new AuthorizationManager();
      resources.forEach((resource, ids) -> ids.forEach(id -> permissions.get(resource).forEach(permission -> {
        String where = "%s: %s on %s %s".formatted(caller, permission.getName(), resource.resourceName(), id);
        boolean ours = context.getAuthorizationManager().isAuthorized(user, groups, permission, resource, id);
        assertThat(ours).as(where).isEqualTo(theEngines.isAuthorized(user, groups, permission, resource, id));
        CompositePermissionCheck composite = new PermissionCheckBuilder().atomicCheckForResourceId(resource, id,
            permission).build();
        assertThat(context.getAuthorizationManager().isAuthorized(user, groups, composite)).as(where).isEqualTo(ours);
        answers.put(where, ours);
      })));
      return null;
    }));
    return answers;
  }

  private static List<String> ids(List<Task> tasks) {
    return tasks.stream().map(Task::getId).toList();
  }

  private static void evaluateExpressions(TaskQueryImpl query) {
    try {
      Method evaluate = AbstractQuery.class.getDeclaredMethod("evaluateExpressions");
      evaluate.setAccessible(true);
      evaluate.invoke(query);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A vendor's desk: every role in the given companies and in others without tasks here, 102 companies in all. */
  private static List<String> deskOf(String... companies) {
    List<String> groups = new ArrayList<>();
    for (String company : tenantsOf(companies)) {
      MEMBER_OF.keySet().forEach(group -> groups.add(company + "--" + group));
    }
    return groups;
  }

  private static List<String> tenantsOf(String... companies) {
    List<String> tenants = new ArrayList<>(List.of(companies));
    for (int i = 0; tenants.size() < 102; i++) {
      tenants.add("client-%03d".formatted(i));
    }
    return tenants;
  }

  /** Every task the engine's own statement lists, newest first, for the given caller. */
  private List<String> asTheEngineAs(String user, List<String> groups, List<String> tenants) {
    engine.getIdentityService().setAuthentication(user, groups, tenants);
    try {
      return asTheEngine(engine.getTaskService().createTaskQuery().orderByTaskCreateTime().desc().orderByTaskId().asc());
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /** The engine's own statement for the query, as the caller, after checking that ours would answer it. */
  private List<String> asTheEngine(org.camunda.bpm.engine.query.Query<?, ?> query) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired().execute(context -> {
      TaskQueryImpl taskQuery = (TaskQueryImpl) query;
      if (!taskQuery.getExpressions().isEmpty()) {
        evaluateExpressions(taskQuery); // as a query does before it runs: ${currentUserGroups()} and the like
      }
      context.getAuthorizationManager().configureTaskQuery(taskQuery);
      context.getTenantManager().configureQuery(taskQuery);
      assertThat(TaskQueryShape.isPlain(taskQuery)).as("answered by our statement").isTrue();
      return ids(new TaskManager().findTasksByQueryCriteria(taskQuery));
    });
  }
}
