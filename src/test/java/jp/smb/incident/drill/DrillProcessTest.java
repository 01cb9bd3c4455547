package jp.smb.incident.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import jp.smb.incident.contract.DrillVariables;
import jp.smb.incident.procedure.IncidentDriver;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A drill and a real incident side by side on the real three-stage procedure: the drill's escalation and legal
 * deadline come at the compressed times (one day in ten minutes), the real incident's do not move.
 */
@SpringBootTest
@ActiveProfiles("processtest")
class DrillProcessTest {

  private static final Instant NOON = Instant.parse("2026-12-02T03:00:00Z");

  @Autowired
  ProcessEngine engine;

  @BeforeEach
  void fixTheClock() {
    ClockUtil.setCurrentTime(Date.from(NOON));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private IncidentDriver report(boolean drill) {
    Map<String, Object> report = new HashMap<>(Map.of("incidentTitle", "顧客データベースへの不正アクセス",
        "incidentType", "unauthorized-access", "detectedAt", "2026-12-02T12:00+09:00",
        "eventDescription", "不審なログイン", "reportSource", "internal"));
    if (drill) {
      report.put(DrillVariables.DRILL.name(), true);
    }
    return new IncidentDriver(engine, engine.getRuntimeService().startProcessInstanceByKey("ipa-incident-response",
        report));
  }

  private Job triageEscalation(IncidentDriver incident) {
    return engine.getManagementService().createJobQuery().processInstanceId(incident.instance().getId()).timers()
        .activityId("Event_TriageOverdue").singleResult();
  }

  @Test
  void shouldEscalateADrillsStepAtTheCompressedTimeAndLeaveTheRealIncidentsAlone() {
    IncidentDriver real = report(false);
    IncidentDriver drill = report(true);

    assertThat(drill.businessKey()).startsWith("TRN-");
    assertThat(triageEscalation(real).getDuedate()).isEqualTo(Date.from(NOON.plus(Duration.ofMinutes(30))));
    assertThat(triageEscalation(drill).getDuedate()).isEqualTo(Date.from(NOON.plusSeconds(13)));

    ClockUtil.setCurrentTime(Date.from(NOON.plusSeconds(14)));
    real.fireDueTimers();
    drill.fireDueTimers();

    assertThat(drill.openTaskKeys()).contains("Task_TriageReport", "Task_HandleOverdueTriage");
    assertThat(drill.task("Task_HandleOverdueTriage").getName()).startsWith("【訓練】");
    assertThat(real.openTaskKeys()).containsExactly("Task_TriageReport");
  }

  @Test
  void shouldMakeADrillsStatutoryReportDueWithinTheHourOfTheExercise() {
    IncidentDriver real = report(false);
    IncidentDriver drill = report(true);
    for (IncidentDriver incident : new IncidentDriver[] {real, drill}) {
      incident.complete("Task_TriageReport", "isIncident", true, "personalDataLeaked", "yes", "affectedPersons", 1500);
    }

    Task realReport = real.reportTasks().get("ppc-preliminary");
    Task drillReport = drill.reportTasks().get("ppc-preliminary");
    // Detected at noon on 2 December: day 3 ends on 4 December at 23:59:59, 60 hours later; in a drill, 25 minutes.
    assertThat(realReport.getDueDate()).isEqualTo(Date.from(Instant.parse("2026-12-04T14:59:59Z")));
    assertThat(drillReport.getDueDate()).isEqualTo(Date.from(NOON.plusSeconds(1500)));
    assertThat(drillReport.getName()).startsWith("【訓練】");
    assertThat((String) engine.getTaskService().getVariable(drillReport.getId(), "reportDueLabel"))
        .startsWith("【訓練】").contains("時間を縮めています");
    assertThat((String) engine.getTaskService().getVariable(drillReport.getId(), "reportDraft"))
        .startsWith("【訓練】これは訓練用の下書きです");
    assertThat((String) engine.getTaskService().getVariable(realReport.getId(), "reportDraft")).doesNotContain("訓練");
  }
}
