package jp.smb.incident.taskquery;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.test.context.ActiveProfiles;

/** Our task-query SQL: on by default, off by one switch, and only on the databases it is tested for. */
@SpringBootTest
@ActiveProfiles("processtest")
class TaskQueryPluginTest {

  @Autowired
  ProcessEngine engine;

  @Autowired
  TaskQueryPlugin plugin;

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({"h2, true", "postgres, true", "mysql, false", "mariadb, false", "oracle, false", "mssql, false",
      "db2, false"})
  void shouldUseOwnSqlOnlyOnTheDatabasesTheSecurityMatrixRunsOn(String databaseType, boolean own) {
    assertThat(TaskQueryPlugin.supports(databaseType)).isEqualTo(own);
  }

  @Test
  void shouldAnswerTasklistsQueriesWithOwnSqlOnH2() {
    assertThat(plugin.ownSql()).isTrue();
    TaskManager manager = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(context -> context.getTaskManager());
    assertThat(manager).isInstanceOf(PlainTaskManager.class);
  }

  @Test
  void shouldLeaveTheEnginesSqlWhenSwitchedOff() {
    ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(TaskQueryPlugin.class);
    runner.run(context -> assertThat(context).hasSingleBean(TaskQueryPlugin.class));
    runner.withPropertyValues("incident.task-query.own-sql=false")
        .run(context -> assertThat(context).doesNotHaveBean(TaskQueryPlugin.class));
  }
}
