package jp.smb.incident.procedure;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The coverage gate of the procedure tests: each test class must run at least 90 % of the flow nodes and sequence
 * flows of the processes it starts. One configuration for all of them, so that they share one application context.
 */
@TestConfiguration
public class ProcessCoverage {

  @Bean
  ProcessEngineCoverageProperties processEngineCoverageProperties() {
    return ProcessEngineCoverageProperties.builder().assertClassCoverageAtLeast(0.9).build();
  }
}
