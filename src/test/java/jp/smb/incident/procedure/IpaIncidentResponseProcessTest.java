package jp.smb.incident.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jp.smb.incident.contract.ResponseRole;
import jp.smb.incident.record.IncidentRecord;
import jp.smb.incident.record.IncidentRecords;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** Every path of IPA's three-stage procedure, with the real diagrams, decision and delegates deployed. */
@SpringBootTest
@ActiveProfiles("processtest")
@Import(ProcessCoverage.class)
class IpaIncidentResponseProcessTest {

  static final String PROCESS = "ipa-incident-response";

  @Autowired
  ProcessEngine engine;

  @Autowired
  IncidentRecords records;

  @BeforeEach
  void registerEngine() {
    BpmnAwareTests.init(engine);
    TestDay.begin();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private IncidentDriver report(String incidentType) {
    Map<String, Object> report = new HashMap<>(Map.of(
        "incidentTitle", "ファイルサーバーが開けない",
        "incidentType", incidentType,
        "detectedAt", "2026-11-24T09:30+09:00",
        "eventDescription", "共有フォルダのファイルの拡張子が変わり、開けなくなった",
        "reportSource", "internal"));
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(PROCESS, report);
    return new IncidentDriver(engine, instance);
  }

  /** Stage 1 up to containment for an incident whose facts give the level under test. */
  private IncidentDriver reportAndContain(String incidentType, Object... facts) {
    IncidentDriver incident = report(incidentType);
    Object[] triage = concat(new Object[] {"isIncident", true}, facts);
    incident.complete("Task_TriageReport", triage)
        .complete("Task_ReportToExecutive", "executiveReport", "社長に電話で報告", "executiveReportedAt", "2026-11-24T10:00+09:00")
        .complete("Task_SetUpResponseTeam", "responseLeader", "情報システム課 佐藤", "responseMembers", "鈴木: 調査")
        .complete("Task_ContainIncident", concat(new Object[] {
            "containmentNote", "LANケーブルを抜いた", "powerKeptOn", true, "externallyReachable", false,
            "damageMaySpread", true}, facts))
        .containByType();
    return incident;
  }

  /** Stage 2 with whatever reports the facts call for, each sent, and a final report to the affected parties. */
  private void reportWithoutDisclosure(IncidentDriver incident) {
    incident.complete("Task_DecideFirstReport", "firstReportPlan", "取引先に電話で第一報")
        .sendAllReports()
        .complete("Task_ReportToAffectedParties", "affectedPartiesReport", "最終報", "compensationNeeded", false,
            "finalReport", true);
    reportDisclosureToExecutive(incident);
  }

  /** Stage 2 ends with its report to the executive, once its reports are all sent. */
  private static void reportDisclosureToExecutive(IncidentDriver incident) {
    incident.completeIfOpen("Task_ReportDisclosureToExecutive", "progressReport", "報告・公表の状況を報告した");
  }

  private void investigate(IncidentDriver incident, boolean inHouseCapable, Object... facts) {
    incident.complete("Task_CollectEvidence", "evidenceItems", "ログを保存", "evidenceCollectedBeforeChange", true,
            "forensicsNeeded", false)
        .complete("Task_InvestigateIncident", concat(new Object[] {"occurredAt", "2026-11-23T22:00+09:00",
            "suspectedCause", "VPN機器の脆弱性", "inHouseCapable", inHouseCapable, "crimeSuspected", false}, facts))
        .complete("Task_ReportProgressToExecutive", "progressReport", "調査状況を報告");
  }

  private void recover(IncidentDriver incident) {
    incident.complete("Task_RepairSystems", "repairNote", "パッチ適用")
        .complete("Task_ConfirmAndRestore", "repairConfirmed", true, "restoredAt", "2026-11-25T18:00+09:00",
            "restorationNote", "業務再開")
        .complete("Task_ReportRecoveryToExecutive", "recoveryReport", "復旧を報告")
        .complete("Task_PreventRecurrence", "rootCause", "パッチ未適用", "preventionMeasures", "更新手順を定める");
  }

  private void close(IncidentDriver incident) {
    // Reports the investigation called for go on beside recovery; the 最終報 follows both.
    incident.sendAllReports();
    reportDisclosureToExecutive(incident);
    incident.complete("Task_SendFinalReport", "finalReportContent", "取引先に対応状況と再発防止策を報告した");
    incident.complete("Task_CloseIncident", "closingSummary", "完了", "recordsKept", true);
    assertThat(incident.instance()).hasPassed("EndEvent_IncidentClosed").isEnded();
  }

  @Test
  void shouldNumberEachIncidentAndKeepTheReportedFacts() {
    IncidentDriver first = report("other");
    IncidentDriver second = report("other");

    // Numbered in the year of the engine's clock, which the test day fixes.
    String prefix = "INC-" + TestDay.today().getYear() + "-";
    assertThat(first.businessKey()).matches(prefix + "\\d{4}");
    int firstNumber = Integer.parseInt(first.businessKey().substring(prefix.length()));
    assertThat(second.businessKey()).isEqualTo(String.format("%s%04d", prefix, firstNumber + 1));
    assertThat(first.variable("detectedAt")).isEqualTo("2026-11-24T09:30+09:00");
    assertThat(first.variable("incidentNumber")).isEqualTo(first.businessKey());
    assertThat(first.candidateGroups("Task_TriageReport")).containsExactly("incident-lead");
  }

  @Test
  void shouldRecordTheStartAsAwarenessWhenTheReportGivesNoTime() {
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(PROCESS,
        Map.of("incidentTitle", "不審なメール", "incidentType", "other", "eventDescription", "添付を開いた"));

    assertThat((String) new IncidentDriver(engine, instance).variable("detectedAt")).matches("\\d{4}-\\d{2}-\\d{2}T.*");
  }

  @Test
  void shouldEndWithTheReasonWhenItIsNotAnIncident() {
    IncidentDriver incident = report("other");

    incident.complete("Task_TriageReport", "isIncident", false, "notIncidentReason", "迷惑メールで、開封していない");

    assertThat(incident.instance()).hasPassed("EndEvent_NotAnIncident", "EndEvent_ClosedAsNotAnIncident").isEnded();
    assertThat(incident.variable("notIncidentReason")).isEqualTo("迷惑メールで、開封していない");
  }

  @Test
  void shouldLetTheSystemAdministratorHandleALevelZeroPrecursor() {
    IncidentDriver incident = report("other");

    incident.complete("Task_TriageReport", "isIncident", true, "precursorOnly", true);
    assertThat(incident.candidateGroups("Task_HandlePrecursorEvent")).containsExactly("sysadmin");
    incident.complete("Task_HandlePrecursorEvent", "precursorAction", "不審なログインを遮断した");

    assertThat(incident.instance()).hasPassed("EndEvent_PrecursorHandled", "EndEvent_ClosedAsPrecursor").isEnded();
    assertThat(incident.variable("severityLevel")).isEqualTo(0);
  }

  @Test
  void shouldGoOnAsTheSameIncidentWhenAPrecursorTurnsOutToBeOne() {
    IncidentDriver incident = report("unauthorized-access");
    incident.complete("Task_TriageReport", "isIncident", true, "precursorOnly", true);

    // The blocked login was not the first: data was taken. Same number, same detection time, back to triage.
    incident.complete("Task_HandlePrecursorEvent", "precursorAction", "不審なログインを遮断した", "escalateToIncident", true);
    assertThat(incident.openTaskKeys()).containsExactly("Task_TriageReport");
    incident.complete("Task_TriageReport", "isIncident", true, "precursorOnly", false, "personalDataLeaked", "yes",
        "businessAffected", "no");

    assertThat(incident.ended()).isFalse();
    assertThat(incident.variable("severityLevel")).isEqualTo(3);
    assertThat(incident.openStepKeys()).contains("Task_ContainIncident", "Task_ReportToExecutive");
    assertThat(incident.reportTasks().keySet()).contains("ppc-preliminary");
    assertThat(incident.variable("detectedAt")).isEqualTo("2026-11-24T09:30+09:00");
    assertThat(incident.instance()).hasPassed("Gateway_PrecursorBecameIncident").hasNotPassed("EndEvent_PrecursorHandled");
  }

  @ParameterizedTest(name = "{0} → level {1}, {2}")
  @CsvSource({
      "externalPartiesAffected, 3, executive",
      "personalDataLeaked,      3, executive",
      "businessAffected,        2, incident-lead",
      "employeeWorkAffected,    1, incident-lead"})
  void shouldRouteTheResponsibleStepsToTheGroupOfTheSeverityLevel(String fact, int level, String group) {
    IncidentDriver incident = report("other");

    incident.complete("Task_TriageReport", "isIncident", true, fact, "yes");
    assertThat(incident.variable("severityLevel")).isEqualTo(level);
    assertThat(incident.candidateGroups("Task_ReportToExecutive")).containsExactly("incident-lead");
    incident.complete("Task_ReportToExecutive", "executiveReport", "報告");
    assertThat(incident.candidateGroups("Task_SetUpResponseTeam")).containsExactly("executive");
    incident.complete("Task_SetUpResponseTeam", "responseLeader", "佐藤", "responseMembers", "全員");
    assertThat(incident.candidateGroups("Task_ContainIncident")).containsExactly("sysadmin", "tech");
    incident.complete("Task_ContainIncident", "containmentNote", "隔離", "powerKeptOn", true).containByType();

    assertThat(incident.candidateGroups("Task_DecideFirstReport")).containsExactly(group);
    assertThat(incident.openTaskKeys()).containsExactly("Task_CollectEvidence", "Task_DecideFirstReport");
  }

  @Test
  void shouldTreatAnIncidentOfUnknownImpactAsLevelOneNotAsAPrecursor() {
    IncidentDriver incident = report("unauthorized-access");

    incident.complete("Task_TriageReport", "isIncident", true, "externalPartiesAffected", "unknown",
        "personalDataLeaked", "unknown", "businessAffected", "no", "employeeWorkAffected", "no");

    assertThat(incident.variable("severityLevel")).isEqualTo(1);
    assertThat(incident.openStepKeys()).containsExactly("Task_ContainIncident", "Task_ReportToExecutive")
        .doesNotContain("Task_HandlePrecursorEvent");
  }

  @Test
  void shouldOpenTheMandatoryPreliminaryReportRightAfterTriageWithTheExecutiveNeverActing() {
    IncidentDriver incident = report("unauthorized-access");

    // 不明 is おそれ, and unauthorised access is an improper purpose: the 速報 is due whatever stage 1 is at.
    incident.complete("Task_TriageReport", "isIncident", true, "externalPartiesAffected", "unknown",
            "personalDataLeaked", "unknown", "businessAffected", "no", "employeeWorkAffected", "no")
        .complete("Task_ReportToExecutive", "executiveReport", "社長に電話", "executiveReportedAt", "2026-11-24T10:00+09:00");

    assertThat(incident.openStepKeys()).contains("Task_SetUpResponseTeam").doesNotContain("Task_DecideFirstReport");
    Map<String, Task> reports = incident.reportTasks();
    assertThat(reports.keySet()).containsExactlyInAnyOrder("ppc-preliminary", "data-subjects");
    assertThat(reports.get("ppc-preliminary").getDueDate())
        .isEqualTo(Date.from(OffsetDateTime.parse("2026-11-26T23:59:59+09:00").toInstant()));
    assertThat(incident.candidateGroups("Task_SendReportByDeadline")).containsExactly("comms");

    // The same facts reach stage 2 later: nothing is opened twice.
    incident.complete("Task_SetUpResponseTeam", "responseLeader", "佐藤", "responseMembers", "全員")
        .complete("Task_ContainIncident", "containmentNote", "遮断", "powerKeptOn", true)
        .complete("Task_DecideFirstReport", "firstReportPlan", "速報は送付済みか確認");
    assertThat(incident.reportTasks().keySet()).containsExactlyInAnyOrder("ppc-preliminary", "data-subjects",
        "police", "ipa");
  }

  @Test
  void shouldRaiseTheLevelWhenInvestigationFindsALeak() {
    IncidentDriver incident = reportAndContain("other", "employeeWorkAffected", "yes");
    assertThat(incident.candidateGroups("Task_DecideFirstReport")).containsExactly("incident-lead");
    reportWithoutDisclosure(incident);

    investigate(incident, true, "employeeWorkAffected", "yes", "personalDataLeaked", "yes");
    incident.complete("Task_RepairSystems", "repairNote", "パッチ適用")
        .complete("Task_ConfirmAndRestore", "repairConfirmed", true, "restorationNote", "再開")
        .complete("Task_ReportRecoveryToExecutive", "recoveryReport", "報告");

    assertThat(incident.variable("severityLevel")).isEqualTo(3);
    assertThat(incident.candidateGroups("Task_PreventRecurrence")).containsExactly("executive");
  }

  /**
   * The reporting cases of the issue, as a responder enters them at the first report. Triage recorded no personal
   * data, so a deadline counts from the first report, where the facts first made it reportable (today), unless the
   * responder entered when the business knew.
   */
  static Stream<Arguments> reportingCases() {
    return Stream.of(
        Arguments.of("ransomware encrypting a server with 1,500 customers' data", "ransomware",
            new Object[] {"personalDataLeaked", "yes", "affectedPersons", 1500, "partnersAffected", true,
                "consumersAffected", true, "cyberInsured", true},
            // Ransomware is an attack, so improper purpose: 60 days for the final report.
            Map.of("ppc-preliminary", day(3), "ppc-final", day(60),
                "data-subjects", "-", "police", "-", "ipa", "-", "partners", "-", "insurer", "-", "inquiry-desk", "-")),
        Arguments.of("an e-mail misdelivered with 10 people's contact data", "misdelivery",
            new Object[] {"personalDataLeaked", "yes", "affectedPersons", 10},
            Map.of("ppc", "-", "data-subjects", "-")),
        Arguments.of("unauthorised access to 3 people's card numbers", "unauthorized-access",
            new Object[] {"personalDataLeaked", "yes", "affectedPersons", 3, "financialDamageRisk", true},
            Map.of("ppc-preliminary", day(3), "ppc-final", day(60),
                "data-subjects", "-", "police", "-", "ipa", "-")),
        Arguments.of("a lost laptop with strongly encrypted data", "loss",
            new Object[] {"personalDataLeaked", "yes", "affectedPersons", 2000, "stronglyEncrypted", true},
            Map.of("ppc", "-")),
        Arguments.of("an employee taking the customer list", "insider",
            new Object[] {"personalDataLeaked", "yes", "affectedPersons", 300, "partnersAffected", true},
            Map.of("ppc-preliminary", day(3), "ppc-final", day(60),
                "data-subjects", "-", "police", "-", "partners", "-")),
        Arguments.of("150 employees' My Number data", "misdelivery",
            new Object[] {"personalDataLeaked", "yes", "myNumberInvolved", true, "affectedPersons", 150},
            Map.of("ppc-preliminary", day(3), "ppc-final", day(30),
                "data-subjects", "-")),
        // The public statement waits for the lawyer on the contact list (see the ransomware scenario).
        Arguments.of("an outage with no data involved", "system-outage",
            new Object[] {"partnersAffected", true, "wideImpact", true},
            Map.of("partners", "-")),
        Arguments.of("a leak found only later, counted from when it was known", "misdelivery",
            new Object[] {"personalDataLeaked", "yes", "affectedPersons", 3, "sensitiveData", true,
                "reportableAwareAt", "2026-11-26T18:00+09:00"},
            Map.of("ppc-preliminary", "2026-11-28T23:59:59+09:00", "ppc-final", "2026-12-25T23:59:59+09:00",
                "data-subjects", "-")),
        Arguments.of("customer data entrusted by a client, in one of the four cases", "misdelivery",
            new Object[] {"personalDataLeaked", "yes", "affectedPersons", 3, "sensitiveData", true,
                "commissioningParty", "株式会社委託元"},
            Map.of("ppc-preliminary", day(3), "ppc-final", day(30),
                "data-subjects", "-", "commissioning-party", day(3))));
  }

  /** End of day {@code days}, today in Japan being day 1, as the drafts' due dates print it. */
  private static String day(int days) {
    ZoneId tokyo = ZoneId.of("Asia/Tokyo");
    return TestDay.DATE.plusDays(days - 1L).atTime(23, 59, 59).atZone(tokyo).toOffsetDateTime()
        .toString();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reportingCases")
  void shouldGiveCommsOneReportTaskPerRecipientDueFromAwarenessWithADraft(String name, String type, Object[] facts,
      Map<String, String> expectedDue) {
    IncidentDriver incident = reportAndContain(type, "businessAffected", "yes");

    incident.complete("Task_DecideFirstReport", concat(new Object[] {"firstReportPlan", "事実のみを報告"}, facts));

    // Each 確報 starts once its 速報 is sent, drafted from the facts as they are then.
    Map<String, Task> reports = new java.util.LinkedHashMap<>(incident.reportTasks());
    assertThat(reports.keySet()).noneMatch(item -> item.endsWith("-final"));
    reports.forEach((item, task) -> assertThat(incident.candidateGroupsOf(task)).as(item).containsExactly("comms"));
    reports.keySet().stream().filter(item -> item.endsWith("-preliminary")).toList().forEach(incident::sendReport);
    incident.reportTasks().forEach(reports::putIfAbsent);
    assertThat(reports.keySet()).containsExactlyInAnyOrderElementsOf(expectedDue.keySet());
    expectedDue.forEach((item, due) -> {
      Task task = reports.get(item);
      assertThat(task.getDueDate() == null ? "-" : task.getDueDate().toInstant()
          .atZone(ZoneId.of("Asia/Tokyo")).toOffsetDateTime().toString())
          .as("due date of %s, counted from awareness", item).isEqualTo(due);
      assertThat((String) engine.getHistoryService().createHistoricVariableInstanceQuery()
          .processInstanceId(task.getProcessInstanceId()).variableName("reportDraft").singleResult().getValue())
          .as("draft of %s, written from the recorded facts", item).contains("共有フォルダのファイルの拡張子が変わり");
    });
  }

  @Test
  void shouldDraftTheFinalReportToThePpcFromWhatIsKnownWhenItsPreliminaryReportIsSent() {
    IncidentDriver incident = reportAndContain("unauthorized-access", "personalDataLeaked", "yes");
    incident.complete("Task_DecideFirstReport", "affectedPersons", 3L, "financialDamageRisk", true);
    assertThat(incident.reportTasks().keySet()).contains("ppc-preliminary").doesNotContain("ppc-final");
    String preliminaryDraft = (String) engine.getTaskService()
        .getVariable(incident.reportTasks().get("ppc-preliminary").getId(), "reportDraft");
    assertThat(preliminaryDraft).contains("(4) 原因: 【原因】");

    // The investigation finds the cause before the 速報 goes out; the 確報 is written from it.
    incident.complete("Task_CollectEvidence", "evidenceItems", "ログ", "evidenceCollectedBeforeChange", true)
        .complete("Task_InvestigateIncident", "suspectedCause", "VPN機器の脆弱性", "inHouseCapable", true,
            "personalDataLeaked", "yes");
    // Sent by a member of comms under authorization checks, who may not update the incident's other processes.
    Task preliminary = incident.reportTasks().get("ppc-preliminary");
    engine.getIdentityService().setAuthentication("tanaka", List.of("comms"));
    try {
      engine.getTaskService().claim(preliminary.getId(), "tanaka");
      engine.getTaskService().complete(preliminary.getId(), Map.of("reportChannel", "email",
          "reportSentAt", "2026-11-25T10:00+09:00", "reportReference", "受付 1"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    incident.runAsynchronousSteps();

    Task finalReport = incident.reportTasks().get("ppc-final");
    assertThat(finalReport.getName()).isEqualTo("個人情報保護委員会に確報する");
    assertThat((String) engine.getTaskService().getVariable(finalReport.getId(), "reportDraft"))
        .contains("漏えい等報告（確報）", "(4) 原因: VPN機器の脆弱性");
    assertThat(finalReport.getDueDate()).isEqualTo(Date.from(java.time.OffsetDateTime.parse("2027-01-22T23:59:59+09:00").toInstant()));
  }

  @Test
  void shouldStartTheFinalReportBeforeItsDeadlineEvenIfThePreliminaryReportIsLate() {
    IncidentDriver incident = reportAndContain("unauthorized-access", "personalDataLeaked", "yes");
    incident.complete("Task_DecideFirstReport", "affectedPersons", 3L, "financialDamageRisk", true);

    // 60 days for improper purpose, day 1 being 24 November: due 22 January; started a week before.
    List<String> reports = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(incident.businessKey()).list().stream().map(ProcessInstance::getId).toList();
    Job start = engine.getManagementService().createJobQuery().activityId("Event_FinalReportPreparationDue").list()
        .stream().filter(job -> reports.contains(job.getProcessInstanceId())).findFirst().orElseThrow();
    assertThat(start.getDuedate()).isEqualTo(Date.from(java.time.OffsetDateTime.parse("2027-01-15T23:59:59+09:00").toInstant()));
    ClockUtil.setCurrentTime(start.getDuedate());
    incident.fireDueTimers();

    assertThat(incident.reportTasks().keySet()).contains("ppc-preliminary", "ppc-final");
  }

  @Test
  void shouldRunARansomwareIncidentThroughAllThreeStages() {
    IncidentDriver incident = reportAndContain("ransomware", "businessAffected", "yes", "externalPartiesAffected", "yes");

    incident.complete("Task_DecideFirstReport", "partnersAffected", true, "consumersAffected", true,
        "wideImpact", true, "firstReportPlan", "ウェブサイトで公表し窓口を開設");
    // Every recipient the decision names becomes a task for comms. Ransomware is a crime: the police too. The
    // statement goes to the lawyer on the contact list first.
    assertThat(incident.reportTasks().keySet()).containsExactlyInAnyOrder("ipa", "police", "partners", "inquiry-desk");
    assertThat(incident.reportTasks().values()).extracting(Task::getName).containsExactlyInAnyOrder(
        "IPA に届け出る", "警察に届け出る", "取引先・顧客に事実を報告する", "問い合わせ窓口を開設する");
    incident.complete("Task_ReviewStatementWithLawyer", "lawyerApproved", true);
    assertThat(incident.reportTasks()).containsKey("public-notice");
    assertThat(incident.reportTasks().get("public-notice").getName()).isEqualTo("ウェブサイト等で公表する");
    // The partners and customers hear the facts first; their follow-up reports continue that one thread.
    assertThat(incident.openTaskKeys()).doesNotContain("Task_ReportToAffectedParties");
    // Each report gets the facts its draft and Tasklist's list need, not a copy of every variable.
    String partners = incident.reportTasks().get("partners").getId();
    assertThat((String) engine.getTaskService().getVariable(partners, "reportDraft"))
        .contains(incident.businessKey(), "ファイルサーバーが開けない", "LANケーブルを抜いた");
    assertThat(engine.getTaskService().getVariable(partners, "severityLevel")).isEqualTo(3);
    assertThat(engine.getTaskService().getVariables(partners)).doesNotContainKeys("responseMembers", "executiveReport");
    incident.sendReport("partners");
    assertThat(incident.candidateGroups("Task_ReportToAffectedParties")).containsExactly("comms");
    incident.sendAllReports()
        .complete("Task_ReportToAffectedParties", "affectedPartiesReport", "第二報", "compensationNeeded", true,
            "finalReport", false)
        .complete("Task_CompensateVictims", "compensationDetails", "納期遅延分を補償", "compensationNeeded", false)
        .complete("Task_ReportToAffectedParties", "affectedPartiesReport", "最終報", "finalReport", true);

    incident.complete("Task_CollectEvidence", "evidenceItems", "サーバーのメモリとログ", "evidenceCollectedBeforeChange", true,
            "forensicsNeeded", true)
        .complete("Task_ArrangeForensics", "forensicsVendor", "調査会社A", "forensicsScope", "ファイルサーバー");
    incident.complete("Task_InvestigateIncident", "occurredAt", "2026-11-23T22:00+09:00", "suspectedCause", "VPN",
            "inHouseCapable", false, "businessAffected", "yes", "externalPartiesAffected", "yes")
        .complete("Task_ReportProgressToExecutive", "progressReport", "報告")
        .complete("Task_StopInfectedDevices", "infectedDevices", "ファイルサーバー", "devicesDisconnected", true)
        .complete("Task_CheckBackups", "backupStatus", "外付けHDDは無事", "backupUsable", true);
    assertThat(incident.candidateGroups("Task_RequestOutsideSupport")).containsExactly("incident-lead");
    incident.complete("Task_RequestOutsideSupport", "supportOrganisation", "保守ベンダー", "supportRequest", "復旧支援");
    recover(incident);
    close(incident);

    IncidentRecord record = records.find(incident.businessKey()).orElseThrow();
    assertThat(record.state()).isEqualTo(IncidentRecord.State.CLOSED);
    assertThat(record.severityLevel()).isEqualTo(3);
    assertThat(record.responsiblePersons()).isEqualTo("責任者: 情報システム課 佐藤／担当: 鈴木: 調査");
    assertThat(record.containedAt()).isNotNull();
    assertThat(record.recoveredAt()).isNotNull();
    assertThat(records.reportsSent(incident.businessKey())).hasSize(5);
    assertThat(incident.instance()).hasPassed("CallActivity_ReportToRecipients", "Task_CompensateVictims",
        "CallActivity_PreserveEvidence", "CallActivity_MalwarePlaybook", "Task_RequestOutsideSupport");
  }

  @Test
  void shouldDecideRecoveryWithoutBackupWhenNoneIsUsable() {
    IncidentDriver incident = reportAndContain("malware", "employeeWorkAffected", "yes");
    reportWithoutDisclosure(incident);
    investigate(incident, true, "employeeWorkAffected", "yes");

    incident.complete("Task_StopInfectedDevices", "infectedDevices", "経理PC", "devicesDisconnected", true)
        .complete("Task_CheckBackups", "backupStatus", "バックアップも暗号化された", "backupUsable", false);
    assertThat(incident.candidateGroups("Task_DecideRecoveryWithoutBackup")).containsExactly("incident-lead");
    incident.complete("Task_DecideRecoveryWithoutBackup", "recoveryPlan", "再構築する");
    recover(incident);
    close(incident);
  }

  @ParameterizedTest(name = "{0} → {1} for {2}")
  @CsvSource({
      "misdelivery,    Task_RequestDeletionByRecipient, comms",
      "mispublication, Task_WithdrawPublication,        tech",
      "insider,        Task_SuspendInsiderAccess,       incident-lead"})
  void shouldContainEachLeakAtOnceBesideTheFirstResponse(String cause, String containmentTask, String group) {
    IncidentDriver incident = report(cause);
    incident.complete("Task_TriageReport", "isIncident", true, "personalDataLeaked", "yes", "businessAffected", "no");

    // Asking the recipient to delete, taking the page down, suspending the insider: while containing, not in stage 3.
    assertThat(incident.openStepKeys()).containsExactlyInAnyOrder(containmentTask, "Task_ContainIncident",
        "Task_ReportToExecutive");
    assertThat(incident.candidateGroups(containmentTask)).containsExactly(group);
    incident.containByType()
        .complete("Task_ContainIncident", "containmentNote", "隔離", "powerKeptOn", true)
        .complete("Task_ReportToExecutive", "executiveReport", "報告")
        .complete("Task_SetUpResponseTeam", "responseLeader", "佐藤", "responseMembers", "全員");
    assertThat(incident.openStepKeys()).containsExactly("Task_CollectEvidence", "Task_DecideFirstReport");
    incident.complete("Task_DecideFirstReport", "affectedPersons", 20L).sendAllReports()
        .complete("Task_ReportToAffectedParties", "affectedPartiesReport", "最終報", "finalReport", true);
    assertThat(incident.candidateGroups("Task_ReportDisclosureToExecutive")).containsExactly("incident-lead");
    reportDisclosureToExecutive(incident);

    // Stage 3's leak playbook does not ask for it a second time.
    investigate(incident, true, "personalDataLeaked", "yes");
    assertThat(incident.openTaskKeys()).containsExactly("Task_RepairSystems");
    assertThat(incident.variable(switch (cause) {
      case "misdelivery" -> "misdeliveryRecipients";
      case "mispublication" -> "publicationWithdrawn";
      default -> "insiderAccessSuspended";
    })).isNotNull();
    recover(incident);
    close(incident);
  }

  static Stream<Arguments> leakCauses() {
    return Stream.of(
        Arguments.of("unauthorized-access", "Task_BlockUnauthorizedAccess", "tech", true),
        Arguments.of("loss", "Task_SearchForLostItem", "comms", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("leakCauses")
  void shouldHandleEachLeakCauseAndCallThePoliceForCrimes(String cause, String causeTask, String group, boolean police) {
    IncidentDriver incident = reportAndContain(cause, "personalDataLeaked", "yes");
    incident.complete("Task_DecideFirstReport", "affectedPersons", 20L);
    // Unauthorised access is a crime and improper purpose: police, and a mandatory PPC report.
    assertThat(incident.reportTasks().containsKey("police")).isEqualTo(police);
    assertThat(incident.reportTasks().containsKey("ppc-preliminary")).isEqualTo(police);
    incident.sendAllReports()
        .complete("Task_ReportToAffectedParties", "affectedPartiesReport", "最終報", "finalReport", true);
    investigate(incident, true, "personalDataLeaked", "yes");

    assertThat(incident.candidateGroups(causeTask)).containsExactly(group);
    incident.complete(causeTask);
    recover(incident);
    close(incident);
  }

  @Test
  void shouldReportToThePoliceAsSoonAsTheInvestigationRevealsACrimeWithoutHoldingUpRecovery() {
    IncidentDriver incident = reportAndContain("misdelivery", "personalDataLeaked", "yes");
    incident.complete("Task_DecideFirstReport", "affectedPersons", 10L).sendAllReports();
    incident.complete("Task_CollectEvidence", "evidenceItems", "送信ログ", "evidenceCollectedBeforeChange", true)
        .complete("Task_InvestigateIncident", "suspectedCause", "宛先の偽装", "inHouseCapable", true,
            "crimeSuspected", true, "personalDataLeaked", "yes");

    // The decision is taken again on what the investigation found: only the new recipient gets a task, and the
    // response goes on beside it.
    assertThat(incident.reportTasks().keySet()).containsExactly("police");
    assertThat(incident.openTaskKeys()).contains("Task_ReportProgressToExecutive", "Task_ReportToAffectedParties");
    incident.complete("Task_ReportToAffectedParties", "affectedPartiesReport", "第二報", "finalReport", false);
    assertThat(incident.reportTasks().keySet()).as("no second police task").containsExactly("police");
    incident.sendReport("police")
        .complete("Task_ReportToAffectedParties", "affectedPartiesReport", "第三報", "finalReport", true);
    assertThat(incident.instance()).hasPassed("Task_ReassessReportingAfterInvestigation",
        "CallActivity_ReportToRecipientsFoundByInvestigation", "Task_ReassessReportingObligations");
  }

  @Test
  void shouldRerouteThePlaybookAndReportingWhenTheInvestigationCorrectsTheType() {
    IncidentDriver incident = reportAndContain("system-outage", "businessAffected", "yes");
    reportWithoutDisclosure(incident);
    assertThat(records.find(incident.businessKey()).orElseThrow().incidentType()).isEqualTo("system-outage");

    // The outage turns out to be ransomware: the malware playbook, and the police and IPA, though the follow-up
    // reports were declared done.
    investigate(incident, true, "incidentType", "ransomware", "businessAffected", "yes");
    assertThat(incident.openTaskKeys()).contains("Task_StopInfectedDevices").doesNotContain("Task_IdentifyOutageCause");
    assertThat(incident.reportTasks().keySet()).containsExactlyInAnyOrder("police", "ipa");
    assertThat(records.find(incident.businessKey()).orElseThrow().incidentType()).isEqualTo("ransomware");
    incident.complete("Task_StopInfectedDevices", "infectedDevices", "ファイルサーバー", "devicesDisconnected", true)
        .complete("Task_CheckBackups", "backupStatus", "無事", "backupUsable", true);
    recover(incident);
    close(incident);
    assertThat(incident.instance()).hasPassed("CallActivity_MalwarePlaybook").hasNotPassed("CallActivity_SystemOutagePlaybook");
  }

  @Test
  void shouldAskTheLeadForAProgressReportToTheExecutiveEveryDayUntilRecoveryIsDone() {
    IncidentDriver incident = reportAndContain("other", "businessAffected", "yes");
    reportWithoutDisclosure(incident);
    Job cycle = engine.getManagementService().createJobQuery().processInstanceId(incident.instance().getId())
        .activityId("StartEvent_ProgressReportDue").singleResult();
    assertThat(cycle.getDuedate()).isCloseTo(new Date(TestDay.now().toEpochMilli() + 86_400_000L), 60_000L);

    // Each day brings a report task; the work it reports on goes on beside it.
    for (int day = 1; day <= 2; day++) {
      Job due = engine.getManagementService().createJobQuery().processInstanceId(incident.instance().getId())
          .activityId("StartEvent_ProgressReportDue").singleResult();
      ClockUtil.setCurrentTime(due.getDuedate());
      incident.fireDueTimers();
      assertThat(incident.openTaskKeys()).contains("Task_CollectEvidence", "Task_ReportProgressPeriodically");
      assertThat(incident.candidateGroups("Task_ReportProgressPeriodically")).containsExactly("incident-lead");
      incident.complete("Task_ReportProgressPeriodically", "progressReport", day + "日目: 調査中");
    }

    investigate(incident, true, "businessAffected", "yes");
    recover(incident);
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(incident.instance().getId())
        .activityId("StartEvent_ProgressReportDue").count()).as("the reports stop with recovery").isZero();
    close(incident);
  }

  @Test
  void shouldSendTheFinalReportOnlyOnceRecoveryAndPreventionAreDone() {
    IncidentDriver incident = reportAndContain("other", "businessAffected", "yes");
    reportWithoutDisclosure(incident);
    assertThat(incident.openTaskKeys()).doesNotContain("Task_SendFinalReport");

    investigate(incident, true, "businessAffected", "yes");
    incident.complete("Task_RepairSystems", "repairNote", "パッチ適用")
        .complete("Task_ConfirmAndRestore", "repairConfirmed", true, "restorationNote", "再開")
        .complete("Task_ReportRecoveryToExecutive", "recoveryReport", "報告");
    assertThat(incident.openTaskKeys()).containsExactly("Task_PreventRecurrence");
    incident.complete("Task_PreventRecurrence", "rootCause", "パッチ未適用", "preventionMeasures", "更新手順を定める");

    assertThat(incident.openTaskKeys()).containsExactly("Task_SendFinalReport");
    assertThat(incident.candidateGroups("Task_SendFinalReport")).containsExactly("comms");
    close(incident);
    assertThat(incident.variable("finalReportContent")).isEqualTo("取引先に対応状況と再発防止策を報告した");
  }

  @ParameterizedTest(name = "cause identified: {0}, business affected: {1}")
  @CsvSource({"false, true", "true, false"})
  void shouldTreatAnUnexplainedOutageAsASecurityProblemAndActivateTheBcp(boolean causeIdentified, boolean businessAffected) {
    String business = businessAffected ? "yes" : "no";
    IncidentDriver incident = reportAndContain("system-outage", "employeeWorkAffected", "yes", "businessAffected", business);
    reportWithoutDisclosure(incident);
    investigate(incident, true, "employeeWorkAffected", "yes", "businessAffected", business);

    incident.complete("Task_IdentifyOutageCause", "outageCauseIdentified", causeIdentified, "outageCause", "不明");
    if (!causeIdentified) {
      incident.complete("Task_InvestigateAsSecurityIssue", "securityInvestigation", "不正な通信なし");
    }
    // The BCP, where the business is affected, was activated at containment, not after the cause was found.
    assertThat(incident.hadTask("Task_ActivateBusinessContinuityPlan")).isEqualTo(businessAffected);
    recover(incident);
    close(incident);
  }

  @Test
  void shouldCloseAnIncidentOfOtherTypeWithoutAPlaybook() {
    IncidentDriver incident = reportAndContain("other", "businessAffected", "yes");
    reportWithoutDisclosure(incident);
    investigate(incident, true, "businessAffected", "yes");
    recover(incident);
    close(incident);

    assertThat(incident.instance()).hasNotPassed("CallActivity_MalwarePlaybook", "CallActivity_DataLeakPlaybook",
        "CallActivity_SystemOutagePlaybook");
  }

  @Test
  void shouldStartContainmentAsSoonAsTriageJudgesItAnIncident() {
    IncidentDriver incident = report("ransomware");
    incident.complete("Task_TriageReport", "isIncident", true, "businessAffected", "yes");

    // Cutting the machine off does not wait for the executive to hear of it or to set up the team, and with the
    // business stopped the executive activates the BCP at once, ransomware or not.
    assertThat(incident.openTaskKeys()).containsExactly("Task_ActivateBusinessContinuityPlan", "Task_ContainIncident",
        "Task_ReportToExecutive");
    assertThat(incident.candidateGroups("Task_ActivateBusinessContinuityPlan")).containsExactly("executive");
    incident.complete("Task_ContainIncident", "containmentNote", "LANケーブルを抜いた", "powerKeptOn", true)
        .complete("Task_ActivateBusinessContinuityPlan", "continuityActions", "紙の伝票で受注を続ける");
    assertThat(incident.openTaskKeys()).containsExactly("Task_ReportToExecutive");
    incident.complete("Task_ReportToExecutive", "executiveReport", "報告")
        .complete("Task_SetUpResponseTeam", "responseLeader", "佐藤", "responseMembers", "全員");
    assertThat(incident.openTaskKeys()).containsExactly("Task_CollectEvidence", "Task_DecideFirstReport");
  }

  /** Each step that holds the response up, how long it may stay open, and the next person in the chain. */
  static Stream<Arguments> overdueSteps() {
    return Stream.of(
        Arguments.of("Task_TriageReport", 30, "Task_HandleOverdueTriage", "executive", "triageEscalationNote"),
        Arguments.of("Task_ReportToExecutive", 60, "Task_HandleOverdueExecutiveReport", "executive",
            "executiveReportEscalationNote"),
        Arguments.of("Task_SetUpResponseTeam", 120, "Task_HandleOverdueResponseTeam", "incident-lead", "provisionalTeam"),
        Arguments.of("Task_ContainIncident", 60, "Task_HandleOverdueInitialResponse", "incident-lead",
            "overdueInstruction"));
  }

  @ParameterizedTest(name = "{0} → {2} for {3}")
  @MethodSource("overdueSteps")
  void shouldEscalateAnOverdueStepToTheNextInTheContactChainWithoutCancellingIt(String step, int minutes,
      String escalation, String group, String note) {
    IncidentDriver incident = report("ransomware");
    if (!step.equals("Task_TriageReport")) {
      incident.complete("Task_TriageReport", "isIncident", true, "businessAffected", "yes");
    }
    if (step.equals("Task_SetUpResponseTeam")) {
      incident.complete("Task_ReportToExecutive", "executiveReport", "報告");
    }
    Job timer = timerOn(incident, step);
    assertThat(timer.getDuedate()).isCloseTo(new Date(TestDay.now().toEpochMilli() + minutes * 60_000L), 60_000L);

    engine.getManagementService().executeJob(timer.getId());

    assertThat(incident.openTaskKeys()).contains(step, escalation);
    assertThat(incident.candidateGroups(escalation)).containsExactly(group);
    incident.complete(escalation, note, "電話で連絡し、指示した");
    assertThat(incident.openTaskKeys()).contains(step).doesNotContain(escalation);
    assertThat(incident.variable(note)).isEqualTo("電話で連絡し、指示した");
  }

  @Test
  void shouldRepeatAnUnfinishedStepsEscalationUpTheChainAndThenNameTheOutsideContacts() {
    String company = "kaidan";
    companyWithOnePersonPerRole(company);
    Map<String, Object> start = new HashMap<>(Map.of("incidentTitle", "ファイルサーバーが開けない",
        "incidentType", "ransomware", "detectedAt", "2026-11-24T09:30+09:00",
        "eventDescription", "ファイルが暗号化された", "reportSource", "internal", "companyId", company));
    IncidentDriver incident = new IncidentDriver(engine, engine.getRuntimeService().startProcessInstanceByKey(PROCESS, start));
    incident.complete("Task_TriageReport", "isIncident", true);
    Job first = timerOn(incident, "Task_ContainIncident");
    ClockUtil.setCurrentTime(first.getDuedate());

    // Nobody cuts the machine off: every two hours the next role up the chain is told, the step stays theirs.
    List<String> groups = new ArrayList<>();
    List<String> advice = new ArrayList<>();
    for (int round = 1; round <= 4; round++) {
      incident.fireDueTimers();
      Task escalation = engine.getTaskService().createTaskQuery().processInstanceId(incident.instance().getId())
          .taskDefinitionKey("Task_HandleOverdueInitialResponse").orderByTaskCreateTime().desc().list().get(0);
      groups.add(String.join(",", incident.candidateGroupsOf(escalation)));
      advice.add((String) engine.getTaskService().getVariable(escalation.getId(), "escalationAdvice"));
      ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofHours(2).toMillis()));
    }

    assertThat(groups).containsExactly(company + "--incident-lead", company + "--executive", company + "--executive",
        company + "--executive");
    assertThat(advice.get(0)).startsWith("1回目の連絡です。「初動対応（遮断・隔離・停止）を行う」がまだ終わっていません。")
        .contains("インシデント対応責任者として").doesNotContain("外部の支援先");
    assertThat(advice.get(1)).startsWith("2回目").contains("経営者・最高責任者として");
    assertThat(advice.get(2)).startsWith("3回目").contains("外部の支援先に電話", "ITベンダー／サイバーセキュリティお助け隊:",
        "サイバー保険会社:");
    assertThat(incident.openTaskKeys()).contains("Task_ContainIncident")
        .filteredOn("Task_HandleOverdueInitialResponse"::equals).hasSize(4);

    // Once the step is done, the cycle stops: no fifth round.
    incident.complete("Task_ContainIncident", "containmentNote", "LANケーブルを抜いた", "powerKeptOn", true);
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(incident.instance().getId())
        .timers().activityId("Event_InitialResponseOverdue").count()).isZero();
  }

  /** A client company whose administrator, lead and executive are three people. */
  private void companyWithOnePersonPerRole(String company) {
    org.camunda.bpm.engine.IdentityService identity = engine.getIdentityService();
    if (identity.createTenantQuery().tenantId(company).count() > 0) {
      return;
    }
    identity.saveTenant(identity.newTenant(company));
    for (ResponseRole role : List.of(ResponseRole.SYSADMIN, ResponseRole.TECH, ResponseRole.INCIDENT_LEAD,
        ResponseRole.EXECUTIVE)) {
      String group = role.inCompany(company);
      identity.saveGroup(identity.newGroup(group));
      String user = company + "-" + role.groupId();
      identity.saveUser(identity.newUser(user));
      identity.createMembership(user, group);
      identity.createTenantUserMembership(company, user);
      identity.createTenantGroupMembership(company, group);
    }
  }

  @Test
  void shouldCloseWithTheRecordWhenContainmentFindsItWasOnlyAPrecursor() {
    IncidentDriver incident = report("unauthorized-access");
    incident.complete("Task_TriageReport", "isIncident", true, "employeeWorkAffected", "yes")
        .complete("Task_ReportToExecutive", "executiveReport", "報告")
        .complete("Task_SetUpResponseTeam", "responseLeader", "佐藤", "responseMembers", "全員")
        .complete("Task_ContainIncident", "containmentNote", "アカウントを停止", "powerKeptOn", true,
            "precursorOnly", true);

    // A drop to level 0 never ends the incident silently: the lead closes it and records why.
    assertThat(incident.variable("severityLevel")).isEqualTo(0);
    assertThat(incident.openTaskKeys()).containsExactly("Task_CloseIncident");
    incident.complete("Task_CloseIncident", "closingSummary", "完了", "downgradeReason", "ログイン試行のみで侵入なし",
        "recordsKept", true);
    assertThat(incident.instance()).hasPassed("Gateway_ReadyToClose", "EndEvent_IncidentClosed")
        .hasNotPassed("EndEvent_ClosedAsPrecursor").isEnded();
  }

  private Job timerOn(IncidentDriver incident, String taskKey) {
    String boundary = engine.getRepositoryService().getBpmnModelInstance(incident.instance().getProcessDefinitionId())
        .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.BoundaryEvent.class).stream()
        .filter(event -> event.getAttachedTo().getId().equals(taskKey)).findFirst().orElseThrow().getId();
    return engine.getManagementService().createJobQuery().processInstanceId(incident.instance().getId())
        .activityId(boundary).timers().singleResult();
  }

  @Test
  void shouldNotEscalateWhenInitialResponseFinishesInTime() {
    IncidentDriver incident = reportAndContain("other", "businessAffected", "yes");

    // Only stage 3's daily progress report is armed: every escalation of stage 1 went with its step.
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(incident.instance().getId())
        .timers().count()).isOne();
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(incident.instance().getId())
        .timers().activityId("StartEvent_ProgressReportDue").count()).isOne();
    assertThat(incident.openTaskKeys()).doesNotContain("Task_HandleOverdueInitialResponse");
  }

  private static Object[] concat(Object[] first, Object[] second) {
    Object[] all = new Object[first.length + second.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }

  @Test
  void shouldActivateTheBcpWhenTheInvestigationFindsTheBusinessStopped() {
    IncidentDriver incident = reportAndContain("malware", "employeeWorkAffected", "yes", "businessAffected", "unknown");
    assertThat(incident.hadTask("Task_ActivateBusinessContinuityPlan")).isFalse();

    incident.complete("Task_CollectEvidence", "evidenceItems", "ログを保存", "evidenceCollectedBeforeChange", true,
            "forensicsNeeded", false)
        .complete("Task_InvestigateIncident", "suspectedCause", "添付ファイル", "inHouseCapable", true,
            "businessAffected", "yes");

    assertThat(incident.candidateGroups("Task_ActivateBusinessContinuityPlan")).containsExactly("executive");
    assertThat(incident.openStepKeys()).contains("Task_ReportProgressToExecutive");
    incident.complete("Task_ActivateBusinessContinuityPlan", "continuityActions", "紙の伝票で受注を続ける");
    assertThat(incident.instance()).hasPassed("EndEvent_ContinuityPlanActivated");
  }
}
