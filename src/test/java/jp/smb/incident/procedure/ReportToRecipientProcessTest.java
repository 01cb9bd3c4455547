package jp.smb.incident.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import jp.smb.incident.reporting.ReportObligations;
import jp.smb.incident.reporting.RunningReportsBackfill;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * One report of the reporting decision, as both procedures start it: the draft, the task with its due date
 * counted from awareness, the reminder and the escalation, the lawyer's review of a public statement, and what is
 * recorded when the report is sent.
 */
@SpringBootTest
@ActiveProfiles("processtest")
@Import(ProcessCoverage.class)
class ReportToRecipientProcessTest {

  static final String PROCESS = "report-to-recipient";

  @Autowired
  ProcessEngine engine;

  @Autowired
  ReportObligations obligations;

  @Autowired
  RunningReportsBackfill backfill;

  @BeforeEach
  void registerEngine() {
    BpmnAwareTests.init(engine);
    TestDay.begin();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static String item(String id, String recipient, String taskName, boolean mandatory, String deadline) {
    return """
        {"id":"%s","recipient":"%s","taskName":"%s","mandatory":%s,"deadline":%s,"basis":"根拠の条文"}"""
        .formatted(id, recipient, taskName, mandatory, deadline == null ? "null" : "\"" + deadline + "\"");
  }

  /** Starts the report the way the multi-instance call activity does, with the incident's variables. */
  private IncidentDriver start(String itemId, String itemJson, OffsetDateTime detectedAt, Object... extra) {
    Map<String, Object> variables = new HashMap<>(Map.of(
        "reportItem", itemId,
        "reportItems", SpinValues.jsonValue("[" + itemJson + "]").create(),
        "incidentNumber", "INC-TEST",
        "incidentTitle", "顧客情報の漏えい",
        "eventDescription", "不正アクセスで顧客名簿が持ち出された",
        "affectedCustomerData", "氏名、住所、電話番号",
        "affectedPersons", 1500L,
        "detectedAt", detectedAt.toString()));
    for (int i = 0; i < extra.length; i += 2) {
      variables.put((String) extra[i], extra[i + 1]);
    }
    ProcessInstance instance = engine.getRuntimeService()
        .startProcessInstanceByKey(PROCESS, "INC-TEST-" + UUID.randomUUID(), variables);
    IncidentDriver report = new IncidentDriver(engine, instance);
    report.runAsynchronousSteps();
    return report;
  }

  private static OffsetDateTime now() {
    return ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.of("Asia/Tokyo")).toOffsetDateTime()
        .truncatedTo(ChronoUnit.MINUTES);
  }

  /** The end of day {@code days}, the day of awareness being day 1 (PPC guideline 通則編 3-5-3-3, 3-5-3-4). */
  private static OffsetDateTime endOfDay(OffsetDateTime aware, int days) {
    return aware.atZoneSameInstant(ZoneId.of("Asia/Tokyo")).toLocalDate().plusDays(days - 1).atTime(23, 59, 59)
        .atZone(ZoneId.of("Asia/Tokyo")).toOffsetDateTime();
  }

  @Test
  void shouldRecordOnceAReportThatWasRunningBeforeTheObligationTableExisted() {
    String number = "INC-2019-" + (1000 + new java.util.Random().nextInt(9000));
    Map<String, Object> variables = new HashMap<>(Map.of("reportItem", "ppc-preliminary",
        "reportItems", SpinValues.jsonValue("[" + item("ppc-preliminary", "ppc", "個人情報保護委員会に速報する", true, "PT72H")
            + "]").create(),
        "incidentNumber", number, "incidentTitle", "顧客情報の漏えい", "eventDescription", "名簿が持ち出された",
        "detectedAt", now().toString()));
    IncidentDriver report = new IncidentDriver(engine,
        engine.getRuntimeService().startProcessInstanceByKey(PROCESS, number, variables));
    report.runAsynchronousSteps();
    assertThat(obligations.of(number)).as("started outside the legal clock, as before V6").isEmpty();

    backfill.recordRunningReports();
    backfill.recordRunningReports();

    assertThat(obligations.of(number)).singleElement().satisfies(obligation -> {
      assertThat(obligation.item()).isEqualTo("ppc-preliminary");
      assertThat(obligation.recipient()).isEqualTo("ppc");
      assertThat(obligation.mandatory()).isTrue();
      assertThat(obligation.state()).isEqualTo("open");
      assertThat(obligation.dueAt().toInstant()).isEqualTo(endOfDay(now(), 3).toInstant());
    });
  }

