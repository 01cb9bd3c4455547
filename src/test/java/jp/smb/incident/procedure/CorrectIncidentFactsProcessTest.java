package jp.smb.incident.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import jp.smb.incident.input.RejectedInputException;
import jp.smb.incident.record.IncidentRecords;
import jp.smb.incident.record.RecordEntries.TimelineEntry;
import jp.smb.incident.reporting.ReportObligations;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** 事実を更新する: the lead corrects a deciding fact from Tasklist at any step, and the legal clock decides again. */
@SpringBootTest
@ActiveProfiles("processtest")
@Import(ExecutiveProgressReportTest.Coverage.class)
class CorrectIncidentFactsProcessTest {

  static final String PROCESS = "correct-incident-facts";

  @Autowired
  ProcessEngine engine;

  @Autowired
  IncidentRecords records;

  @Autowired
  ReportObligations obligations;

  @AfterEach
  void logOut() {
    engine.getIdentityService().clearAuthentication();
  }

  /** A misdelivered mail, confirmed in triage with no personal data thought involved; stage 1 still under way. */
  private IncidentDriver confirmedIncident() {
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("ipa-incident-response", Map.of(
        "incidentTitle", "見積書の誤送信", "incidentType", "misdelivery", "eventDescription", "宛先を誤った",
        "detectedAt", "2026-11-24T09:30+09:00"));
    IncidentDriver incident = new IncidentDriver(engine, instance);
    incident.complete("Task_TriageReport", "isIncident", true, "personalDataLeaked", "no", "businessAffected", "no",
        "externalPartiesAffected", "yes", "employeeWorkAffected", "no");
    return incident;
  }

  @Test
  void shouldOpenTheReportsTheCorrectedFactsMakeMandatoryWhateverStepTheIncidentIsAt() {
    IncidentDriver incident = confirmedIncident();
    assertThat(incident.reportTasks()).isEmpty();
    engine.getIdentityService().setAuthentication("sato", List.of("incident-lead"));

    // As Tasklist submits the form: a yes/no answer as text, blank fields left out.
    ProcessInstance correction = engine.getRuntimeService().startProcessInstanceByKey(PROCESS, Map.of(
        "incidentNumber", incident.businessKey(), "personalDataLeaked", "yes", "financialDamageRisk", "true",
        "commissioningParty", "", "affectedPersons", 3.0, "awareAt", "2026-11-25T11:00+09:00"));
    engine.getIdentityService().clearAuthentication();

    assertThat(correction.isEnded()).isTrue();
    assertThat(correction.getBusinessKey()).isEqualTo(incident.businessKey());
    incident.runAsynchronousSteps();
    assertThat(incident.reportTasks().keySet()).containsExactlyInAnyOrder("ppc-preliminary", "data-subjects");
    assertThat(incident.openStepKeys()).contains("Task_ContainIncident").doesNotContain("Task_DecideFirstReport");
    assertThat(obligations.of(incident.businessKey())).first().satisfies(first -> {
      assertThat(first.item()).isEqualTo("ppc-preliminary");
      assertThat(first.awareAt()).isEqualTo("2026-11-25T11:00+09:00");
    });
    assertThat(engine.getRuntimeService().getVariable(incident.instance().getId(), "commissioningParty")).isNull();
    assertThat(records.timeline(incident.businessKey())).filteredOn(entry -> entry.kind().equals("FACTS"))
        .singleElement().satisfies(entry -> {
          assertThat(entry.actor()).isEqualTo("sato");
          assertThat(entry.detail()).contains("financialDamageRisk = true", "affectedPersons = 3");
        });
  }

  @Test
  void shouldRefuseACorrectionThatNamesNoFactOrAWrongOneOrComesFromAnotherRole() {
    IncidentDriver incident = confirmedIncident();
    Map<String, Object> leak = Map.of("incidentNumber", incident.businessKey(), "personalDataLeaked", "yes");

    engine.getIdentityService().setAuthentication("suzuki", List.of("comms"));
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(PROCESS, leak))
        .isInstanceOf(RejectedInputException.class).hasMessageContaining("インシデント対応責任者");

    engine.getIdentityService().setAuthentication("sato", List.of("incident-lead"));
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(PROCESS,
        Map.of("incidentNumber", incident.businessKey())))
        .isInstanceOf(RejectedInputException.class).hasMessageContaining("1 つ以上");
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(PROCESS,
        Map.of("incidentNumber", incident.businessKey(), "sensitiveData", "maybe")))
        .isInstanceOf(RejectedInputException.class).hasMessageContaining("sensitiveData");
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(PROCESS,
        Map.of("incidentNumber", "INC-1999-0001", "personalDataLeaked", "yes")))
        .isInstanceOf(RejectedInputException.class).hasMessageContaining("INC-1999-0001 が見つかりません");

    assertThat(incident.reportTasks()).isEmpty();
    assertThat(records.timeline(incident.businessKey())).extracting(TimelineEntry::kind).doesNotContain("FACTS");
  }
}
