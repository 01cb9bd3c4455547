package jp.smb.incident.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.smb.incident.record.IncidentRecord;
import jp.smb.incident.record.IncidentRecords;
import jp.smb.incident.record.RecordEntries;
import jp.smb.incident.reporting.FactCorrections;
import jp.smb.incident.reporting.ReportObligations;
import jp.smb.incident.reporting.ReportingFacts;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
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
 * Every path of the six-step plan (docs/domain.md §Procedures), with the real diagrams, decisions, forms and delegates deployed.
 * The test profile is a sole proprietor, as the plan's own example is; the company case sets the flag the
 * profile would.
 */
@SpringBootTest
@ActiveProfiles("processtest")
@Import(ProcessCoverage.class)
class SixStepIncidentResponseProcessTest {

  static final String PROCESS = "six-step-incident-response";

  @Autowired
  ProcessEngine engine;

  @Autowired
  IncidentRecords records;

  @Autowired
  MeterRegistry meters;

  @Autowired
  ReportObligations obligations;

  @Autowired
  FactCorrections corrections;

  @BeforeEach
  void registerEngine() {
    BpmnAwareTests.init(engine);
    TestDay.begin();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private IncidentDriver report(String incidentType, Object... extra) {
    Map<String, Object> report = new HashMap<>(Map.of(
        "incidentTitle", "顧客から情報漏えいの指摘",
        "incidentType", incidentType,
        "detectedAt", "2026-11-24T09:30+09:00",
        "eventDescription", "顧客から、当社宛のメールアドレスに不審なメールが届いたと連絡があった",
        "reportSource", "external",
        "externalReporterContact", "customer@example.jp"));
    for (int i = 0; i < extra.length; i += 2) {
      report.put((String) extra[i], extra[i + 1]);
    }
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(PROCESS, report);
    return new IncidentDriver(engine, instance);
  }

  /** Step 1: record what is known at once, then isolate. */
  private IncidentDriver detectAndIsolate(String incidentType, Object... extra) {
    IncidentDriver incident = report(incidentType, extra);
    assertThat(incident.candidateGroups("Task_RecordSituation")).containsExactly("incident-lead", "tech");
    incident.complete("Task_RecordSituation", "occurredAt", "2026-11-23T22:00+09:00",
        "affectedSystems", "受付用PC 1台", "affectedInformation", "顧客名簿", "isIncident", true);
    assertThat(incident.candidateGroups("Task_IsolateAffectedSystems")).containsExactly("tech");
    incident.complete("Task_IsolateAffectedSystems", "networkDisconnected", true, "passwordsReset", true,
        "powerKeptOn", true, "isolationNote", "LANケーブルを抜き、メールのパスワードを変更した");
    incident.containByType();
    return incident;
  }

  /** Step 2 with the facts that decide severity and reporting. */
  private void investigate(IncidentDriver incident, boolean forensicsNeeded, Object... facts) {
    assertThat(incident.candidateGroups("Task_CollectEvidence")).containsExactly("tech");
    incident.complete("Task_CollectEvidence", "evidenceItems", "PCのメモリとディスクの複製", "evidenceCollectedBeforeChange",
        true, "forensicsNeeded", forensicsNeeded);
    if (forensicsNeeded) {
      assertThat(incident.candidateGroups("Task_ArrangeForensics")).containsExactly("incident-lead");
      incident.complete("Task_ArrangeForensics", "forensicsVendor", "保険会社紹介の調査会社", "forensicsScope", "受付用PC");
    }
    incident.complete("Task_AnalyzeLogs", "collectedLogs", "UTMとPCのログ 11/20-11/24", "suspectedCause", "添付ファイルの実行");
    Object[] impact = new Object[facts.length + 4];
    impact[0] = "affectedCustomerData";
    impact[1] = "氏名とメールアドレス";
    impact[2] = "affectedPersons";
    impact[3] = 120L;
    System.arraycopy(facts, 0, impact, 4, facts.length);
    incident.complete("Task_DetermineImpact", impact);
    // A business stop found only now activates the BCP (the executive's), as it would have in step 1.
    incident.completeIfOpen("Task_ActivateBusinessContinuityPlan", "continuityActions", "手書き伝票で受注を続ける");
  }

  private void recoverAfterPlaybook(IncidentDriver incident) {
    incident.complete("Task_EliminateRootCause", "rootCauseEliminationNote", "マルウェアを駆除し、PCを初期化した")
        .complete("Task_StrengthenSecurity", "patchesApplied", true, "hardeningNote", "OSを更新し、マクロを無効にした");
  }

  private void reportNothing(IncidentDriver incident) {
    incident.complete("Task_DecideExternalReporting", "reportingApproach", "報告の対象なし");
  }

  private void preventAndClose(IncidentDriver incident) {
    incident.complete("Task_AnalyzeRootCause", "rootCause", "ソフトの更新遅れ")
        .complete("Task_ImplementPreventiveMeasures", "preventionMeasures", "自動更新を有効にした")
        .complete("Task_ReviseSecurityPolicy", "policyRevision", "更新の手順を追記した");
    assertThat(incident.candidateGroups("Task_ArchiveRecords")).containsExactly("incident-lead");
    incident.complete("Task_ArchiveRecords", "recordsArchived", "ログ、調査報告書、連絡文書", "recordsLocation", "金庫の外付けディスク")
        .complete("Task_ReviewResponse", "responseEffectiveness", "隔離が早かった", "responseImprovements", "連絡先を更新する");
    assertThat(incident.instance()).hasPassed("EndEvent_RecordClosed", "EndEvent_IncidentClosed").isEnded();
  }

  /** The end of day {@code days}, today (in Japan) being day 1. */
  private static Date endOfDayFromToday(int days) {
    java.time.ZoneId tokyo = java.time.ZoneId.of("Asia/Tokyo");
    return Date.from(TestDay.DATE.plusDays(days - 1L).atTime(23, 59, 59).atZone(tokyo).toInstant());
  }

  @Test
  void shouldCloseAFalseAlarmWithTheReason() {
    IncidentDriver incident = report("other");

    incident.complete("Task_RecordSituation", "affectedSystems", "なし", "isIncident", false,
        "notIncidentReason", "迷惑メールで、添付は開いていない");

    assertThat(incident.instance()).hasPassed("EndEvent_NotAnIncident", "EndEvent_ClosedAsNotAnIncident").isEnded();
    assertThat(incident.instance()).hasNotPassed("Task_IsolateAffectedSystems");
    assertThat(incident.variable("notIncidentReason")).isEqualTo("迷惑メールで、添付は開いていない");
    IncidentRecord record = records.find(incident.businessKey()).orElseThrow();
    assertThat(record.state()).isEqualTo(IncidentRecord.State.NOT_AN_INCIDENT);
    assertThat(records.timeline(incident.businessKey())).last()
        .extracting(RecordEntries.TimelineEntry::detail).isEqualTo("迷惑メールで、添付は開いていない");
  }

  @Test
  void shouldRunARansomwareIncidentThroughAllSixStepsForASoleProprietor() {
    IncidentDriver incident = detectAndIsolate("ransomware");
    investigate(incident, true, "personalDataLeaked", "yes", "businessAffected", "yes");
    assertThat(incident.variable("severityLevel")).isEqualTo(3);

    // The leak recorded, the legal clock opened the 速報 and the 本人通知 at once, before step 4 (a 確報 follows its
    // 速報). Once the damage is established, recovery and external reporting start together. A sole proprietor is
    // not asked to report the findings to himself.
    assertThat(incident.reportTasks().keySet()).containsExactlyInAnyOrder("ppc-preliminary", "data-subjects");
    assertThat(incident.openStepKeys()).containsExactly("Task_DecideExternalReporting", "Task_StopInfectedDevices");
    assertThat(incident.candidateGroups("Task_DecideExternalReporting")).containsExactly("incident-lead");
    incident.complete("Task_DecideExternalReporting", "personalDataLeaked", "yes", "affectedPersons", 120L,
        "partnersAffected", true, "cyberInsured", true, "wideImpact", true, "crimeSuspected", true);

    // Ransomware is an attack: improper purpose, so the PPC gets a 速報 and a 確報 within 60 days of awareness.
    Map<String, Task> reports = incident.reportTasks();
    // The 確報 follows once the 速報 is sent.
    assertThat(reports.keySet()).containsExactlyInAnyOrder("ppc-preliminary", "data-subjects", "police",
        "ipa", "partners", "insurer");
    assertThat(reports.get("ppc-preliminary").getName()).isEqualTo("個人情報保護委員会に速報する");
    // The situation record said no personal data; the investigation found it: the clock runs from that finding.
    assertThat(reports.get("ppc-preliminary").getDueDate()).isEqualTo(endOfDayFromToday(3));
    incident.sendReport("ppc-preliminary");
    assertThat(incident.reportTasks().get("ppc-final").getDueDate()).isEqualTo(endOfDayFromToday(60));
    assertThat(reports.get("police").getDueDate()).isNull();
    assertThat(incident.candidateGroups("Task_ReviewStatementWithLawyer")).containsExactly("comms");
    incident.sendAllReports();

    // The statement is published only after the lawyer has cleared it; a correction comes back for review.
    incident.complete("Task_ReviewStatementWithLawyer", "lawyerApproved", false, "lawyerComments", "推測の記述を削除",
            "reportDraft", "第一案")
        .complete("Task_ReviewStatementWithLawyer", "lawyerApproved", true, "reportDraft", "第二案");
    assertThat(incident.reportTasks().keySet()).containsExactly("public-notice");
    incident.sendReport("public-notice");

    // Step 5 waits for recovery too: 排除 → 強化 → 復旧, the backup restored only once the cause is gone.
    assertThat(incident.openTaskKeys()).containsExactly("Task_StopInfectedDevices");
    incident.complete("Task_StopInfectedDevices", "stoppedDevices", "受付用PC")
        .complete("Task_CheckBackups", "backupUsable", true, "backupStatus", "11/22 の外付けディスク");
    assertThat(incident.openTaskKeys()).containsExactly("Task_EliminateRootCause");
    recoverAfterPlaybook(incident);
    assertThat(incident.openTaskKeys()).containsExactly("Task_RecoverData");
    incident.complete("Task_RecoverData", "backupUsed", "11/22 の外付けディスク", "recoveryNote", "顧客名簿を復元");

    preventAndClose(incident);
    assertThat(incident.instance()).hasNotPassed("Task_ReviewFindings");

    // The record keeps every step, decision and report, independent of engine history.
    IncidentRecord record = records.find(incident.businessKey()).orElseThrow();
    assertThat(record.state()).isEqualTo(IncidentRecord.State.CLOSED);
    assertThat(record.procedureKey()).isEqualTo(PROCESS);
    assertThat(record.severityLevel()).isEqualTo(3);
    assertThat(record.occurredAt()).isEqualTo(OffsetDateTime.parse("2026-11-23T22:00+09:00"));
    assertThat(record.containedAt()).isNotNull();
    assertThat(record.recoveredAt()).isAfterOrEqualTo(record.containedAt());
    assertThat(record.closedAt()).isAfterOrEqualTo(record.recoveredAt());
    assertThat(record.suspectedCause()).isEqualTo("添付ファイルの実行");
    assertThat(record.rootCause()).isEqualTo("ソフトの更新遅れ");
    assertThat(record.preventionMeasures()).isEqualTo("自動更新を有効にした");
    assertThat(records.timeline(incident.businessKey())).extracting(RecordEntries.TimelineEntry::title)
        .startsWith("インシデントを受け付けた", "状況を確認し記録する", "法定の報告先と期限を判定する",
            "機器を隔離しアカウントを保護する")
        .contains("事故レベルを判定する", "報告先と期限を判定する", "個人情報保護委員会に速報する", "全対応記録を保管する")
        .endsWith("対応全体を振り返る", "対応を完了した");
    for (String metric : new String[] {"incident.time.to.detect", "incident.time.to.contain", "incident.time.to.recover"}) {
      assertThat(meters.find(metric).tag("procedure", PROCESS).timer()).as(metric).isNotNull()
          .satisfies(timer -> assertThat(timer.count()).isPositive());
    }
    assertThat(records.reportsSent(incident.businessKey())).extracting(RecordEntries.ReportSent::reportItem)
        .containsExactlyInAnyOrder("ppc-preliminary", "ppc-final", "data-subjects", "police", "ipa", "partners",
            "insurer", "public-notice");
  }

  @Test
  void shouldLetTheIncidentLeadReviewTheFindingsInACompany() {
    IncidentDriver incident = detectAndIsolate("other", "soleProprietor", false);
    investigate(incident, false, "employeeWorkAffected", "yes");

    assertThat(incident.variable("severityLevel")).isEqualTo(1);
    assertThat(incident.candidateGroups("Task_ReviewFindings")).containsExactly("incident-lead");
    incident.complete("Task_ReviewFindings", "findingsReviewNote", "復旧を優先する");

    assertThat(incident.openTaskKeys()).containsExactly("Task_DecideExternalReporting", "Task_EliminateRootCause");
    assertThat(incident.instance()).hasNotPassed("Task_ArrangeForensics");
  }

  @Test
  void shouldWaitForBothRecoveryAndReportingBeforePrevention() {
    IncidentDriver incident = detectAndIsolate("other");
    investigate(incident, false, "businessAffected", "yes");

    reportNothing(incident);
    // No report is needed: no reporting task, and step 5 still waits for recovery.
    assertThat(incident.openTaskKeys()).containsExactly("Task_EliminateRootCause");
    assertThat(incident.variable("reportingSummary")).isEqualTo("報告が必要な相手はいません");
    recoverAfterPlaybook(incident);
    assertThat(incident.candidateGroups("Task_RecoverData")).containsExactly("tech");
    incident.complete("Task_RecoverData", "backupUsed", "11/22 のバックアップ", "recoveryNote", "共有フォルダを復旧");

    assertThat(incident.openTaskKeys()).containsExactly("Task_AnalyzeRootCause");
    preventAndClose(incident);
    assertThat(incident.instance()).hasPassed("Task_DetermineReportingObligations", "Gateway_RecoveryAndReportingDone");
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
      "ransomware,          malware-playbook,       Task_StopInfectedDevices",
      "malware,             malware-playbook,       Task_StopInfectedDevices",
      "unauthorized-access, data-leak-playbook,     Task_BlockUnauthorizedAccess",
      "loss,                data-leak-playbook,     Task_SearchForLostItem",
      "system-outage,       system-outage-playbook, Task_IdentifyOutageCause"})
  void shouldRecoverEachIncidentTypeThroughTheSharedPlaybook(String incidentType, String playbook, String firstTask) {
    IncidentDriver incident = detectAndIsolate(incidentType);
    investigate(incident, false, "crimeSuspected", true, "businessAffected", "yes");

    assertThat(incident.openTaskKeys()).containsExactlyInAnyOrder(firstTask, "Task_DecideExternalReporting");
    HistoricProcessInstance called = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .superProcessInstanceId(incident.instance().getId()).processDefinitionKey(playbook).singleResult();
    assertThat(called.getBusinessKey()).isEqualTo(incident.businessKey());

    switch (playbook) {
      case "malware-playbook" -> incident.complete(firstTask, "stoppedDevices", "PC")
          .complete("Task_CheckBackups", "backupUsable", false)
          .complete("Task_DecideRecoveryWithoutBackup", "recoveryDecision", "再構築する");
      case "data-leak-playbook" -> incident.complete(firstTask);
      default -> incident.complete(firstTask, "outageCauseIdentified", false)
          .complete("Task_InvestigateAsSecurityIssue", "securityInvestigationNote", "不正アクセスの痕跡なし");
    }

    assertThat(incident.openTaskKeys()).containsExactly("Task_DecideExternalReporting", "Task_EliminateRootCause");
    recoverAfterPlaybook(incident);
    // Every type restores last, after the cause is removed and security strengthened.
    assertThat(incident.openTaskKeys()).containsExactly("Task_DecideExternalReporting", "Task_RecoverData");
  }