  @Test
  void shouldGiveTheReportADueDateCountedFromAwarenessAndADraftToCheck() {
    OffsetDateTime detectedAt = now().minusHours(10);
    IncidentDriver report = start("ppc-preliminary", item("ppc-preliminary", "ppc", "個人情報保護委員会に速報する", true, "PT72H"),
        detectedAt);

    Task task = report.task("Task_SendReportByDeadline");
    assertThat(task.getName()).isEqualTo("個人情報保護委員会に速報する");
    assertThat(task.getDueDate()).isEqualTo(Date.from(endOfDay(detectedAt, 3).toInstant()));
    assertThat(report.candidateGroups("Task_SendReportByDeadline")).containsExactly("comms");
    String draft = (String) engine.getTaskService().getVariable(task.getId(), "reportDraft");
    assertThat(draft).contains("漏えい等報告（速報）", "(3) 漏えい等が発生し、又は発生したおそれがある個人データに係る本人の数: 1500人",
        "(2) 漏えい等が発生し、又は発生したおそれがある個人データの項目: 氏名、住所、電話番号", "【原因】");
    FileValue file = engine.getTaskService().getVariableTyped(task.getId(), "reportDraftFile");
    assertThat(file.getFilename()).isEqualTo("ppc-preliminary.txt");
    assertThat(file.getMimeType()).isEqualTo("text/plain");
    try (InputStream content = file.getValue()) {
      assertThat(new String(content.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(draft);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    assertThat((String) engine.getTaskService().getVariable(task.getId(), "reportDraftLink"))
        .isEqualTo("/camunda/api/engine/engine/default/task/" + task.getId() + "/variables/reportDraftFile/data");
    assertThat((String) engine.getTaskService().getVariable(task.getId(), "recipientContact")).contains("ppc.go.jp");
  }

  @Test
  void shouldRemindTheIncidentLeadADayBeforeAndEscalateToTheExecutiveWhenOverdue() {
    OffsetDateTime detectedAt = now();
    IncidentDriver report = start("ppc-preliminary", item("ppc-preliminary", "ppc", "個人情報保護委員会に速報する", true, "PT72H"),
        detectedAt);

    OffsetDateTime due = endOfDay(detectedAt, 3);
    ClockUtil.setCurrentTime(Date.from(due.minusDays(1).minusMinutes(1).toInstant()));
    report.fireDueTimers();
    assertThat(report.openTaskKeys()).containsExactly("Task_SendReportByDeadline");

    ClockUtil.setCurrentTime(Date.from(due.minusDays(1).plusMinutes(1).toInstant()));
    report.fireDueTimers();
    assertThat(report.openTaskKeys()).containsExactly("Task_CheckReportDeadline", "Task_SendReportByDeadline");
    assertThat(report.candidateGroups("Task_CheckReportDeadline")).containsExactly("incident-lead");
    report.complete("Task_CheckReportDeadline", "reminderAction", "本日中に速報するよう指示");

    ClockUtil.setCurrentTime(Date.from(due.plusMinutes(1).toInstant()));
    report.fireDueTimers();
    assertThat(report.openTaskKeys()).containsExactly("Task_HandleOverdueReport", "Task_SendReportByDeadline");
    assertThat(report.candidateGroups("Task_HandleOverdueReport")).containsExactly("executive");
    report.complete("Task_HandleOverdueReport", "overdueAction", "直ちに分かる範囲で報告させた");

    // Still not sent two hours later: asked again, with the outside contacts (the owner holds every role).
    ClockUtil.setCurrentTime(Date.from(due.plusHours(2).plusMinutes(2).toInstant()));
    report.fireDueTimers();
    assertThat(report.openTaskKeys()).containsExactly("Task_HandleOverdueReport", "Task_SendReportByDeadline");
    assertThat((String) engine.getTaskService().getVariable(report.task("Task_HandleOverdueReport").getId(),
        "escalationAdvice")).startsWith("2回目の連絡です。「個人情報保護委員会に速報する」").contains("外部の支援先");
    report.complete("Task_HandleOverdueReport", "overdueAction", "お助け隊に電話した");

    report.sendReport("ppc-preliminary");
    assertThat(report.instance()).hasPassed("EndEvent_DeadlineChecked", "EndEvent_OverdueHandled", "EndEvent_ReportSent")
        .isEnded();
  }

  @Test
  void shouldDraftTheFinalReportOnlyOnceThePreliminaryReportIsSent() {
    IncidentDriver report = start("ppc-final", item("ppc-final", "ppc", "個人情報保護委員会に確報する", true, "PT720H"),
        now());
    assertThat(report.openTaskKeys()).isEmpty();
    assertThat(engine.getRuntimeService().getVariable(report.instance().getId(), "reportDraft")).as("no draft yet")
        .isNull();

    engine.getRuntimeService().createMessageCorrelation("PreliminaryReportSent")
        .processInstanceId(report.instance().getId()).correlate();
    report.runAsynchronousSteps();

    assertThat(report.task("Task_SendReportByDeadline").getName()).isEqualTo("個人情報保護委員会に確報する");
    assertThat(report.instance()).hasPassed("Event_PreliminaryReportSent").hasNotPassed("Event_FinalReportPreparationDue");
  }

  @Test
  void shouldStartTheFinalReportAWeekBeforeItsDeadlineWhenThePreliminaryIsLate() {
    OffsetDateTime detectedAt = now();
    IncidentDriver report = start("ppc-final", item("ppc-final", "ppc", "個人情報保護委員会に確報する", true, "PT720H"),
        detectedAt);
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(report.instance().getId())
        .activityId("Event_FinalReportPreparationDue").singleResult();
    assertThat(timer.getDuedate()).isEqualTo(Date.from(endOfDay(detectedAt, 30).minusDays(7).toInstant()));

    ClockUtil.setCurrentTime(timer.getDuedate());
    report.fireDueTimers();

    assertThat(report.openTaskKeys()).containsExactly("Task_SendReportByDeadline");
    assertThat(report.instance()).hasPassed("Event_FinalReportPreparationDue");
  }

  @Test
  void shouldRecordWhatWasSentWhenAndByWhom() {
    IncidentDriver report = start("police", item("police", "police", "警察に届け出る", false, null), now(),
        "contactPolice", "県警 サイバー犯罪相談窓口 000-000-0003");

    Task task = report.task("Task_SendReport");
    assertThat(task.getName()).isEqualTo("警察に届け出る");
    assertThat(task.getDueDate()).isNull();
    assertThat((String) engine.getTaskService().getVariable(task.getId(), "recipientContact"))
        .startsWith("県警 サイバー犯罪相談窓口").contains("npa.go.jp");
    engine.getTaskService().claim(task.getId(), "admin");
    engine.getTaskService().complete(task.getId(), Map.of("reportDraft", "送った文面", "reportChannel", "in-person",
        "reportSentAt", "2026-11-25T15:00+09:00", "reportReference", "受理番号 123"));

    assertThat(report.instance()).isEnded();
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(report.instance().getId()).count())
        .as("no timers for a report without a deadline").isZero();
    assertThat(report.variable("reportDraft")).isEqualTo("送った文面");
    assertThat(report.variable("reportSentAt")).isEqualTo("2026-11-25T15:00+09:00");
    assertThat(report.variable("reportSentBy")).isEqualTo("admin");
  }

  @Test
  void shouldRemindTheLeadOfAMandatoryReportWithoutAFixedPeriodThatIsStillNotSent() {
    OffsetDateTime detectedAt = now();
    IncidentDriver report = start("data-subjects", item("data-subjects", "data-subjects", "本人に通知する", true, null),
        detectedAt);

    assertThat(report.openTaskKeys()).containsExactly("Task_SendReportPromptly");
    assertThat(report.task("Task_SendReportPromptly").getName()).isEqualTo("本人に通知する");
    ClockUtil.setCurrentTime(Date.from(detectedAt.plusDays(3).minusMinutes(1).toInstant()));
    report.fireDueTimers();
    assertThat(report.openTaskKeys()).containsExactly("Task_SendReportPromptly");

    ClockUtil.setCurrentTime(Date.from(detectedAt.plusDays(3).plusMinutes(1).toInstant()));
    report.fireDueTimers();
    assertThat(report.openTaskKeys()).containsExactly("Task_CheckPromptReport", "Task_SendReportPromptly");
    assertThat(report.candidateGroups("Task_CheckPromptReport")).containsExactly("incident-lead");
    report.complete("Task_CheckPromptReport", "promptReportCheckNote", "明日までに通知するよう指示");
    report.sendReport("data-subjects");
    assertThat(report.instance()).hasPassed("EndEvent_PromptReportChecked", "EndEvent_ReportSent").isEnded();
  }

  @Test
  void shouldLetTheResponderCheckAStatementAgainstAChecklistWhenNoLawyerIsListed() {
    IncidentDriver report = start("public-notice", item("public-notice", "public-notice", "ウェブサイト等で公表する", false, null),
        now(), "contactLawyer", "未登録（管理者に連絡先リストへの登録を頼んでください）");

    assertThat(report.openTaskKeys()).containsExactly("Task_CheckStatement");
    assertThat(report.candidateGroups("Task_CheckStatement")).containsExactly("comms");
    report.complete("Task_CheckStatement", "statementChecks", SpinValues.jsonValue("[\"facts-only\",\"contact\"]").create(),
        "statementCheckNote", "推測の記述を削除した");

    assertThat(report.reportTasks().keySet()).containsExactly("public-notice");
    assertThat(report.instance()).hasNotPassed("Task_ReviewStatementWithLawyer");
  }

  @Test
  void shouldGoOnWithoutTheLawyerWhenTheResponderRecordsWhy() {
    IncidentDriver report = start("public-notice", item("public-notice", "public-notice", "ウェブサイト等で公表する", false, null),
        now(), "contactLawyer", "未登録", "lawyerReviewRequested", true);

    // Asked for, the lawyer's review comes first; a lawyer who cannot be reached does not hold the statement forever.
    report.complete("Task_ReviewStatementWithLawyer", "lawyerApproved", false, "proceedWithoutLawyer", true,
        "proceedWithoutLawyerReason", "弁護士が出張中で連絡が取れず、被害拡大を防ぐため公表を急ぐ");

    assertThat(report.reportTasks().keySet()).containsExactly("public-notice");
  }

  @Test
  void shouldLetTheLawyerReviewAPublicStatementBeforeItIsPublished() {
    IncidentDriver report = start("public-notice", item("public-notice", "public-notice", "ウェブサイト等で公表する", false, null),
        now(), "contactLawyer", "さくら法律事務所");

    assertThat((String) report.variable("reportDraft")).contains("1. 経緯", "3. 対応状況", "4. 再発防止策");
    report.complete("Task_ReviewStatementWithLawyer", "lawyerApproved", false, "lawyerComments", "推測を削除");
    assertThat(report.openTaskKeys()).containsExactly("Task_ReviewStatementWithLawyer");
    report.complete("Task_ReviewStatementWithLawyer", "lawyerApproved", true, "reportDraft", "確定した公表文");

    assertThat(report.reportTasks().keySet()).containsExactly("public-notice");
    report.sendReport("public-notice");
    assertThat(report.variable("reportDraft")).isEqualTo("確定した公表文");
  }

  @Test
  void shouldShowAFailedDraftAsAnIncidentInCockpitAfterRetrying() {
    IncidentDriver report = new IncidentDriver(engine, engine.getRuntimeService().startProcessInstanceByKey(PROCESS,
        "INC-TEST-" + UUID.randomUUID(), Map.of("reportItem", "ppc-preliminary",
            "reportItems", SpinValues.jsonValue("[" + item("ppc-preliminary", "ppc", "個人情報保護委員会に速報する", true, "PT72H") + "]")
                .create(),
            "detectedAt", "先週の月曜日")));

    for (int attempt = 1; attempt <= 3; attempt++) {
      Job job = engine.getManagementService().createJobQuery().processInstanceId(report.instance().getId()).singleResult();
      ClockUtil.setCurrentTime(job.getDuedate() == null ? new Date() : job.getDuedate());
      assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()))
          .hasStackTraceContaining("発覚日時 detectedAt が日時として読めない");
    }

    Incident incident = engine.getRuntimeService().createIncidentQuery()
        .processInstanceId(report.instance().getId()).singleResult();
    assertThat(incident.getActivityId()).isEqualTo("Task_PrepareReport");
    assertThat(incident.getIncidentMessage()).contains("発覚日時 detectedAt が日時として読めない");
  }

