package jp.smb.incident.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A smoke round of the benchmark's throughput part, both procedures, two incidents each, in the quick loop: when a
 * change to the diagrams or forms adds a step or a required field the scenario cannot answer from the form, this
 * fails here instead of in {@code ./mvnw -Pbenchmark verify} weeks later.
 */
@SpringBootTest
@ActiveProfiles("processtest")
class IncidentScenarioTest {

  @Autowired
  ProcessEngine engine;

  @Test
  void shouldRunTheThreeStageIncidentFromTheReportToTheCloseThroughItsForms() {
    IncidentScenario scenario = IncidentScenario.threeStage(engine);

    scenario.run();
    scenario.run();

    assertThat(scenario.steps()).as("steps completed").hasSizeGreaterThan(15);
    assertThat(scenario.steps()).as("every step answered something").allSatisfy(values -> assertThat(values).isNotEmpty());
    assertThat(scenario.activityInstances()).isPositive();
  }

  @Test
  void shouldRunTheSixStepIncidentFromTheReportToTheCloseThroughItsForms() {
    IncidentScenario scenario = IncidentScenario.sixStep(engine);

    scenario.run();
    scenario.run();

    assertThat(scenario.steps()).as("steps completed").hasSizeGreaterThan(10);
    assertThat(scenario.activityInstances()).isPositive();
  }
}