  @Test
  void shouldFollowATypeCorrectedWhenTheImpactIsDetermined() {
    IncidentDriver incident = detectAndIsolate("system-outage");
    investigate(incident, false, "incidentType", "ransomware", "businessAffected", "yes");

    // Found to be ransomware: the malware playbook, and the police in the reporting decision.
    assertThat(incident.openTaskKeys()).containsExactly("Task_DecideExternalReporting", "Task_StopInfectedDevices");
    incident.complete("Task_DecideExternalReporting", "reportingApproach", "警察に相談する");
    assertThat(incident.reportTasks().keySet()).contains("police", "ipa");
    assertThat(records.find(incident.businessKey()).orElseThrow().incidentType()).isEqualTo("ransomware");
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
      "insider,        Task_SuspendInsiderAccess,       insiderAccessSuspended",
      "misdelivery,    Task_RequestDeletionByRecipient, misdeliveryRecipients",
      "mispublication, Task_WithdrawPublication,        publicationWithdrawn"})
  void shouldContainByTypeInStepOneAndActivateTheBcpWhenTheBusinessStops(String incidentType, String containmentTask,
      String result) {
    IncidentDriver incident = report(incidentType);
    incident.complete("Task_RecordSituation", "affectedSystems", "受付用PC", "isIncident", true, "businessAffected", "yes")
        .complete("Task_IsolateAffectedSystems", "networkDisconnected", true, "isolationNote", "切断した");

    // Still in step 1: the type's own containment and, the business being stopped, the BCP beside it.
    assertThat(incident.openTaskKeys()).containsExactly("Task_ActivateBusinessContinuityPlan", containmentTask);
    incident.complete(containmentTask, result, "済み")
        .complete("Task_ActivateBusinessContinuityPlan", "continuityActions", "手書き伝票で受注");
    assertThat(incident.openTaskKeys()).containsExactly("Task_CollectEvidence");

    // Step 3's leak playbook goes straight through: nothing is asked twice.
    investigate(incident, false, "businessAffected", "yes");
    assertThat(incident.openTaskKeys()).containsExactly("Task_DecideExternalReporting", "Task_EliminateRootCause");
    assertThat(incident.variable(result)).isEqualTo("済み");
  }

  @ParameterizedTest(name = "{0} overdue after {1} min → {2} for {3}")
  @CsvSource({
      "Task_RecordSituation,        30, Task_HandleOverdueTriage,          executive,     triageEscalationNote",
      "Task_IsolateAffectedSystems, 60, Task_HandleOverdueInitialResponse, incident-lead, overdueInstruction"})
  void shouldEscalateAStepOneTaskThatStaysOpenWithoutCancellingIt(String step, int minutes, String escalation,
      String group, String note) {
    IncidentDriver incident = report("malware");
    if (step.equals("Task_IsolateAffectedSystems")) {
      incident.complete("Task_RecordSituation", "affectedSystems", "受付用PC", "isIncident", true);
    }
    org.camunda.bpm.engine.runtime.Job timer = engine.getManagementService().createJobQuery()
        .processInstanceId(incident.instance().getId()).timers().singleResult();
    assertThat(timer.getDuedate()).isCloseTo(new Date(TestDay.now().toEpochMilli() + minutes * 60_000L), 60_000L);

    ClockUtil.setCurrentTime(timer.getDuedate());
    incident.fireDueTimers();

    assertThat(incident.openTaskKeys()).containsExactlyInAnyOrder(step, escalation);
    assertThat(incident.candidateGroups(escalation)).containsExactly(group);
    // The owner holds every role: nobody in the chain is left, so the first round already names whom to call outside.
    assertThat((String) engine.getTaskService().getVariable(incident.task(escalation).getId(), "escalationAdvice"))
        .startsWith("1回目").contains("外部の支援先に電話", "試験お助け隊 0120-000-000", "cs-support@ipa.go.jp");
    incident.complete(escalation, note, "電話で状況を確認した");
    assertThat(incident.openTaskKeys()).containsExactly(step);

    // Still not done two hours later: asked again.
    ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 2 * 3_600_000L));
    incident.fireDueTimers();
    assertThat(incident.openTaskKeys()).containsExactlyInAnyOrder(step, escalation);
    assertThat((String) engine.getTaskService().getVariable(incident.task(escalation).getId(), "escalationAdvice"))
        .startsWith("2回目");
  }

  @Test
  void shouldCarryTheOrganisationsProfileAndContactsIntoEveryIncident() {
    IncidentDriver incident = report("other");

    assertThat(incident.variable("soleProprietor")).isEqualTo(true);
    assertThat(incident.variable("contactLawyer")).isEqualTo("試験法律事務所 03-0000-0000");
    assertThat((String) incident.variable("contactPolice")).startsWith("未登録");
    assertThat(incident.businessKey()).startsWith("INC-");
  }

  @Test
  void shouldOfferEveryStepToTheOnePersonWhoHoldsEveryRole() {
    IncidentDriver incident = detectAndIsolate("ransomware");
    investigate(incident, true, "personalDataLeaked", "yes");
    incident.complete("Task_StopInfectedDevices", "stoppedDevices", "受付用PC")
        .complete("Task_CheckBackups", "backupUsable", true);
    recoverAfterPlaybook(incident);
    incident.complete("Task_DecideExternalReporting", "partnersAffected", true, "cyberInsured", true);

    // In the sole-proprietor profile the administrator is the owner and a member of every role group.
    List<Task> offeredToOwner = engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(incident.businessKey()).taskCandidateUser("admin").list();
    assertThat(offeredToOwner).hasSize(incident.openTaskKeys().size());
    assertThat(offeredToOwner).extracting(Task::getName).contains("取引先・顧客に事実を報告する",
        "保険会社に事故を報告し保険金を請求する", "個人情報保護委員会に速報する");
  }

  @Test
  void shouldOpenTheMandatoryPreliminaryReportAsSoonAsTheSituationIsRecordedWhateverTheInvestigationDoes() {
    IncidentDriver incident = report("ransomware");

    // 不明 is おそれ: ransomware on the PC with customer data is reportable until shown otherwise.
    incident.complete("Task_RecordSituation", "affectedSystems", "顧客名簿のある受付用PC", "isIncident", true,
        "personalDataLeaked", "unknown");

    Map<String, Task> reports = incident.reportTasks();
    assertThat(reports.keySet()).containsExactlyInAnyOrder("ppc-preliminary", "data-subjects");
    assertThat(reports.get("ppc-preliminary").getDueDate())
        .isEqualTo(Date.from(OffsetDateTime.parse("2026-11-26T23:59:59+09:00").toInstant()));
    assertThat(incident.openStepKeys()).containsExactly("Task_IsolateAffectedSystems");
    assertThat(incident.instance()).hasPassed("Task_DecideStatutoryReports").hasNotPassed("Task_CollectEvidence");
    assertThat(obligations.of(incident.businessKey()))
        .extracting(o -> o.item() + ":" + o.mandatory() + ":" + o.state() + ":" + (o.dueAt() != null))
        .containsExactly("ppc-preliminary:true:open:true", "ppc-final:true:open:true", "data-subjects:true:open:false");
  }

  @Test
  void shouldUpgradeAVoluntaryReportInPlaceWhenAFactFoundLaterMakesItMandatory() {
    IncidentDriver incident = detectAndIsolate("loss");
    investigate(incident, false, "personalDataLeaked", "yes", "businessAffected", "no");
    incident.complete("Task_SearchForLostItem")
        .complete("Task_DecideExternalReporting", "personalDataLeaked", "yes", "affectedPersons", 120L);
    // 120 people's ordinary data, lost: the PPC and the people may be told, nothing is due.
    assertThat(incident.openTaskKeys()).contains("Task_SendReport");
    assertThat(incident.reportTasks().keySet()).containsExactlyInAnyOrder("ppc", "data-subjects");

    // Then the lead learns the list held medical histories (要配慮個人情報).
    corrections.correct(incident.businessKey(), ReportingFacts.variables(Map.of("sensitiveData", true)), "admin");
    incident.runAsynchronousSteps();

    // The same two threads go on as mandatory reports: no voluntary twin, a deadline and a reminder added.
    Map<String, Task> reports = incident.reportTasks();
    assertThat(reports.keySet()).containsExactlyInAnyOrder("ppc-preliminary", "data-subjects");
    assertThat(reports.get("ppc-preliminary").getTaskDefinitionKey()).isEqualTo("Task_SendReportByDeadline");
    // Detected on 24 November, but reportable only since the lead learned it today: the 速報 counts from today.
    java.time.ZoneId tokyo = java.time.ZoneId.of("Asia/Tokyo");
    assertThat(reports.get("ppc-preliminary").getDueDate()).isEqualTo(endOfDayFromToday(3));
    assertThat(obligations.of(incident.businessKey())).filteredOn(o -> o.item().equals("ppc-preliminary"))
        .singleElement().satisfies(o -> assertThat(o.awareAt()).isCloseTo(OffsetDateTime.ofInstant(TestDay.now(), tokyo),
            org.assertj.core.api.Assertions.within(5, java.time.temporal.ChronoUnit.MINUTES)));
    assertThat((String) engine.getTaskService().getVariable(reports.get("ppc-preliminary").getId(), "reportDraft"))
        .as("the draft prints that time").contains(TestDay.today().getMonthValue() + "月"
            + TestDay.today().getDayOfMonth() + "日");
    assertThat(reports.get("data-subjects").getTaskDefinitionKey()).isEqualTo("Task_SendReportPromptly");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("report-to-recipient")
        .processInstanceBusinessKey(incident.businessKey()).count()).as("two threads and the waiting 確報").isEqualTo(3);
    assertThat(obligations.of(incident.businessKey())).extracting(o -> o.item() + ":" + o.mandatory())
        .containsExactly("ppc-preliminary:true", "ppc-final:true", "data-subjects:true");
    assertThat(records.timeline(incident.businessKey())).extracting(RecordEntries.TimelineEntry::detail)
        .contains("sensitiveData = true");

    incident.sendReport("ppc-preliminary");
    assertThat(incident.reportTasks().keySet()).contains("ppc-final");
    assertThat(obligations.of(incident.businessKey())).filteredOn(o -> o.item().equals("ppc-preliminary"))
        .extracting(ReportObligations.Obligation::state).containsExactly("sent");

    // Step 5 waits for step 4's reports, not for the 確報, whose item (8) reads the measures step 5 records.
    incident.sendReport("data-subjects");
    recoverAfterPlaybook(incident);
    incident.complete("Task_RecoverData", "backupUsed", "前日のバックアップ", "recoveryNote", "復元した");
    assertThat(incident.openStepKeys()).contains("Task_AnalyzeRootCause");
    assertThat(incident.reportTasks().keySet()).containsExactly("ppc-final");
  }

  @Test
  void shouldActivateTheBcpWhenTheBusinessIsFoundStoppedOnlyLater() {
    IncidentDriver incident = report("malware");
    incident.complete("Task_RecordSituation", "affectedSystems", "受付用PC", "isIncident", true,
            "businessAffected", "unknown")
        .complete("Task_IsolateAffectedSystems", "networkDisconnected", true, "isolationNote", "切断した");
    assertThat(incident.hadTask("Task_ActivateBusinessContinuityPlan")).as("not known to be stopped yet").isFalse();
    incident.complete("Task_CollectEvidence", "evidenceItems", "PCのディスクの複製", "evidenceCollectedBeforeChange", true,
        "forensicsNeeded", false);

    // The order system turns out to have been down since the morning.
    incident.complete("Task_AnalyzeLogs", "collectedLogs", "PCのログ", "businessAffected", "yes");

    assertThat(incident.openTaskKeys()).contains("Task_ActivateBusinessContinuityPlan", "Task_DetermineImpact");
    assertThat(incident.candidateGroups("Task_ActivateBusinessContinuityPlan")).containsExactly("executive");
    incident.complete("Task_ActivateBusinessContinuityPlan", "continuityActions", "電話と紙で受注する");
    incident.complete("Task_DetermineImpact", "affectedCustomerData", "なし", "businessAffected", "yes");
    assertThat(incident.openTaskKeys()).doesNotContain("Task_ActivateBusinessContinuityPlan");
    assertThat(incident.instance()).hasPassed("EndEvent_ContinuityPlanActivated");
  }

  @Test
  void shouldLetTheLeadWithdrawAMandatoryReportWithAReasonWhenTheFactsNoLongerRequireIt() {
    IncidentDriver incident = report("ransomware");
    incident.complete("Task_RecordSituation", "affectedSystems", "受付用PC", "isIncident", true,
        "personalDataLeaked", "unknown");
    assertThat(incident.reportTasks().keySet()).containsExactlyInAnyOrder("ppc-preliminary", "data-subjects");

    // The PC turns out to hold no personal data: the reports stay until the lead decides, one question each.
    corrections.correct(incident.businessKey(), ReportingFacts.variables(Map.of("personalDataLeaked", "no")), "admin");
    List<Task> questions = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(incident.businessKey())
        .taskDefinitionKey("Task_ReviewReportStillRequired").list();
    assertThat(questions).hasSize(3);
    assertThat(incident.reportTasks().keySet()).containsExactlyInAnyOrder("ppc-preliminary", "data-subjects");
    corrections.correct(incident.businessKey(), ReportingFacts.variables(Map.of("affectedPersons", 0)), "admin");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(incident.businessKey())
        .taskDefinitionKey("Task_ReviewReportStillRequired").count()).as("asked once").isEqualTo(3);

    for (Task question : questions) {
      String item = (String) engine.getTaskService().getVariable(question.getId(), "reportItem");
      assertThat(incident.candidateGroupsOf(question)).containsExactly("incident-lead");
      engine.getTaskService().complete(question.getId(), item.equals("data-subjects")
          ? Map.of("withdrawReport", false)
          : Map.of("withdrawReport", true, "withdrawalReason", "受付用PCに顧客データはなかった（ログで確認）"));
    }

    assertThat(incident.reportTasks().keySet()).containsExactly("data-subjects");
    assertThat(obligations.of(incident.businessKey()))
        .extracting(o -> o.item() + ":" + o.state() + ":" + o.withdrawalReason())
        .containsExactly("ppc-preliminary:withdrawn:受付用PCに顧客データはなかった（ログで確認）",
            "ppc-final:withdrawn:受付用PCに顧客データはなかった（ログで確認）", "data-subjects:open:null");
  }
}