  @Test
  void shouldGoOnAsTheMandatoryReportWhenAVoluntaryOneBecomesMandatory() {
    IncidentDriver report = start("data-subjects", item("data-subjects", "data-subjects", "本人に通知する", false, null),
        now());
    assertThat(report.openTaskKeys()).containsExactly("Task_SendReport");

    // As the legal clock does it (ReportRounds): the new item, then the message to the task waiting as voluntary.
    engine.getRuntimeService().setVariables(report.instance().getId(), Map.of("reportItems", SpinValues.jsonValue(
        "[" + item("data-subjects", "data-subjects", "本人に通知する", true, null) + "]").create()));
    engine.getRuntimeService().createMessageCorrelation("ReportBecameMandatory")
        .processInstanceId(report.instance().getId()).correlate();
    report.runAsynchronousSteps();

    assertThat(report.openTaskKeys()).containsExactly("Task_SendReportPromptly");
    assertThat(report.variable("reportMandatory")).isEqualTo(true);
    assertThat(report.instance()).hasPassed("Event_ReportBecameMandatory");
  }

  @ParameterizedTest(name = "withdraw: {0}")
  @CsvSource({"true", "false"})
  void shouldLeaveItToTheLeadWhetherToWithdrawAReportNoLongerRequired(boolean withdraw) {
    IncidentDriver report = start("ppc-preliminary", item("ppc-preliminary", "ppc", "個人情報保護委員会に速報する", true, "PT72H"),
        now());

    engine.getRuntimeService().createMessageCorrelation("ReportNoLongerRequired")
        .processInstanceId(report.instance().getId()).correlate();

    assertThat(report.openTaskKeys()).containsExactlyInAnyOrder("Task_SendReportByDeadline", "Task_ReviewReportStillRequired");
    assertThat(report.candidateGroups("Task_ReviewReportStillRequired")).containsExactly("incident-lead");
    report.complete("Task_ReviewReportStillRequired", "withdrawReport", withdraw, "withdrawalReason", "暗号化されていた");
    if (withdraw) {
      assertThat(report.instance()).hasPassed("EndEvent_WithdrawalDecided", "EndEvent_ReportWithdrawn").isEnded();
    } else {
      assertThat(report.openTaskKeys()).containsExactly("Task_SendReportByDeadline");
      assertThat(report.instance()).hasPassed("EndEvent_ReportKept");
    }
  }
}
