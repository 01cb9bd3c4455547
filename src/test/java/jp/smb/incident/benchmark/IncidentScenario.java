package jp.smb.incident.benchmark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/**
 * One ransomware incident that stops the business and reaches customers, from the report to the close, every
 * step completed through the engine API with what a responder would enter: level 3, four reports with drafts,
 * the malware playbook, evidence, recovery from backup. Asynchronous steps run inline, as the job executor would.
 */
final class IncidentScenario {

  private static final Map<String, Object> REPORT = Map.of(
      "incidentTitle", "ファイルサーバーが開けない", "incidentType", "ransomware",
      "detectedAt", "2026-11-24T09:30+09:00", "eventDescription", "共有フォルダのファイルの拡張子が変わり、開けなくなった",
      "reportSource", "internal", "affectedSystems", "ファイルサーバー");

  private static final Map<String, Map<String, Object>> ANSWERS = Map.ofEntries(
      Map.entry("Task_TriageReport", Map.of("isIncident", true, "businessAffected", "yes",
          "externalPartiesAffected", "yes", "personalDataLeaked", "no")),
      Map.entry("Task_ReportToExecutive", Map.of("executiveReport", "社長に電話で報告",
          "executiveReportedAt", "2026-11-24T10:00+09:00")),
      Map.entry("Task_SetUpResponseTeam", Map.of("responseLeader", "情報システム課 佐藤", "responseMembers", "鈴木: 調査")),
      Map.entry("Task_ContainIncident", Map.of("containmentNote", "LANケーブルを抜いた", "powerKeptOn", true,
          "externallyReachable", false, "damageMaySpread", true)),
      Map.entry("Task_DecideFirstReport", Map.of("partnersAffected", true, "consumersAffected", true,
          "wideImpact", true, "firstReportPlan", "ウェブサイトで公表し窓口を開設")),
      Map.entry("Task_SendReport", Map.of("reportChannel", "email", "reportSentAt", "2026-11-25T10:00+09:00",
          "reportReference", "送付済み")),
      Map.entry("Task_SendReportPromptly", Map.of("reportChannel", "email", "reportSentAt", "2026-11-25T10:00+09:00",
          "reportReference", "送付済み")),
      Map.entry("Task_SendReportByDeadline", Map.of("reportChannel", "email",
          "reportSentAt", "2026-11-25T10:00+09:00", "reportReference", "送付済み")),
      Map.entry("Task_ReportToAffectedParties", Map.of("affectedPartiesReport", "最終報", "compensationNeeded", false,
          "finalReport", true)),
      Map.entry("Task_CollectEvidence", Map.of("evidenceItems", "サーバーのメモリとログ",
          "evidenceCollectedBeforeChange", true, "forensicsNeeded", false)),
      Map.entry("Task_InvestigateIncident", Map.of("occurredAt", "2026-11-23T22:00+09:00", "suspectedCause", "VPN",
          "inHouseCapable", true, "crimeSuspected", false, "businessAffected", "yes", "externalPartiesAffected", "yes")),
      Map.entry("Task_ReportProgressToExecutive", Map.of("progressReport", "調査状況を報告")),
      Map.entry("Task_StopInfectedDevices", Map.of("infectedDevices", "ファイルサーバー", "devicesDisconnected", true)),
      Map.entry("Task_CheckBackups", Map.of("backupStatus", "外付けHDDは無事", "backupUsable", true)),
      Map.entry("Task_RepairSystems", Map.of("repairNote", "パッチ適用")),
      Map.entry("Task_ConfirmAndRestore", Map.of("repairConfirmed", true, "restoredAt", "2026-11-25T18:00+09:00",
          "restorationNote", "業務再開")),
      Map.entry("Task_ReportRecoveryToExecutive", Map.of("recoveryReport", "復旧を報告")),
      Map.entry("Task_PreventRecurrence", Map.of("rootCause", "パッチ未適用", "preventionMeasures", "更新手順を定める")),
      Map.entry("Task_SendFinalReport", Map.of("finalReportContent", "取引先に最終報を送った")),
      Map.entry("Task_ReportDisclosureToExecutive", Map.of("progressReport", "報告・公表の状況を報告した")),
      Map.entry("Task_ReviewStatementWithLawyer", Map.of("lawyerApproved", true)),
      Map.entry("Task_CheckStatement", Map.of("statementCheckNote", "確認した")),
      Map.entry("Task_CloseIncident", Map.of("closingSummary", "完了", "recordsKept", true)),
      // The business stops: the BCP is activated beside containment (the worst-day change).
      Map.entry("Task_ActivateBusinessContinuityPlan", Map.of("continuityActions", "紙の伝票で受注を続ける")));

  private final ProcessEngine engine;
  private List<Map<String, Object>> steps = List.of();
  private String lastNumber;

  IncidentScenario(ProcessEngine engine) {
    this.engine = engine;
  }

  /** The form values of each completed user task of the last run, in order. */
  List<Map<String, Object>> steps() {
    return steps;
  }

  /** Activities the engine executed for the last incident, its playbooks and reports included: its work. */
  long activityInstances() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(lastNumber)
        .list().stream().mapToLong(instance -> engine.getHistoryService().createHistoricActivityInstanceQuery()
            .processInstanceId(instance.getId()).count())
        .sum();
  }

  void run() {
    TaskService tasks = engine.getTaskService();
    String number = engine.getRuntimeService()
        .startProcessInstanceByKey("ipa-incident-response", new HashMap<>(REPORT)).getBusinessKey();
    List<Map<String, Object>> completed = new ArrayList<>();
    for (int round = 0; round < 100; round++) {
      List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(number).list();
      if (open.isEmpty() && runJobs() == 0) {
        if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number).count() > 0) {
          throw new IllegalStateException(number + " is stuck with no open task");
        }
        steps = completed;
        lastNumber = number;
        return;
      }
      for (Task task : open) {
        Map<String, Object> values = ANSWERS.get(task.getTaskDefinitionKey());
        if (values == null) {
          throw new IllegalStateException("no answer for " + task.getTaskDefinitionKey() + " of " + number);
        }
        tasks.complete(task.getId(), values);
        completed.add(values);
        runJobs();
      }
    }
    throw new IllegalStateException(number + " did not end");
  }

  private int runJobs() {
    ManagementService management = engine.getManagementService();
    int executed = 0;
    for (List<Job> jobs = management.createJobQuery().messages().executable().list(); !jobs.isEmpty();
        jobs = management.createJobQuery().messages().executable().list()) {
      for (Job job : jobs) {
        management.executeJob(job.getId());
        executed++;
      }
    }
    return executed;
  }
}
