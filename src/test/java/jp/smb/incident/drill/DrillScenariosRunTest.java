package jp.smb.incident.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import jp.smb.incident.benchmark.IncidentScenario;
import jp.smb.incident.record.IncidentRecords;
import jp.smb.incident.record.RecordEntries;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every shipped scenario, rehearsed from its start to the end of its procedure: started by an incident lead, its
 * later facts added when they come due, every task answered from its form as Tasklist would.
 */
@SpringBootTest
@ActiveProfiles("processtest")
class DrillScenariosRunTest {

  @Autowired
  ProcessEngine engine;

  @Autowired
  DrillStarter starter;

  @Autowired
  IncidentRecords records;

  @Autowired
  DrillScenarios scenarios;

  @Autowired
  DrillScorecard scorecard;

  static Stream<String> shippedScenarios() {
    return Arrays.stream(new File("drills").listFiles((dir, name) -> name.endsWith(".json")))
        .map(file -> file.getName().replaceFirst("\\.json$", "")).sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shippedScenarios")
  void shouldRunEachShippedScenarioToTheEndOfItsProcedure(String scenario) {
    DrillStarter.Started drill = startAsLead(scenario);
    // The later facts come first here: the run then shows the procedure take them in.
    List<Job> injects = engine.getManagementService().createJobQuery().processDefinitionKey("drill-injects")
        .activityId("Event_InjectDue").list().stream()
        .filter(job -> engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(
            job.getProcessInstanceId()).processInstanceBusinessKey(drill.drillNumber()).count() == 1)
        .toList();
    assertThat(injects).as("the scenario's later facts").isNotEmpty();
    for (Job inject : injects) {
      engine.getManagementService().executeJob(inject.getId());
      engine.getManagementService().createJobQuery().processInstanceId(inject.getProcessInstanceId()).messages()
          .list().forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }

    IncidentScenario participants = IncidentScenario.drill(engine);
    participants.finish(drill.drillNumber());

    assertThat(participants.steps()).as("steps answered from their forms").hasSizeGreaterThan(5);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(drill.drillNumber())
        .processDefinitionKey(drill.procedure()).count()).as("the procedure ended").isZero();
    // Each later fact reached the record, in the words the scenario gave it.
    List<String> notes = records.timeline(drill.drillNumber()).stream().map(RecordEntries.TimelineEntry::detail)
        .filter(detail -> detail != null && detail.startsWith("【訓練】新しく分かったこと")).toList();
    assertThat(notes).hasSize(scenarios.find(scenario).orElseThrow().injects().size());
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery()
        .processInstanceBusinessKey(drill.drillNumber()).list())
        .allSatisfy(task -> assertThat(task.getName()).startsWith("【訓練】"));
  }

  @Test
  void shouldShowTheLastDrillsImprovementsInTheNextDrillAndKeepThemInItsScorecard() {
    DrillStarter.Started first = startAsLead("email-misdelivery");
    IncidentScenario.drill(engine).finish(first.drillNumber());

    assertThat(scorecard.of(records.find(first.drillNumber()).orElseThrow()).improvements())
        .isEqualTo(IncidentScenario.DRILL_IMPROVEMENTS);
    DrillStarter.Started next = startAsLead("outage-then-ransomware");
    assertThat(engine.getRuntimeService().getVariable(next.processInstanceId(), "previousDrillImprovements"))
        .isEqualTo(IncidentScenario.DRILL_IMPROVEMENTS);
    assertThat(scorecard.of(records.find(next.drillNumber()).orElseThrow()).previousImprovements())
        .isEqualTo(IncidentScenario.DRILL_IMPROVEMENTS);
  }

  private DrillStarter.Started startAsLead(String scenario) {
    engine.getIdentityService().setAuthentication("drill-lead", List.of("incident-lead"));
    try {
      return starter.start(scenario, null);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}
