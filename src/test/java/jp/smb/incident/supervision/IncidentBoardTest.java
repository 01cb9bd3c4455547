package jp.smb.incident.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.smb.incident.procedure.IncidentDriver;
import jp.smb.incident.supervision.IncidentBoard.Entry;
import jp.smb.incident.supervision.IncidentBoard.Urgency;
import jp.smb.incident.supervision.PendingReports.PendingReport;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The board of Cockpit's dashboard, read from incidents worked through the real three-stage procedure: the nearest
 * legal deadline of each, overdue ones first, the stage and the open tasks with their groups.
 */
@SpringBootTest
@ActiveProfiles("processtest")
class IncidentBoardTest {

  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  @Autowired
  ProcessEngine engine;

  @Autowired
  IncidentBoard board;

  @Autowired
  PendingReports pendingReports;

  /** A leak of 1,500 customers' data, detected {@code daysAgo} days ago, up to its first reports. */
  private IncidentDriver leakReported(String title, int daysAgo) {
    String detectedAt = OffsetDateTime.now(TOKYO).minusDays(daysAgo).truncatedTo(ChronoUnit.MINUTES)
        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    Map<String, Object> report = new HashMap<>(Map.of("incidentTitle", title, "incidentType", "unauthorized-access",
        "detectedAt", detectedAt, "eventDescription", "顧客データベースに不審なアクセス", "reportSource", "internal"));
    IncidentDriver incident = new IncidentDriver(engine,
        engine.getRuntimeService().startProcessInstanceByKey("ipa-incident-response", report));
    Object[] leak = {"personalDataLeaked", "yes", "affectedPersons", 1500};
    incident.complete("Task_TriageReport", "isIncident", true, leak[0], leak[1], leak[2], leak[3])
        .complete("Task_ReportToExecutive", "executiveReport", "社長に電話で報告", "executiveReportedAt", detectedAt)
        .complete("Task_SetUpResponseTeam", "responseLeader", "佐藤", "responseMembers", "鈴木: 調査")
        .complete("Task_ContainIncident", "containmentNote", "LANケーブルを抜いた", "powerKeptOn", true,
            "externallyReachable", false, "damageMaySpread", false, leak[0], leak[1], leak[2], leak[3])
        .containByType()
        .complete("Task_DecideFirstReport", "firstReportPlan", "個人情報保護委員会に速報");
    return incident;
  }

  private static Entry entryOf(List<Entry> entries, String number) {
    return entries.stream().filter(e -> e.incidentNumber().equals(number)).findFirst().orElseThrow(
        () -> new AssertionError(number + " not on the board: " + entries.stream().map(Entry::incidentNumber).toList()));
  }

  @Test
  void shouldPutAnOverdueReportFirstAndShowTheNearestLegalDeadlineOfEachIncident() {
    IncidentDriver fresh = leakReported("本日発覚した漏えい", 0);
    IncidentDriver late = leakReported("先週発覚した漏えい", 10);

    List<Entry> entries = board.open(1000, false);

    Entry overdue = entryOf(entries, late.businessKey());
    assertThat(overdue.urgency()).isEqualTo(Urgency.OVERDUE);
    assertThat(overdue.nearestDeadline().recipientName()).contains("個人情報保護委員会");
    assertThat(overdue.nearestDeadline().minutesLeft()).isNegative();
    Entry upcoming = entryOf(entries, fresh.businessKey());
    assertThat(upcoming.urgency()).isIn(Urgency.SOON, Urgency.LATER);
    assertThat(upcoming.nearestDeadline().recipientName()).contains("個人情報保護委員会");
    assertThat(upcoming.nearestDeadline().minutesLeft()).isPositive();
    assertThat(entries.indexOf(overdue)).as("overdue before upcoming").isLessThan(entries.indexOf(upcoming));
    assertThat(entries.get(0).urgency()).isEqualTo(Urgency.OVERDUE);

    assertThat(upcoming.severityLevel()).isEqualTo(3);
    assertThat(upcoming.state()).isEqualTo("対応中");
    assertThat(upcoming.stateCode()).as("a value the board compares, not the label").isEqualTo("open");
    assertThat(upcoming.procedureName()).isEqualTo("セキュリティインシデント対応（IPA 3段階）");
    assertThat(upcoming.stages()).contains("ステップ2 報告・公表");
    assertThat(upcoming.incidentTypeLabel()).isNotEqualTo("unauthorized-access");
    // The report tasks run in a called process; they show under the incident with their group's Japanese name.
    assertThat(upcoming.openTasks()).anySatisfy(task -> {
      assertThat(task.name()).isNotBlank();
      assertThat(task.candidateGroups()).contains(new IncidentBoard.Group("comms", "対外連絡担当者"));
    });
    assertThat(upcoming.reportUrl()).isEqualTo("/api/incidents/" + fresh.businessKey() + "/report");
  }

