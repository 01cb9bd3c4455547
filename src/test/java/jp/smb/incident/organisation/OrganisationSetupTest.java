package jp.smb.incident.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.smb.incident.contract.ResponseRole;
import jp.smb.incident.security.NewAccount;
import jp.smb.incident.settings.OrganisationProperties;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The role set-up on a bare engine with authorization checks on, as the application runs it. */
class OrganisationSetupTest {

  private static final String ADMIN = "admin";
  private static final String PASSWORD = "Test-Pass-2026!";

  private ProcessEngine engine;
  private IdentityService identityService;

  @BeforeEach
  void startEngine() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
        .setProcessEngineName(UUID.randomUUID().toString())
        .setAuthorizationEnabled(true)
        .setJobExecutorActivate(false);
    configuration.setEnablePasswordPolicy(true);
    configuration.setGroupResourceWhitelistPattern("[a-zA-Z0-9-]+");
    configuration.setUserResourceWhitelistPattern("[a-zA-Z0-9._@-]+");
    configuration.setDefaultUserPermissionNameForTask("TASK_WORK");
    engine = configuration.buildProcessEngine();
    identityService = engine.getIdentityService();
    User admin = identityService.newUser(ADMIN);
    admin.setPassword(PASSWORD);
    identityService.saveUser(admin);
  }

  @AfterEach
  void closeEngine() {
    engine.close();
  }

  private List<NewAccount> apply(OrganisationProperties organisation) {
    return new OrganisationSetup(engine, () -> "Generated-Pass-1").apply(organisation, ADMIN);
  }

  private static OrganisationProperties soleProprietor() {
    return new OrganisationProperties(OrganisationProperties.Profile.SOLE_PROPRIETOR, null, null, null, null, null);
  }

  private static OrganisationProperties company(Map<String, List<String>> members, String initialPassword) {
    return new OrganisationProperties(OrganisationProperties.Profile.COMPANY, null, members, initialPassword, null, null);
  }

  @Test
  void shouldCreateTheSixRoleGroupsWithJapaneseNames() {
    apply(soleProprietor());

    assertThat(identityService.createGroupQuery().groupType(ResponseRole.GROUP_TYPE).list())
        .extracting(Group::getId, Group::getName)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("staff", "従業員・発見者"),
            org.assertj.core.groups.Tuple.tuple("sysadmin", "システム管理者"),
            org.assertj.core.groups.Tuple.tuple("incident-lead", "インシデント対応責任者"),
            org.assertj.core.groups.Tuple.tuple("tech", "技術担当者"),
            org.assertj.core.groups.Tuple.tuple("comms", "対外連絡担当者"),
            org.assertj.core.groups.Tuple.tuple("executive", "経営者・最高責任者"));
  }

  @Test
  void shouldKeepWhatAnAdministratorChangedWhenRunAgain() {
    apply(soleProprietor());
    Group lead = identityService.createGroupQuery().groupId("incident-lead").singleResult();
    lead.setName("情報セキュリティ責任者");
    identityService.saveGroup(lead);
    var authorizationService = engine.getAuthorizationService();
    var cockpitGrant = authorizationService.createAuthorizationQuery()
        .groupIdIn("executive").resourceType(Resources.APPLICATION).resourceId("cockpit").singleResult();
    authorizationService.deleteAuthorization(cockpitGrant.getId());
    long authorizations = authorizationService.createAuthorizationQuery().count();
    long filters = engine.getFilterService().createFilterQuery().count();

    apply(soleProprietor());

    assertThat(identityService.createGroupQuery().groupId("incident-lead").singleResult().getName())
        .isEqualTo("情報セキュリティ責任者");
    assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations);
    assertThat(engine.getFilterService().createFilterQuery().count()).isEqualTo(filters).isEqualTo(3);
    assertThat(identityService.createGroupQuery().groupType(ResponseRole.GROUP_TYPE).count()).isEqualTo(6);
  }

  @Test
  void shouldSeedTasklistFiltersThatShowTheIncidentOfEachTask() {
    apply(soleProprietor());

    var filters = engine.getFilterService().createFilterQuery().list();
    assertThat(filters).extracting(org.camunda.bpm.engine.filter.Filter::getName)
        .containsExactlyInAnyOrder("担当グループのタスク", "自分のタスク", "すべての対応タスク（監督）");
    var groupTasks = engine.getFilterService().createFilterQuery().filterName("担当グループのタスク").singleResult();
    assertThat(groupTasks.getProperties().get("variables").toString()).contains("incidentNumber", "インシデント番号");
    assertThat(engine.getAuthorizationService().createAuthorizationQuery()
        .resourceType(Resources.FILTER).resourceId(groupTasks.getId()).count()).isEqualTo(6);
    var supervision = engine.getFilterService().createFilterQuery().filterName("すべての対応タスク（監督）").singleResult();
    assertThat(engine.getAuthorizationService().createAuthorizationQuery()
        .resourceType(Resources.FILTER).resourceId(supervision.getId()).list())
        .extracting(org.camunda.bpm.engine.authorization.Authorization::getGroupId)
        .containsExactlyInAnyOrder("incident-lead", "executive");
  }

  @Test
  void shouldRecreateADeletedRoleGroupWithItsDefaults() {
    apply(soleProprietor());
    identityService.deleteGroup("tech");

    apply(soleProprietor());

    assertThat(identityService.createGroupQuery().groupId("tech").singleResult().getName()).isEqualTo("技術担当者");
    assertThat(engine.getAuthorizationService().isUserAuthorized("nobody", List.of("tech"),
        Permissions.ACCESS, Resources.APPLICATION, "tasklist")).isTrue();
    assertThat(engine.getAuthorizationService().createAuthorizationQuery()
        .groupIdIn("tech").resourceType(Resources.FILTER).count()).isEqualTo(2);
  }

  @Test
  void shouldPutTheSoleProprietorInEveryRoleGroup() {
    List<NewAccount> created = apply(soleProprietor());

    assertThat(created).isEmpty();
    assertThat(identityService.createGroupQuery().groupMember(ADMIN).list())
        .extracting(Group::getId)
        .containsAll(Arrays.stream(ResponseRole.values()).map(ResponseRole::groupId).toList());
  }

  @Test
  void shouldCreateTheSoleProprietorWhenAnotherOwnerIsConfigured() {
    List<NewAccount> created = apply(
        new OrganisationProperties(OrganisationProperties.Profile.SOLE_PROPRIETOR, "takeuchi", null, null, null, null));

    assertThat(created).extracting(NewAccount::userId, NewAccount::password)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("takeuchi", "Generated-Pass-1"));
    assertThat(identityService.checkPassword("takeuchi", "Generated-Pass-1")).isTrue();
    assertThat(identityService.createGroupQuery().groupMember("takeuchi").count()).isEqualTo(6);
    assertThat(identityService.createGroupQuery().groupMember(ADMIN).count()).isZero();
  }

  @Test
  void shouldCreateCompanyMembersPerRoleOnlyOnce() {
    Map<String, List<String>> members = Map.of(
        "incident-lead", List.of("sato"),
        "tech", List.of("suzuki", "sato"),
        "staff", List.of("tanaka"));

    List<NewAccount> first = apply(company(members, null));
    List<NewAccount> second = apply(company(members, null));

    assertThat(first).extracting(NewAccount::userId).containsExactlyInAnyOrder("sato", "suzuki", "tanaka");
    assertThat(second).isEmpty();
    assertThat(identityService.createGroupQuery().groupMember("sato").list())
        .extracting(Group::getId).containsExactlyInAnyOrder("incident-lead", "tech");
    assertThat(identityService.createUserQuery().memberOfGroup("tech").list())
        .extracting(User::getId).containsExactlyInAnyOrder("sato", "suzuki");
  }

  @Test
  void shouldNotAnnounceAConfiguredInitialPassword() {
    List<NewAccount> created = apply(company(Map.of("comms", List.of("demo-comms")), "Renshu-2026!"));

    assertThat(created).isEmpty();
    assertThat(identityService.checkPassword("demo-comms", "Renshu-2026!")).isTrue();
  }

  @Test
  void shouldRejectAnUnknownRoleGroupWithAClearMessage() {
    assertThatThrownBy(() -> apply(company(Map.of("sales", List.of("ito")), null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown role group 'sales'")
        .hasMessageContaining("incident-lead");
  }

  @Test
  void shouldLetRoleMembersSeeAndWorkOnlyTheTasksOfferedToTheirGroup() {
    apply(company(Map.of("tech", List.of("suzuki"), "comms", List.of("kato"), "executive", List.of("shacho")),
        "Member-Pass-2026!"));
    engine.getRepositoryService().createDeployment()
        .addModelInstance("access-check.bpmn", Bpmn.createExecutableProcess("access-check")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .parallelGateway("fork")
            .userTask("Task_Tech").camundaCandidateGroups("tech")
            .endEvent()
            .moveToNode("fork")
            .userTask("Task_Comms").camundaCandidateGroups("comms")
            .endEvent()
            .done())
        .deploy();
    engine.getRuntimeService().startProcessInstanceByKey("access-check");
    var taskService = engine.getTaskService();

    identityService.setAuthentication("suzuki", List.of("tech"));
    List<Task> visibleToTech = taskService.createTaskQuery().list();
    Task commsTask = taskService.createTaskQuery().taskDefinitionKey("Task_Comms").singleResult();
    identityService.clearAuthentication();
    String commsTaskId = engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_Comms").singleResult().getId();

    assertThat(visibleToTech).extracting(Task::getTaskDefinitionKey).containsExactly("Task_Tech");
    assertThat(commsTask).isNull();

    identityService.setAuthentication("suzuki", List.of("tech"));
    try {
      assertThatThrownBy(() -> taskService.complete(commsTaskId)).isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> identityService.saveUser(identityService.newUser("intruder")))
          .isInstanceOf(AuthorizationException.class);
      taskService.claim(visibleToTech.get(0).getId(), "suzuki");
      taskService.complete(visibleToTech.get(0).getId());
    } finally {
      identityService.clearAuthentication();
    }

    identityService.setAuthentication("shacho", List.of("executive"));
    try {
      assertThat(taskService.createTaskQuery().list()).extracting(Task::getTaskDefinitionKey)
          .containsExactly("Task_Comms");
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(1);
      assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().finished().count()).isEqualTo(1);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
