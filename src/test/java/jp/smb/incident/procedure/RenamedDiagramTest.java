package jp.smb.incident.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jp.smb.incident.record.IncidentRecord;
import jp.smb.incident.record.IncidentRecord.State;
import jp.smb.incident.record.IncidentRecords;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The record and the response times follow the diagram's markers, not its ids: the six-step plan deployed again
 * with every task and end event renamed, as an edit in Modeler might, still records containment, recovery and a
 * false alarm, and still feeds the MTTx timers. Its own database, so that the renamed version stays here.
 */
@SpringBootTest
@ActiveProfiles("processtest")
class RenamedDiagramTest {

  private static final String PROCESS = "six-step-incident-response";

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> "jdbc:h2:mem:renamed-diagram;DB_CLOSE_DELAY=-1");
  }

  @Autowired
  ProcessEngine engine;

  @Autowired
  IncidentRecords records;

  @Autowired
  MeterRegistry meters;

  /** Every model and form as deployed, the six-step plan with its tasks and end events under other ids. */
  @BeforeEach
  void deployRenamedCopy() throws IOException {
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("renamed-six-step");
    for (String folder : List.of("processes", "forms")) {
      try (Stream<Path> files = Files.list(Path.of(folder))) {
        for (Path file : files.toList()) {
          String text = Files.readString(file);
          if (file.getFileName().toString().equals(PROCESS + ".bpmn")) {
            text = rename(text);
            assertThat(text).doesNotContain("Task_", "EndEvent_", "NotAnIncident");
          }
          deployment.addString(file.getFileName().toString(), text);
        }
      }
    }
    deployment.deploy();
  }

  private static String rename(String diagram) {
    return diagram.replace("Task_", "Step").replace("EndEvent_", "End").replace("NotAnIncident", "Dismissed");
  }

  @Test
  void shouldRecordAFalseAlarmByTheEndEventsMarker() {
    IncidentDriver incident = report();
    incident.complete("StepRecordSituation", "affectedSystems", "なし", "isIncident", false,
        "notIncidentReason", "迷惑メールで、添付は開いていない");

    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(incident.instance().getId()).count()).isZero();
    assertThat(records.find(incident.businessKey()).orElseThrow().state()).isEqualTo(State.NOT_AN_INCIDENT);
  }

  @Test
  void shouldRecordContainmentAndRecoveryByTheTasksMarkers() {
    IncidentDriver incident = report();
    incident.complete("StepRecordSituation", "occurredAt", "2026-11-23T22:00+09:00", "affectedSystems", "受付用PC 1台",
        "affectedInformation", "顧客名簿", "isIncident", true);
    incident.complete("StepIsolateAffectedSystems", "networkDisconnected", true, "passwordsReset", true,
        "powerKeptOn", true, "isolationNote", "LANケーブルを抜いた");
    assertThat(records.find(incident.businessKey()).orElseThrow().containedAt()).isNotNull();

    // Straight to recovery, then to the end: the milestones in between are what is measured, not the path.
    moveTo(incident.instance(), "StepRecoverData");
    incident.complete("StepRecoverData", "backupUsed", "11/22 の外付けディスク", "recoveryNote", "顧客名簿を復元");
    moveTo(incident.instance(), "EndIncidentClosed");

    IncidentRecord record = records.find(incident.businessKey()).orElseThrow();
    assertThat(record.state()).isEqualTo(State.CLOSED);
    assertThat(record.recoveredAt()).isNotNull();
    for (String metric : List.of("incident.time.to.contain", "incident.time.to.recover")) {
      assertThat(meters.find(metric).tag("procedure", PROCESS).timer()).as(metric).isNotNull()
          .satisfies(timer -> assertThat(timer.count()).as(metric).isEqualTo(1));
    }
  }

  private IncidentDriver report() {
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(PROCESS, Map.of(
        "incidentTitle", "不審なメール", "incidentType", "malware", "detectedAt", "2026-11-24T09:30+09:00",
        "eventDescription", "添付ファイルを開いた", "reportSource", "internal"));
    assertThat(engine.getRepositoryService().getProcessDefinition(instance.getProcessDefinitionId())
        .getDeploymentId()).isEqualTo(engine.getRepositoryService().createDeploymentQuery()
            .deploymentName("renamed-six-step").orderByDeploymentTime().desc().list().get(0).getId());
    return new IncidentDriver(engine, instance);
  }

  /** Cancels whatever is open and starts the instance again before the element. */
  private void moveTo(ProcessInstance instance, String activityId) {
    ProcessInstanceModificationBuilder modification = engine.getRuntimeService()
        .createProcessInstanceModification(instance.getId());
    for (ActivityInstance child : engine.getRuntimeService().getActivityInstance(instance.getId()).getChildActivityInstances()) {
      modification.cancelActivityInstance(child.getId());
    }
    modification.startBeforeActivity(activityId).execute();
  }
}
