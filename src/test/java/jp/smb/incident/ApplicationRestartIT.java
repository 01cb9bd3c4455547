package jp.smb.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the real application twice on one data directory, with no profile and no configured password, as an
 * operator would on a fresh machine.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApplicationRestartIT {

  private static final Pattern INITIAL_PASSWORD = Pattern.compile("ユーザーID: (\\S+)  パスワード: (\\S+)");

  @TempDir
  Path dataDir;

  private ConfigurableApplicationContext start(String... arguments) {
    String[] all = new String[arguments.length + 3];
    all[0] = "--incident.data-dir=" + dataDir;
    all[1] = "--server.port=0";
    // Started by hand, outside the Spring test context whose listener initialises the coverage plugin.
    all[2] = "--spring.autoconfigure.exclude=" + ApplicationProcess.COVERAGE_AUTO_CONFIGURATION;
    System.arraycopy(arguments, 0, all, 3, arguments.length);
    return new SpringApplicationBuilder(IncidentResponseApplication.class).run(all);
  }

  private static HttpTestClient http(ConfigurableApplicationContext context) {
    return new HttpTestClient(((WebServerApplicationContext) context).getWebServer().getPort());
  }

  @Test
  void shouldKeepIncidentsUsersAndAdministratorChangesAcrossARestart(CapturedOutput output) {
    String adminPassword;
    String instanceId;
    try (ConfigurableApplicationContext first = start()) {
      Matcher shown = INITIAL_PASSWORD.matcher(output.getOut());
      assertThat(shown.find()).as("the generated password is shown on first start").isTrue();
      assertThat(shown.group(1)).isEqualTo("admin");
      adminPassword = shown.group(2);
      assertThat(adminPassword).isNotEqualTo("admin").hasSizeGreaterThanOrEqualTo(16);

      HttpTestClient http = http(first);
      HttpResponse<String> rename = putGroup(http, adminPassword);
      assertThat(rename.statusCode()).isEqualTo(204);

      ProcessEngine engine = first.getBean(ProcessEngine.class);
      engine.getRepositoryService().createDeployment()
          .addModelInstance("restart-check.bpmn", Bpmn.createExecutableProcess("restart-check")
              .camundaHistoryTimeToLive(1).startEvent().userTask().camundaCandidateGroups("tech").endEvent().done())
          .deploy();
      instanceId = engine.getRuntimeService()
          .startProcessInstanceByKey("restart-check", "INC-2026-0001").getId();
    }
    int outputBeforeSecondStart = output.getOut().length();

    try (ConfigurableApplicationContext second = start()) {
      String secondStartOutput = output.getOut().substring(outputBeforeSecondStart);
      assertThat(secondStartOutput).as("no password on later starts").doesNotContain("パスワード:");
      assertThat(secondStartOutput).contains("Ready: open http://localhost:");

      ProcessEngine engine = second.getBean(ProcessEngine.class);
      assertThat(engine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceBusinessKey("INC-2026-0001").singleResult().getId()).isEqualTo(instanceId);
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instanceId).count()).isEqualTo(1);
      assertThat(engine.getIdentityService().createGroupQuery().groupId("comms").singleResult().getName())
          .isEqualTo("広報・対外連絡");
      assertThat(engine.getIdentityService().createGroupQuery().groupType("WORKFLOW").count()).isEqualTo(6);
      assertThat(engine.getFilterService().createFilterQuery().count()).isEqualTo(3);
      assertThat(http(second).get("/engine-rest/group/comms", "admin", adminPassword).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void shouldNeverUseTheUserIdAsPasswordWhenOnlyTheAdminIdIsConfigured(CapturedOutput output) {
    try (ConfigurableApplicationContext context = start("--camunda.bpm.admin-user.id=chief",
        "--incident.organisation.profile=company")) {
      Matcher shown = INITIAL_PASSWORD.matcher(output.getOut());
      assertThat(shown.find()).isTrue();
      assertThat(shown.group(1)).isEqualTo("chief");

      HttpTestClient http = http(context);
      // Right password first: a wrong one locks the account for a few seconds.
      assertThat(http.get("/engine-rest/group", "chief", shown.group(2)).statusCode()).isEqualTo(200);
      assertThat(http.get("/engine-rest/group", "chief", "chief").statusCode()).isEqualTo(401);
      assertThat(context.getBean(ProcessEngine.class).getIdentityService().createGroupQuery()
          .groupMember("chief").groupType("WORKFLOW").count()).as("company profile: admin holds no role").isZero();
    }
  }

  @Test
  void shouldUseAConfiguredAdminPasswordAndShowNone(CapturedOutput output) {
    try (ConfigurableApplicationContext context = start("--camunda.bpm.admin-user.password=Kanri-Pass-2026!")) {
      assertThat(output.getOut()).doesNotContain("パスワード:");
      assertThat(http(context).get("/engine-rest/group", "admin", "Kanri-Pass-2026!").statusCode()).isEqualTo(200);
      assertThat(context.getBean(ProcessEngine.class).getIdentityService().createGroupQuery()
          .groupMember("admin").groupType("WORKFLOW").count()).as("sole proprietor holds every role").isEqualTo(6);
    }
  }

  private static HttpResponse<String> putGroup(HttpTestClient http, String adminPassword) {
    return http.putJson("/engine-rest/group/comms", "admin", adminPassword,
        "{\"id\":\"comms\",\"name\":\"広報・対外連絡\",\"type\":\"WORKFLOW\"}");
  }
}
