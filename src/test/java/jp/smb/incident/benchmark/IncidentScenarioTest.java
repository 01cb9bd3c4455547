package jp.smb.incident.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A tiny round of the benchmark's incident, in the quick loop: when a change to the diagrams adds a step the
 * scenario does not answer, this fails here instead of in {@code ./mvnw -Pbenchmark verify} weeks later.
 */
@SpringBootTest
@ActiveProfiles("processtest")
class IncidentScenarioTest {

  @Autowired
  ProcessEngine engine;

  @Test
  void shouldRunTheBenchmarksIncidentFromTheReportToTheClose() {
    IncidentScenario scenario = new IncidentScenario(engine);

    scenario.run();

    assertThat(scenario.steps()).as("steps completed").hasSizeGreaterThan(15);
    assertThat(scenario.activityInstances()).isPositive();
  }
}
