package jp.smb.incident.startup;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The application's engine runs on the mappings read while Spring started, and answers queries with them. */
@SpringBootTest
@ActiveProfiles("processtest")
class PreloadedMappingsTest {

  @Autowired
  ProcessEngine engine;

  @Test
  void shouldRunTheEngineOnTheMappingsReadInTheBackground() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

    assertThat(configuration.getSqlSessionFactory()).isInstanceOf(DeferredSqlSessionFactory.class);
    assertThat(((DeferredSqlSessionFactory) configuration.getSqlSessionFactory()).usedPreloaded()).isTrue();
    assertThat(configuration.getDbSqlSessionFactory().getSqlSessionFactory()).isSameAs(configuration.getSqlSessionFactory());
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("ipa-incident-response")
        .count()).isPositive();
  }

  @Test
  void shouldGuessTheDatabaseFromTheUrlOnlyWhereItIsSure() {
    assertThat(MappingsPreload.databaseTypeOf("jdbc:h2:file:./data/incident-response;WRITE_DELAY=0")).isEqualTo("h2");
    assertThat(MappingsPreload.databaseTypeOf("jdbc:postgresql://db/incident")).isEqualTo("postgres");
    assertThat(MappingsPreload.databaseTypeOf("jdbc:mysql://db/incident")).isNull();
    assertThat(MappingsPreload.databaseTypeOf(null)).isNull();
  }
}
