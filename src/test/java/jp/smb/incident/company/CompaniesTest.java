package jp.smb.incident.company;

import static jp.smb.incident.HttpTestClient.json;
import static jp.smb.incident.HttpTestClient.temporaryDirectory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import jp.smb.incident.HttpTestClient;
import jp.smb.incident.record.IncidentRecords;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An IT vendor's installation with two client companies, over HTTP under authorization and tenant checks: each
 * company's incidents are opened in it and stay out of sight of the other company's members, in /api and in
 * /engine-rest alike; a vendor's staff member who serves both must say which company an incident is for.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class CompaniesTest {

  private static final String ADMIN_PASSWORD = "Renshu-2026!";
  private static final String PASSWORD = "Kaisha-Betsu-2026!";
  private static final Path DATA_DIR = temporaryDirectory("incident-companies");

  @DynamicPropertySource
  static void freshDataDirectory(DynamicPropertyRegistry registry) {
    registry.add("incident.data-dir", DATA_DIR::toString);
  }

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Autowired
  IncidentRecords records;

  private HttpTestClient http;

  @BeforeEach
  void twoCompaniesAndTheirPeople() {
    http = new HttpTestClient(port);
    IdentityService identity = engine.getIdentityService();
    for (String user : new String[] {"acme-lead", "beta-lead", "vendor-desk", "vendor-boss", "other-vendor"}) {
      if (identity.createUserQuery().userId(user).count() == 0) {
        User account = identity.newUser(user);
        account.setPassword(PASSWORD);
        identity.saveUser(account);
      }
    }
    for (String administrator : new String[] {"vendor-boss", "other-vendor"}) {
      if (identity.createGroupQuery().groupMember(administrator).groupId("vendor-admin").count() == 0) {
        identity.createMembership(administrator, "vendor-admin");
      }
    }
    if (identity.createTenantQuery().tenantId("acme").count() == 0) {
      assertThat(create("acme", "株式会社アクメ").statusCode()).isEqualTo(201);
      assertThat(create("beta", "ベータ商店").statusCode()).isEqualTo(201);
      member("acme", "acme-lead", "[\"incident-lead\", \"staff\"]");
      member("beta", "beta-lead", "[\"incident-lead\", \"staff\"]");
      member("acme", "vendor-desk", "[\"incident-lead\"]");
      member("beta", "vendor-desk", "[\"incident-lead\"]");
    }
  }

  private HttpResponse<String> create(String id, String name) {
    return http.postJson("/api/companies", "vendor-boss", PASSWORD,
        "{\"id\": \"" + id + "\", \"name\": \"" + name + "\", \"profile\": \"company\","
            + " \"contacts\": {\"lawyer\": \"" + name + "顧問弁護士 03-0000-0000\"}}");
  }

  private void member(String company, String user, String roles) {
    HttpResponse<String> response = http.postJson("/api/companies/" + company + "/members", "vendor-boss", PASSWORD,
        "{\"userId\": \"" + user + "\", \"roles\": " + roles + "}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  private String report(String user, String company) {
    HttpResponse<String> response = http.postJson("/api/incidents", user, PASSWORD,
        "{\"title\": \"顧客リストの誤送信\", \"incidentType\": \"misdelivery\", \"eventDescription\": \"宛先を誤った\""
            + (company == null ? "" : ", \"company\": \"" + company + "\"") + "}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return json(response).path("incidentNumber").asText();
  }

  @Test
  void shouldOpenAMembersIncidentInItsCompanyAndHideItFromTheOtherCompany() {
    String number = report("acme-lead", null);

    String instanceId = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number)
        .singleResult().getId();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId).singleResult()
        .getTenantId()).isEqualTo("acme");
    assertThat(records.companyOf(number)).contains("acme");
    assertThat(records.find(number).orElseThrow().businessOperator()).isEqualTo("株式会社アクメ");
    assertThat(engine.getRuntimeService().getVariable(instanceId, "contactLawyer")).isEqualTo("株式会社アクメ顧問弁護士 03-0000-0000");

    // Its own lead sees it everywhere.
    assertThat(http.get("/api/incidents/" + number, "acme-lead", PASSWORD).statusCode()).isEqualTo(200);
    assertThat(http.get("/engine-rest/task?processInstanceBusinessKey=" + number, "acme-lead", PASSWORD).body())
        .contains("Task_TriageReport");
    assertThat(http.get("/api/board", "acme-lead", PASSWORD).body()).contains(number);

    // The other company's lead, in the same role, sees nothing of it.
    assertThat(http.get("/api/incidents/" + number, "beta-lead", PASSWORD).statusCode()).isEqualTo(404);
    assertThat(http.get("/api/incidents/" + number + "/report", "beta-lead", PASSWORD).statusCode()).isEqualTo(404);
    assertThat(http.get("/api/incidents", "beta-lead", PASSWORD).body()).doesNotContain(number);
    assertThat(http.get("/api/board", "beta-lead", PASSWORD).body()).doesNotContain(number);
    assertThat(http.get("/engine-rest/task?processInstanceBusinessKey=" + number, "beta-lead", PASSWORD).body())
        .isEqualTo("[]");
    assertThat(http.get("/engine-rest/process-instance?businessKey=" + number, "beta-lead", PASSWORD).body())
        .isEqualTo("[]");
    assertThat(http.get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + number, "beta-lead",
        PASSWORD).body()).isEqualTo("[]");
    String taskId = engine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult().getId();
    assertThat(http.postJson("/engine-rest/task/" + taskId + "/claim", "beta-lead", PASSWORD,
        "{\"userId\": \"beta-lead\"}").statusCode()).isEqualTo(404);
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();

    // What the incident calls (type-specific containment, decisions) stays in the company too.
    engine.getTaskService().complete(taskId, java.util.Map.of("isIncident", true, "externalPartiesAffected", "yes",
        "personalDataLeaked", "no", "businessAffected", "no", "employeeWorkAffected", "no"));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number).list())
        .hasSizeGreaterThan(1).allSatisfy(instance -> assertThat(instance.getTenantId()).isEqualTo("acme"));
    assertThat(engine.getHistoryService().createHistoricDecisionInstanceQuery().processInstanceId(instanceId).list())
        .isNotEmpty().allSatisfy(decision -> assertThat(decision.getTenantId()).isEqualTo("acme"));
    assertThat(http.get("/engine-rest/task?processInstanceBusinessKey=" + number, "beta-lead", PASSWORD).body())
        .isEqualTo("[]");
    assertThat(http.get("/engine-rest/task?processInstanceBusinessKey=" + number, "acme-lead", PASSWORD).body())
        .contains("Task_ContainIncident");
  }

  @Test
  void shouldLetACompanysLeadCorrectTheFactsOfItsOwnIncidentsOnly() {
    String number = report("acme-lead", null);
    String instanceId = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number)
        .singleResult().getId();
    engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(instanceId)
        .singleResult().getId(), java.util.Map.of("isIncident", true, "externalPartiesAffected", "no",
        "personalDataLeaked", "no", "businessAffected", "no", "employeeWorkAffected", "yes"));
    String leak = "{\"personalDataLeaked\": \"yes\", \"sensitiveData\": true}";

    // Another company's lead, in the same role, can neither see nor correct it.
    assertThat(http.patchJson("/api/incidents/" + number + "/facts", "beta-lead", PASSWORD, leak).statusCode())
        .isEqualTo(404);
    assertThat(http.get("/api/incidents/" + number + "/obligations", "beta-lead", PASSWORD).statusCode())
        .isEqualTo(404);
    assertThat(engine.getRuntimeService().getVariable(instanceId, "sensitiveData")).isNull();

    // Its own lead can, and the mandatory reports open in its company.
    HttpResponse<String> corrected = http.patchJson("/api/incidents/" + number + "/facts", "acme-lead", PASSWORD, leak);
    assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
    assertThat(corrected.body()).contains("\"ppc-preliminary\"", "\"data-subjects\"");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("report-to-recipient")
        .processInstanceBusinessKey(number).list()).isNotEmpty()
        .allSatisfy(report -> assertThat(report.getTenantId()).isEqualTo("acme"));
  }

  @Test
  void shouldKeepAnotherCompanysLeadFromRecordingOnItsIncidentsFromTasklist() {
    String number = report("acme-lead", null);

    // As Tasklist starts the helper processes: under the caller's login, groups and companies.
    engine.getIdentityService().setAuthentication("beta-lead", List.of("beta--incident-lead"), List.of("beta"));
    try {
      assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("executive-progress-report",
          java.util.Map.of("incidentNumber", number, "progressReport", "報告")))
          .hasMessageContaining(number + " が見つかりません");
      assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("correct-incident-facts",
          java.util.Map.of("incidentNumber", number, "personalDataLeaked", "yes")))
          .hasMessageContaining(number + " が見つかりません");
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(records.timeline(number)).extracting(entry -> entry.kind())
        .doesNotContain("EXECUTIVE_REPORT", "FACTS");

    // Its own lead, in the company's role group, may.
    engine.getIdentityService().setAuthentication("acme-lead", List.of("acme--incident-lead"), List.of("acme"));
    try {
      engine.getRuntimeService().startProcessInstanceByKey("executive-progress-report",
          java.util.Map.of("incidentNumber", number, "progressReport", "社長に電話で報告した"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(records.timeline(number)).extracting(entry -> entry.kind()).contains("EXECUTIVE_REPORT");
  }

  @Test
  void shouldGiveARoleInOneCompanyOnly() {
    IdentityService identity = engine.getIdentityService();
    assertThat(identity.createUserQuery().userId("acme-lead").memberOfGroup("acme--incident-lead").count()).isOne();
    assertThat(identity.createUserQuery().userId("acme-lead").memberOfGroup("incident-lead").count()).isZero();
    String number = report("acme-lead", null);
    String taskId = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(number).singleResult().getId();

    // Offered to acme's incident leads; beta's incident lead may not claim it.
    assertThat(engine.getTaskService().getIdentityLinksForTask(taskId)).extracting(link -> link.getGroupId())
        .contains("acme--incident-lead").doesNotContain("incident-lead", "beta--incident-lead");
    assertThat(http.postJson("/engine-rest/task/" + taskId + "/claim", "acme-lead", PASSWORD,
        "{\"userId\": \"acme-lead\"}").statusCode()).isEqualTo(204);
  }

  @Test
  void shouldMakeAMemberOfSeveralCompaniesSayWhichCompanyAnIncidentIsFor() {
    HttpResponse<String> ambiguous = http.postJson("/api/incidents", "vendor-desk", PASSWORD,
        "{\"title\": \"サーバー停止\", \"incidentType\": \"system-outage\", \"eventDescription\": \"止まった\"}");
    assertThat(ambiguous.statusCode()).isEqualTo(400);
    assertThat(json(ambiguous).path("message").asText()).contains("company", "acme", "beta");

    String number = report("vendor-desk", "beta");
    assertThat(records.companyOf(number)).contains("beta");
    assertThat(http.get("/api/incidents/" + number, "vendor-desk", PASSWORD).statusCode()).isEqualTo(200);
    assertThat(http.get("/api/incidents/" + number, "acme-lead", PASSWORD).statusCode()).isEqualTo(404);
    // Not a member: refused as a typo would be, naming the caller's companies; not opened elsewhere.
    HttpResponse<String> foreign = http.postJson("/api/incidents", "acme-lead", PASSWORD,
        "{\"title\": \"x\", \"incidentType\": \"other\", \"eventDescription\": \"x\", \"company\": \"beta\"}");
    assertThat(foreign.statusCode()).isEqualTo(400);
    assertThat(json(foreign).path("message").asText()).contains("beta", "あなたの会社: acme");
  }

  @Test
  void shouldLetOnlyTheVendorsAdministratorsManageCompanies() {
    assertThat(create("acme", "重複").statusCode()).isEqualTo(409);
    assertThat(http.postJson("/api/companies", "vendor-boss", PASSWORD, "{\"id\": \"Acme Corp\", \"name\": \"x\"}")
        .statusCode()).isEqualTo(400);
    assertThat(http.postJson("/api/companies", "acme-lead", PASSWORD, "{\"id\": \"gamma\", \"name\": \"ガンマ\"}")
        .statusCode()).isEqualTo(403);
    assertThat(http.postJson("/api/companies/acme/members", "vendor-boss", PASSWORD,
        "{\"userId\": \"beta-lead\", \"roles\": [\"president\"]}").statusCode()).isEqualTo(400);
    assertThat(http.postJson("/api/companies/acme/members", "vendor-boss", PASSWORD,
        "{\"userId\": \"nobody\", \"roles\": [\"staff\"]}").statusCode()).isEqualTo(400);

    assertThat(json(http.get("/api/companies", "admin", ADMIN_PASSWORD)).findValuesAsText("id")).contains("acme", "beta");
    assertThat(json(http.get("/api/companies", "acme-lead", PASSWORD)).findValuesAsText("id")).containsExactly("acme");
    assertThat(http.get("/api/companies/beta", "acme-lead", PASSWORD).statusCode()).isEqualTo(404);

    HttpResponse<String> settings = http.putJson("/api/companies/beta", "vendor-boss", PASSWORD,
        "{\"name\": \"株式会社ベータ\", \"profile\": \"sole-proprietor\", \"defaultProcedure\": \"six-step-incident-response\"}");
    assertThat(settings.statusCode()).as(settings.body()).isEqualTo(200);
    assertThat(json(http.get("/api/companies/beta", "beta-lead", PASSWORD)).path("name").asText()).isEqualTo("株式会社ベータ");
  }

  @Test
  void shouldLetAVendorAdministratorManageOnlyTheCompaniesItOpened() {
    HttpResponse<String> opened = http.postJson("/api/companies", "other-vendor", PASSWORD,
        "{\"id\": \"gamma-" + System.nanoTime() + "\", \"name\": \"ガンマ工業\"}");
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    String gamma = json(opened).path("id").asText();

    assertThat(json(http.get("/api/companies", "other-vendor", PASSWORD)).findValuesAsText("id")).containsExactly(gamma);
    assertThat(json(http.get("/api/companies", "vendor-boss", PASSWORD)).findValuesAsText("id"))
        .contains("acme", "beta").doesNotContain(gamma);
    // Another vendor's client: not found, whatever is asked of it.
    assertThat(http.get("/api/companies/acme", "other-vendor", PASSWORD).statusCode()).isEqualTo(404);
    assertThat(http.putJson("/api/companies/acme", "other-vendor", PASSWORD, "{\"name\": \"乗っ取り\"}").statusCode())
        .isEqualTo(404);
    assertThat(http.postJson("/api/companies/acme/members", "other-vendor", PASSWORD,
        "{\"userId\": \"other-vendor\", \"roles\": [\"incident-lead\"]}").statusCode()).isEqualTo(404);
    assertThat(engine.getIdentityService().createTenantQuery().userMember("other-vendor").tenantId("acme").count())
        .isZero();
    assertThat(json(http.get("/api/companies/acme", "vendor-boss", PASSWORD)).path("name").asText()).isEqualTo("株式会社アクメ");
  }

  /** Tasklist's start form: a member of several companies names the company in the form's 会社 ID field. */
  @Test
  void shouldTakeTheCompanyFromTheReportFormInTasklist() {
    String form = "/engine-rest/process-definition/key/ipa-incident-response/submit-form";
    String values = "\"incidentTitle\": {\"value\": \"NAS が暗号化された\"}, \"incidentType\": {\"value\": \"ransomware\"},"
        + " \"eventDescription\": {\"value\": \"ファイルが開けない\"}, \"reportSource\": {\"value\": \"internal\"}";
    HttpResponse<String> unnamed = http.postJson(form, "vendor-desk", PASSWORD, "{\"variables\": {" + values + "}}");
    assertThat(unnamed.statusCode()).as(unnamed.body()).isEqualTo(400);
    assertThat(json(unnamed).path("message").asText()).contains("会社 ID", "acme", "beta");

    HttpResponse<String> elsewhere = http.postJson(form, "acme-lead", PASSWORD,
        "{\"variables\": {" + values + ", \"companyId\": {\"value\": \"beta\"}}}");
    assertThat(elsewhere.statusCode()).as(elsewhere.body()).isEqualTo(400);
    assertThat(json(elsewhere).path("message").asText()).contains("メンバーではありません");

    // A mistyped company id starts nothing, for an administrator too: no company nobody is in.
    long before = engine.getRuntimeService().createProcessInstanceQuery().count();
    for (String user : List.of("vendor-desk", "admin")) {
      HttpResponse<String> typo = http.postJson(form, user, user.equals("admin") ? ADMIN_PASSWORD : PASSWORD,
          "{\"variables\": {" + values + ", \"companyId\": {\"value\": \"nosuchcompanyxyz\"}}}");
      assertThat(typo.statusCode()).as(typo.body()).isEqualTo(400);
      assertThat(json(typo).path("message").asText()).contains("会社 nosuchcompanyxyz はありません");
    }
    HttpResponse<String> started = http.postJson("/engine-rest/process-definition/key/ipa-incident-response/start",
        "admin", ADMIN_PASSWORD, "{\"variables\": {" + values + ", \"companyId\": {\"value\": \"nosuchcompanyxyz\"}}}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(400);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(before);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().tenantIdIn("nosuchcompanyxyz").count()).isZero();

    HttpResponse<String> named = http.postJson(form, "vendor-desk", PASSWORD,
        "{\"variables\": {" + values + ", \"companyId\": {\"value\": \"beta\"}}}");
    assertThat(named.statusCode()).as(named.body()).isEqualTo(200);
    String instance = json(named).path("id").asText();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).singleResult()
        .getTenantId()).isEqualTo("beta");
    // A member of one company leaves the field empty: its own company.
    HttpResponse<String> own = http.postJson(form, "acme-lead", PASSWORD,
        "{\"variables\": {" + values + ", \"companyId\": {\"value\": \"\"}}}");
    assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(json(own).path("id").asText())
        .singleResult().getTenantId()).isEqualTo("acme");
  }

  @Test
  void shouldRefuseAnUnknownCompanyThroughEveryOtherEntranceAndStartNothing() {
    long before = engine.getRuntimeService().createProcessInstanceQuery().count();
    String values = "\"incidentTitle\": {\"value\": \"NAS が暗号化された\"}, \"incidentType\": {\"value\": \"ransomware\"},"
        + " \"eventDescription\": {\"value\": \"ファイルが開けない\"}, \"reportSource\": {\"value\": \"internal\"},"
        + " \"companyId\": {\"value\": \"nosuchcompanyxyz\"}";
    // The procedures are shared by all companies: a start naming a tenant finds none to start.
    HttpResponse<String> inTenant = http.postJson(
        "/engine-rest/process-definition/key/ipa-incident-response/tenant-id/nosuchcompanyxyz/start", "admin",
        ADMIN_PASSWORD, "{\"variables\": {" + values + "}}");
    assertThat(inTenant.statusCode()).as(inTenant.body()).isBetween(400, 499);
    // The intake API, for the vendor's desk (in two companies) and for camunda-admin; a vendor administrator holds
    // no responder role, so the API refuses it before any company is looked at.
    assertThat(http.postJson("/api/incidents", "vendor-boss", PASSWORD, "{\"title\": \"x\", \"incidentType\": "
        + "\"other\", \"eventDescription\": \"x\", \"company\": \"nosuchcompanyxyz\"}").statusCode()).isEqualTo(403);
    for (String user : List.of("vendor-desk", "admin")) {
      HttpResponse<String> intake = http.postJson("/api/incidents", user, user.equals("admin") ? ADMIN_PASSWORD : PASSWORD,
          "{\"title\": \"x\", \"incidentType\": \"other\", \"eventDescription\": \"x\", \"company\": \"nosuchcompanyxyz\"}");
      assertThat(intake.statusCode()).as(intake.body()).isEqualTo(400);
      assertThat(json(intake).path("message").asText()).contains("nosuchcompanyxyz");
    }
    // A message start event, as Modeler may add one: the same check, the same 400.
    engine.getRepositoryService().createDeployment().addModelInstance("message-start.bpmn",
        Bpmn.createExecutableProcess("message-start").camundaHistoryTimeToLive(1).startEvent().message("IncidentByMail")
            .userTask().endEvent().done()).deploy();
    HttpResponse<String> message = http.postJson("/engine-rest/message", "admin", ADMIN_PASSWORD,
        "{\"messageName\": \"IncidentByMail\", \"processVariables\": {\"companyId\": {\"value\": \"nosuchcompanyxyz\"}}}");
    assertThat(message.statusCode()).as(message.body()).isEqualTo(400);
    assertThat(json(message).path("message").asText()).contains("会社 nosuchcompanyxyz はありません");

    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(before);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().tenantIdIn("nosuchcompanyxyz").count()).isZero();
  }

  @Test
  void shouldLetAMemberOfSeveralCompaniesReportAnIncidentOfTheInstallationItself() {
    HttpResponse<String> intake = http.postJson("/api/incidents", "vendor-desk", PASSWORD,
        "{\"title\": \"社内のPCが不審\", \"incidentType\": \"malware\", \"eventDescription\": \"警告が出た\","
            + " \"company\": \"installation\"}");
    assertThat(intake.statusCode()).as(intake.body()).isEqualTo(201);
    String viaApi = json(intake).path("processInstanceId").asText();
    String values = "\"incidentTitle\": {\"value\": \"社内サーバー停止\"}, \"incidentType\": {\"value\": \"system-outage\"},"
        + " \"eventDescription\": {\"value\": \"止まった\"}, \"reportSource\": {\"value\": \"internal\"},"
        + " \"companyId\": {\"value\": \"installation\"}";
    HttpResponse<String> form = http.postJson("/engine-rest/process-definition/key/ipa-incident-response/submit-form",
        "vendor-desk", PASSWORD, "{\"variables\": {" + values + "}}");
    assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
    for (String instance : List.of(viaApi, json(form).path("id").asText())) {
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).singleResult()
          .getTenantId()).as("the installation's own incident").isNull();
    }
    // Someone in one company reports in it; and no company can take the reserved id.
    HttpResponse<String> single = http.postJson("/engine-rest/process-definition/key/ipa-incident-response/submit-form",
        "acme-lead", PASSWORD, "{\"variables\": {" + values + "}}");
    assertThat(single.statusCode()).as(single.body()).isEqualTo(400);
    assertThat(json(single).path("message").asText()).contains("acme");
    HttpResponse<String> reserved = create("installation", "予約語株式会社");
    assertThat(reserved.statusCode()).isEqualTo(400);
    assertThat(json(reserved).path("message").asText()).contains("予約");
  }

  @Test
  void shouldKeepACompanysDrillToItsOwnLeads() {
    HttpResponse<String> started = http.postJson("/api/drills", "acme-lead", PASSWORD,
        "{\"scenario\": \"email-misdelivery\"}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    String drill = json(started).path("drillNumber").asText();
    assertThat(records.companyOf(drill)).contains("acme");
    assertThat(http.get("/api/drills/" + drill + "/scorecard", "acme-lead", PASSWORD).statusCode()).isEqualTo(200);

    // Another company's lead neither sees it nor starts one in that company.
    assertThat(http.get("/api/drills/" + drill + "/scorecard", "beta-lead", PASSWORD).statusCode()).isEqualTo(404);
    assertThat(http.get("/api/incidents?drills=true", "beta-lead", PASSWORD).body()).doesNotContain(drill);
    assertThat(http.postJson("/api/drills/" + drill + "/stop", "beta-lead", PASSWORD, "{}").statusCode())
        .isEqualTo(404);
    HttpResponse<String> elsewhere = http.postJson("/api/drills", "beta-lead", PASSWORD,
        "{\"scenario\": \"email-misdelivery\", \"company\": \"acme\"}");
    assertThat(elsewhere.statusCode()).isEqualTo(400);
    assertThat(json(elsewhere).path("message").asText()).contains("あなたの会社: beta");
    // Someone in two companies says which.
    assertThat(http.postJson("/api/drills", "vendor-desk", PASSWORD, "{\"scenario\": \"email-misdelivery\"}")
        .statusCode()).isEqualTo(400);
  }

  /** The company's rules (Company), each said in the words an administrator reads, all broken ones at once. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Acme_1 | "profile": "company"                          | id は英小文字・数字を 1 つのハイフンでつないだ 64 文字以内にしてください（例: acme、yamada-shoten）
      rules1 | "profile": "shop"                             | profile は sole-proprietor か company にしてください
      rules2 | "defaultProcedure": "other"                   | defaultProcedure は ipa-incident-response か six-step-incident-response にしてください
      rules3 | "contacts": {"fax": "03-0000-0000"}           | contacts に知らない項目があります: fax（使える項目: lawyer, insurer, police, partners, providers, support）
      rules4 | "contacts": {"lawyer": "a\\u0007b"}          | contacts.lawyer に制御文字は使えません
      rules5 | "profile": "shop", "defaultProcedure": "other" | defaultProcedure は ipa-incident-response か six-step-incident-response にしてください。profile は sole-proprietor か company にしてください
      """)
  void shouldRefuseACompanyThatBreaksItsRulesAndCreateNothing(String id, String fields, String message) {
    HttpResponse<String> response = http.postJson("/api/companies", "vendor-boss", PASSWORD,
        "{\"id\": \"" + id + "\", \"name\": \"規則株式会社\", " + fields + "}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(json(response).path("message").asText()).isEqualTo(message);
    assertThat(engine.getIdentityService().createTenantQuery().tenantId(id).count()).isZero();
  }

  @Test
  void shouldRefuseAContactLongerThan2000Characters() {
    HttpResponse<String> response = http.postJson("/api/companies", "vendor-boss", PASSWORD,
        "{\"id\": \"rules6\", \"name\": \"規則株式会社\", \"contacts\": {\"insurer\": \"" + "保".repeat(2001) + "\"}}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(json(response).path("message").asText()).isEqualTo("contacts.insurer は 2000 文字以内にしてください");
  }

  @Test
  void shouldTakeAMemberOutOfACompany() {
    IdentityService identity = engine.getIdentityService();
    if (identity.createUserQuery().userId("temp-helper").count() == 0) {
      User account = identity.newUser("temp-helper");
      account.setPassword(PASSWORD);
      identity.saveUser(account);
    }
    member("acme", "temp-helper", "[\"tech\"]");
    assertThat(json(http.get("/api/companies", "temp-helper", PASSWORD)).findValuesAsText("id")).containsExactly("acme");

    HttpResponse<String> removed = http.deleteJson("/api/companies/acme/members", "vendor-boss", PASSWORD,
        "{\"userId\": \"temp-helper\", \"roles\": [\"tech\"]}");
    assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
    assertThat(json(http.get("/api/companies", "temp-helper", PASSWORD)).findValuesAsText("id")).isEmpty();
    assertThat(identity.createUserQuery().userId("temp-helper").memberOfGroup("acme--tech").count()).isZero();
  }
}
