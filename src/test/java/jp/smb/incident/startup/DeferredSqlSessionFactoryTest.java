package jp.smb.incident.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.apache.ibatis.datasource.unpooled.UnpooledDataSource;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine gets the mappings read in the background only when they were read for its database and table prefix;
 * otherwise, or when the reading failed, it gets them read for its own database, with its own environment.
 */
class DeferredSqlSessionFactoryTest {

  // Read once for the class: each reading takes about a second.
  private static final Configuration H2 = EngineMappings.parse("h2", "");

  private StandaloneInMemProcessEngineConfiguration engine;

  @BeforeEach
  void engineAfterItsInit() {
    engine = new StandaloneInMemProcessEngineConfiguration();
    engine.setDataSource(new UnpooledDataSource("org.h2.Driver", "jdbc:h2:mem:deferred-mappings", "sa", ""));
    engine.setTransactionFactory(new JdbcTransactionFactory());
    engine.setJdbcStatementTimeout(17);
    engine.setDatabaseTablePrefix("");
    engine.setDatabaseType("h2");
  }

  @Test
  void shouldUseTheMappingsReadInTheBackgroundForTheSameDatabase() {
    DeferredSqlSessionFactory factory = deferred(new PreloadedMappings("h2", "", CompletableFuture.completedFuture(H2)));

    assertThat(factory.usedPreloaded()).isTrue();
    assertThat(factory.getConfiguration()).isSameAs(H2);
    assertThat(H2.getEnvironment().getDataSource()).isSameAs(engine.getDataSource());
    assertThat(H2.getEnvironment().getTransactionFactory()).isSameAs(engine.getTransactionFactory());
    assertThat(H2.getDefaultStatementTimeout()).isEqualTo(17);
    assertThat(H2.hasStatement("selectTaskByQueryCriteria")).isTrue();
    try (SqlSession session = factory.openSession()) {
      assertThat(session.getConfiguration()).isSameAs(H2);
    }
  }

  @Test
  void shouldReadTheMappingsForTheEnginesDatabaseWhenTheGuessWasWrong() {
    engine.setDatabaseType("postgres");
    CompletableFuture<Configuration> guess = CompletableFuture.completedFuture(H2);

    DeferredSqlSessionFactory factory = deferred(new PreloadedMappings("h2", "", guess));

    assertThat(factory.usedPreloaded()).isFalse();
    assertThat(factory.getConfiguration()).isNotSameAs(H2);
    // PostgreSQL's bit operator instead of H2's BITAND(…): the statements are written for the engine's database.
    assertThat(factory.getConfiguration().getVariables().getProperty("bitand2")).isEqualTo(" & ");
    assertThat(H2.getVariables().getProperty("bitand2")).isEqualTo(",CAST(");
    assertThat(factory.getConfiguration().getEnvironment().getDataSource()).isSameAs(engine.getDataSource());
  }

  @Test
  void shouldReadTheMappingsForAnotherTablePrefix() {
    engine.setDatabaseTablePrefix("OTHER.");

    DeferredSqlSessionFactory factory = deferred(new PreloadedMappings("h2", "", CompletableFuture.completedFuture(H2)));

    assertThat(factory.usedPreloaded()).isFalse();
    assertThat(factory.getConfiguration().getVariables().getProperty("prefix")).isEqualTo("OTHER.");
  }

  @Test
  void shouldReadTheMappingsItselfWhenTheBackgroundReadingFailed() {
    engine.setJdbcBatchProcessing(true);
    CompletableFuture<Configuration> failed = CompletableFuture.failedFuture(new IllegalStateException("disk"));

    DeferredSqlSessionFactory factory = deferred(new PreloadedMappings("h2", "", failed));

    assertThat(factory.usedPreloaded()).isFalse();
    assertThat(factory.getConfiguration().hasStatement("selectTaskByQueryCriteria")).isTrue();
    assertThat(factory.getConfiguration().getDefaultExecutorType()).isEqualTo(ExecutorType.BATCH);
  }

  private DeferredSqlSessionFactory deferred(PreloadedMappings preloaded) {
    return new DeferredSqlSessionFactory(engine, preloaded);
  }
}
