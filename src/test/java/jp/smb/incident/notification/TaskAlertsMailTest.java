package jp.smb.incident.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.smb.incident.HttpTestClient;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Alerts by mail through a real SMTP server (GreenMail): who gets what for a new task and an escalation, nobody
 * outside the group, and nothing lost or held up while the mail server is down.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:alert-tests;DB_CLOSE_DELAY=-1",
    "spring.mail.host=localhost",
    "incident.notification.base-url=https://incident.example.jp",
    "incident.notification.from=incident@example.jp",
    "incident.notification.poll-interval=PT0.2S",
    "incident.notification.retry-initial=PT0.3S",
    "incident.notification.retry-max=PT0.5S",
    "incident.notification.max-attempts=4",
    "incident.contact-chain.executive.name=代表取締役 試験",
    "incident.contact-chain.executive.phone=090-0000-0001",
    "incident.contact-chain.executive.email=president@example.jp"})
@ActiveProfiles("processtest")
class TaskAlertsMailTest {

  private static final String PASSWORD = "Tsuchi-2026!x";

  /** Chosen once: the mail server keeps its port when a test stops and starts it again. */
  private static final int SMTP_PORT = HttpTestClient.freePort();

  @RegisterExtension
  static GreenMailExtension mail = new GreenMailExtension(
      new ServerSetup(SMTP_PORT, null, ServerSetup.PROTOCOL_SMTP));

  /** A chat's incoming webhook, as a local HTTP server. */
  private static final List<String> HOOK_CALLS = new CopyOnWriteArrayList<>();
  private static final HttpServer HOOK = startHook();

