package jp.smb.incident.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import jp.smb.incident.record.IncidentRecords;
import jp.smb.incident.record.RecordEntries.TimelineEntry;
import jp.smb.incident.input.RejectedInputException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** 経営者に状況を報告する（随時）: a report to the executive whenever the lead has news, kept in the incident's record. */
@SpringBootTest
@ActiveProfiles("processtest")
@Import(ExecutiveProgressReportTest.Coverage.class)
class ExecutiveProgressReportTest {

  static final String PROCESS = "executive-progress-report";

  @TestConfiguration
  static class Coverage {
    @Bean
    ProcessEngineCoverageProperties processEngineCoverageProperties() {
      // The incidents it reports on, and the reports they open, are started only as a setting; their own test
      // classes cover them. Shared by the startable helper processes' tests (CorrectIncidentFactsProcessTest).
      return ProcessEngineCoverageProperties.builder().assertClassCoverageAtLeast(0.9)
          .excludeProcessDefinitionKeys("ipa-incident-response", "type-specific-containment", "report-to-recipient")
          .build();
    }
  }

  @Autowired
  ProcessEngine engine;

  @Autowired
  IncidentRecords records;

  @AfterEach
  void logOut() {
    engine.getIdentityService().clearAuthentication();
  }

  private String openIncident() {
    return engine.getRuntimeService().startProcessInstanceByKey("ipa-incident-response", Map.of(
        "incidentTitle", "ファイルが開けない", "incidentType", "ransomware", "eventDescription", "拡張子が変わった"))
        .getBusinessKey();
  }

  @Test
  void shouldKeepAReportToTheExecutiveInTheIncidentsRecordWheneverTheLeadMakesOne() {
    String number = openIncident();
    engine.getIdentityService().setAuthentication("sato", List.of("incident-lead"));

    ProcessInstance report = engine.getRuntimeService().startProcessInstanceByKey(PROCESS, Map.of(
        "incidentNumber", number, "progressReport", "バックアップからの復元を始めた。明日の午前に受注を再開できる見込み"));

    assertThat(report.isEnded()).isTrue();
    assertThat(report.getBusinessKey()).isEqualTo(number);
    assertThat(records.timeline(number)).filteredOn(entry -> entry.kind().equals("EXECUTIVE_REPORT"))
        .singleElement().satisfies(entry -> {
          assertThat(entry.title()).isEqualTo("経営者に状況を報告した（随時）");
          assertThat(entry.actor()).isEqualTo("sato");
          assertThat(entry.detail()).startsWith("バックアップからの復元を始めた");
        });
  }

  @Test
  void shouldRefuseAnIncidentThatDoesNotExistOrIsClosed() {
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(PROCESS, Map.of(
        "incidentNumber", "INC-1999-0001", "progressReport", "報告")))
        .isInstanceOf(RejectedInputException.class).hasMessageContaining("INC-1999-0001 が見つかりません");

    ProcessInstance falseAlarm = engine.getRuntimeService().startProcessInstanceByKey("ipa-incident-response",
        Map.of("incidentTitle", "迷惑メール", "incidentType", "other", "eventDescription", "開いていない"));
    new IncidentDriver(engine, falseAlarm).complete("Task_TriageReport", "isIncident", false, "notIncidentReason", "迷惑メール");
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(PROCESS, Map.of(
        "incidentNumber", falseAlarm.getBusinessKey(), "progressReport", "報告")))
        .isInstanceOf(RejectedInputException.class).hasMessageContaining("対応を終えています");
  }

  @Test
  void shouldLeaveTheReportToTheIncidentLead() {
    String number = openIncident();
    engine.getIdentityService().setAuthentication("suzuki", List.of("tech"));

    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(PROCESS, Map.of(
        "incidentNumber", number, "progressReport", "報告")))
        .isInstanceOf(RejectedInputException.class).hasMessageContaining("インシデント対応責任者");
    assertThat(records.timeline(number)).extracting(TimelineEntry::kind).doesNotContain("EXECUTIVE_REPORT");
  }
}