  @Test
  void shouldNoLongerCountAReportAsPendingOnceItIsSent() {
    IncidentDriver late = leakReported("送ったら期限超過でなくなる漏えい", 10);
    assertThat(pendingReports.overdue(java.time.Instant.now(), TOKYO)).extracting(PendingReport::incidentNumber)
        .contains(late.businessKey());

    late.sendReport("ppc-preliminary");

    assertThat(pendingReports.overdue(java.time.Instant.now(), TOKYO))
        .noneMatch(report -> report.incidentNumber().equals(late.businessKey())
            && "ppc-preliminary".equals(report.reportItem()));
    assertThat(entryOf(board.open(1000, false), late.businessKey()).nearestDeadline())
        .as("the 確報 follows the sent 速報").isNotNull()
        .satisfies(deadline -> assertThat(deadline.recipientName()).contains("個人情報保護委員会"));
  }

  @Test
  void shouldListIncidentsThatEndedWithinThePeriodOnly() {
    OffsetDateTime now = OffsetDateTime.now(TOKYO);
    IncidentDriver notAnIncident = new IncidentDriver(engine, engine.getRuntimeService().startProcessInstanceByKey(
        "ipa-incident-response", Map.of("incidentTitle", "迷惑メールが届いた", "incidentType", "other",
            "detectedAt", now.truncatedTo(ChronoUnit.MINUTES).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
            "eventDescription", "不審なメール", "reportSource", "internal")));
    notAnIncident.complete("Task_TriageReport", "isIncident", false, "notIncidentReason", "開封しておらず被害なし");

    assertThat(board.ended(now.minusDays(1), now.plusDays(1), 1000, false)).extracting(Entry::incidentNumber)
        .contains(notAnIncident.businessKey());
    assertThat(board.ended(now.minusDays(10), now.minusDays(5), 1000, false)).extracting(Entry::incidentNumber)
        .doesNotContain(notAnIncident.businessKey());
    assertThat(board.open(1000, false)).extracting(Entry::incidentNumber).doesNotContain(notAnIncident.businessKey());
  }

  /** The board reads stages and groups for all incidents at once; they are what the engine says of each. */
  @Test
  void shouldShowEachIncidentsStagesAndTaskGroupsAsTheEngineHasThem() {
    leakReported("段階と担当を突き合わせる漏えい", 0);

    List<Entry> entries = board.open(1000, false);

    assertThat(entries).isNotEmpty();
    for (Entry entry : entries) {
      ActivityInstance root = engine.getRuntimeService().getActivityInstance(entry.processInstanceId());
      List<String> engineStages = root == null ? List.of() : Arrays.stream(root.getChildActivityInstances())
          .filter(child -> "subProcess".equals(child.getActivityType()) && child.getActivityName() != null)
          .map(ActivityInstance::getActivityName).toList();
      assertThat(entry.stages()).as(entry.incidentNumber()).containsExactlyInAnyOrderElementsOf(engineStages);
    }
    List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceBusinessKeyIn(
        entries.stream().map(Entry::incidentNumber).toArray(String[]::new)).list();
    assertThat(tasks).isNotEmpty();
    Map<String, List<String>> shown = new HashMap<>();
    entries.forEach(entry -> entry.openTasks().forEach(task -> shown.merge(entry.incidentNumber() + "/" + task.name(),
        task.candidateGroups().stream().map(IncidentBoard.Group::id).sorted().toList(), (a, b) -> a)));
    for (Task task : tasks) {
      List<String> groups = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
          .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
          .map(IdentityLink::getGroupId).sorted().toList();
      String number = engine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey();
      assertThat(shown.get(number + "/" + task.getName())).as(task.getName()).isEqualTo(groups);
    }
  }
}