  private static HttpServer startHook() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/hook", exchange -> {
        HOOK_CALLS.add(exchange.getRequestHeaders().getFirst("Content-Type") + " "
            + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
      });
      server.start();
      return server;
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void webhook(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.port", () -> SMTP_PORT);
    registry.add("incident.notification.webhook-url",
        () -> "http://127.0.0.1:" + HOOK.getAddress().getPort() + "/hook");
  }

  @Autowired
  ProcessEngine engine;

  @Autowired
  Outbox outbox;

  @LocalServerPort
  int port;

  @BeforeEach
  void responders() {
    member("lead1", "incident-lead", "lead1@example.jp");
    member("tech1", "tech", "tech1@example.jp");
    member("exec1", "executive", "exec1@example.jp");
    member("quiet1", "incident-lead", null);
  }

  private void member(String id, String group, String email) {
    IdentityService identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName("試験");
      user.setLastName("利用者");
      user.setEmail(email);
      user.setPassword(PASSWORD);
      identity.saveUser(user);
      identity.createMembership(id, group);
    }
  }

  private ProcessInstance report(String title) {
    return engine.getRuntimeService().startProcessInstanceByKey("ipa-incident-response", Map.of(
        "incidentTitle", title, "incidentType", "ransomware",
        "eventDescription", "顧客の山田太郎様の名簿が暗号化された"));
  }

  private Task task(ProcessInstance incident, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(incident.getBusinessKey())
        .taskDefinitionKey(key).singleResult();
  }

  private List<MimeMessage> mailsAbout(String number, String subjectPart) {
    return Arrays.stream(mail.getReceivedMessages())
        .filter(m -> subject(m).startsWith("【" + number + "】") && subject(m).contains(subjectPart)).toList();
  }

  private static List<String> to(List<MimeMessage> messages) {
    return messages.stream().map(m -> {
      try {
        return m.getRecipients(Message.RecipientType.TO)[0].toString();
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).sorted().toList();
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void await(BooleanSupplier condition, String what) {
    Awaitility.await(what).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
        .until(condition::getAsBoolean);
  }

  @Test
  void shouldMailEachMemberOfTheTasksGroupWhatToDoWithALinkAndNoPersonalData() throws Exception {
    ProcessInstance incident = report("ファイルが開けない");
    String number = incident.getBusinessKey();
    Task triage = task(incident, "Task_TriageReport");

    await(() -> to(mailsAbout(number, "インシデントに該当するか判断する")).contains("lead1@example.jp"), "the lead's mail");
    List<MimeMessage> mails = mailsAbout(number, "インシデントに該当するか判断する");
    // The incident lead group: lead1, and the owner who holds every role; quiet1 has no address, tech1 is not in it.
    assertThat(to(mails)).contains("lead1@example.jp").doesNotContain("tech1@example.jp", "exec1@example.jp")
        .doesNotHaveDuplicates();
    MimeMessage toLead = mails.stream().filter(m -> to(List.of(m)).contains("lead1@example.jp")).findFirst().orElseThrow();
    assertThat(subject(toLead)).isEqualTo("【" + number + "】インシデントに該当するか判断する");
    String text = decode(toLead);
    assertThat(text).contains("報告された事象がインシデントに該当するか", "インシデント: " + number + " ファイルが開けない",
        "事故レベル: 未判定", "期限: なし",
        "https://incident.example.jp/camunda/app/tasklist/default/#/?task=" + triage.getId())
        .doesNotContain("山田太郎", "名簿が暗号化");
    assertThat(toLead.getFrom()[0].toString()).isEqualTo("incident@example.jp");
  }

  @Test
  void shouldMailACompanysTaskOnlyToThatCompanysMembers() {
    IdentityService identity = engine.getIdentityService();
    for (String company : new String[] {"acme", "beta"}) {
      if (identity.createTenantQuery().tenantId(company).count() == 0) {
        identity.saveTenant(identity.newTenant(company));
        identity.saveGroup(identity.newGroup(company + "--incident-lead"));
        member("lead-" + company, company + "--incident-lead", "lead-" + company + "@example.jp");
        identity.createTenantUserMembership(company, "lead-" + company);
      }
    }
    ProcessInstance incident = engine.getRuntimeService().startProcessInstanceByKey("ipa-incident-response", Map.of(
        "incidentTitle", "アクメの端末が不調", "incidentType", "other", "eventDescription", "動作が遅い",
        "companyId", "acme"));
    String number = incident.getBusinessKey();

    await(() -> to(mailsAbout(number, "インシデントに該当するか判断する")).contains("lead-acme@example.jp"), "acme's mail");
    // The same role in another company, or in none, is not told of acme's incident: not queued at all.
    List<String> queued = Stream.of("PENDING", "SENDING", "SENT", "FAILED")
        .flatMap(state -> outbox.list(state, 10_000).stream())
        .filter(entry -> number.equals(entry.incidentNumber())).map(OutboxEntry::recipient).toList();
    assertThat(queued).contains("lead-acme@example.jp").doesNotContain("lead-beta@example.jp", "lead1@example.jp");

    // Nor does beta's lead find acme's alerts in the list of notifications; acme's lead does.
    HttpTestClient http = new HttpTestClient(port);
    Function<String, String> listedTo = user -> Stream.of("pending", "sending", "sent", "failed")
        .map(state -> http.get("/api/notifications?state=" + state, user, PASSWORD).body())
        .collect(Collectors.joining());
    assertThat(listedTo.apply("lead-acme")).contains(number);
    assertThat(listedTo.apply("lead-beta")).doesNotContain(number);
  }

  @Test
  void shouldPostTheSameAlertToTheChatWebhookWithoutPersonalData() {
    ProcessInstance incident = report("チャットへの通知");
    String number = incident.getBusinessKey();

    await(() -> HOOK_CALLS.stream().anyMatch(call -> call.contains(number)), "the webhook call");
    String call = HOOK_CALLS.stream().filter(c -> c.contains(number)).findFirst().orElseThrow();
    assertThat(call).startsWith("application/json").contains("\"text\"", "【" + number + "】インシデントに該当するか判断する",
        "/camunda/app/tasklist/default/#/?task=").doesNotContain("山田太郎");
    assertThat(HOOK_CALLS.stream().filter(c -> c.contains(number))).as("one call per task, not per person").hasSize(1);
  }

  @Test
  void shouldMarkAnEscalationUrgentForTheNextInTheChain() {
    ProcessInstance incident = report("判断が遅れている");
    String number = incident.getBusinessKey();
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(incident.getId()).timers()
        .singleResult();

    engine.getManagementService().executeJob(timer.getId());

    await(() -> to(mailsAbout(number, "判断の遅れに対処する")).containsAll(List.of("exec1@example.jp", "president@example.jp")),
        "the executive's mails");
    List<MimeMessage> mails = mailsAbout(number, "判断の遅れに対処する");
    // The 連絡網's address for the executive is told of the escalation too; the lead's step stays theirs.
    assertThat(to(mails)).contains("president@example.jp").doesNotContain("lead1@example.jp", "tech1@example.jp");
    assertThat(to(mailsAbout(number, "インシデントに該当するか判断する"))).doesNotContain("president@example.jp");
    MimeMessage toExecutive = mails.stream().filter(m -> to(List.of(m)).contains("exec1@example.jp")).findFirst()
        .orElseThrow();
    assertThat(subject(toExecutive)).isEqualTo("【" + number + "】【至急】判断の遅れに対処する");
    // Whom to call reaches the executive's phone too, not only the form.
    assertThat(decode(toExecutive)).startsWith("【至急】").contains("1回目の連絡です。「インシデントに該当するか判断する」がまだ終わっていません。");
  }

  @Test
  void shouldNeitherFailNorHoldUpWorkWhileMailIsDownAndSendOnceItIsBack() throws Exception {
    mail.stop();
    ProcessInstance incident = report("メールサーバー停止中の報告");
    String number = incident.getBusinessKey();
    // The intake and the next step go through; the alerts wait in the outbox and are retried.
    engine.getTaskService().complete(task(incident, "Task_TriageReport").getId(),
        Map.of("isIncident", true, "businessAffected", "no"));
    assertThat(task(incident, "Task_ContainIncident")).isNotNull();
    await(() -> outbox.list("PENDING", 100).stream().anyMatch(e -> number.equals(e.incidentNumber()) && e.attempts() > 0),
        "a failed attempt");

    mail.start();

    await(() -> to(mailsAbout(number, "初動対応（遮断・隔離・停止）を行う")).contains("tech1@example.jp"), "delivery after the outage");
    assertThat(mailsAbout(number, "初動対応（遮断・隔離・停止）を行う")).filteredOn(m -> to(List.of(m)).contains("tech1@example.jp"))
        .as("sent once").hasSize(1);
  }

  @Test
  void shouldGiveUpOnAMalformedAddressWithoutHoldingUpTheOthers() {
    member("broken1", "sysadmin", "壊れた アドレス@@");
    member("sys1", "sysadmin", "sys1@example.jp");
    ProcessInstance incident = report("宛先の誤り");
    String number = incident.getBusinessKey();
    engine.getTaskService().complete(task(incident, "Task_TriageReport").getId(),
        Map.of("isIncident", true, "businessAffected", "no"));

    await(() -> to(mailsAbout(number, "初動対応（遮断・隔離・停止）を行う")).contains("sys1@example.jp"), "the good address");
    await(() -> outbox.list("FAILED", 100).stream()
        .anyMatch(e -> number.equals(e.incidentNumber()) && e.recipient().equals("壊れた アドレス@@")), "giving up");
    assertThat(outbox.list("FAILED", 100)).filteredOn(e -> e.recipient().equals("壊れた アドレス@@")).first()
        .satisfies(e -> assertThat(e.lastError()).isNotBlank());
  }

  @Test
  void shouldShowTheLeadAnAlertThatCouldNotBeDelivered() {
    mail.stop();
    ProcessInstance incident = report("届かない通知");
    String number = incident.getBusinessKey();

    await(() -> outbox.list("FAILED", 100).stream()
        .anyMatch(e -> number.equals(e.incidentNumber()) && e.recipient().equals("lead1@example.jp")), "giving up");

    HttpResponse<String> failed = new HttpTestClient(port).get("/api/notifications?state=failed", "lead1", PASSWORD);
    assertThat(failed.statusCode()).as(failed.body()).isEqualTo(200);
    assertThat(failed.body()).contains(number, "lead1@example.jp", "\"attempts\":4");
    assertThat(new HttpTestClient(port).get("/api/notifications?state=failed", "tech1", PASSWORD).statusCode())
        .isEqualTo(403);
    assertThat(new HttpTestClient(port).get("/api/notifications?state=lost", "lead1", PASSWORD).statusCode())
        .isEqualTo(400);
  }

  private static String decode(MimeMessage message) {
    try {
      Object content = message.getContent();
      return content.toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
