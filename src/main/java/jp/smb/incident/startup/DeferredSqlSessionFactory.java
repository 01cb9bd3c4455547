package jp.smb.incident.startup;

import java.sql.Connection;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.TransactionIsolationLevel;
import org.apache.ibatis.session.defaults.DefaultSqlSessionFactory;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * The engine's session factory, made on first use from the preloaded mappings: by then the engine has read its
 * database type from the connection, and the preloaded mappings are used only if they were read for that type and
 * table prefix; otherwise the mappings are read here, as the engine would have. Same environment, statement timeout
 * and executor as the engine's own.
 */
final class DeferredSqlSessionFactory implements SqlSessionFactory {

  private final ProcessEngineConfigurationImpl engine;
  private final PreloadedMappings preloaded;
  private volatile SqlSessionFactory resolved;
  private volatile boolean usedPreloaded;

  DeferredSqlSessionFactory(ProcessEngineConfigurationImpl engine, PreloadedMappings preloaded) {
    this.engine = engine;
    this.preloaded = preloaded;
  }

  /** Whether the mappings read in the background are the ones in use. */
  boolean usedPreloaded() {
    resolved();
    return usedPreloaded;
  }

  private SqlSessionFactory resolved() {
    SqlSessionFactory factory = resolved;
    if (factory == null) {
      synchronized (this) {
        if (resolved == null) {
          resolved = build();
        }
        factory = resolved;
      }
    }
    return factory;
  }

  private SqlSessionFactory build() {
    String type = engine.getDatabaseType();
    String prefix = engine.getDatabaseTablePrefix();
    Configuration mybatis = preloaded.takeFor(type, prefix);
    usedPreloaded = mybatis != null;
    if (mybatis == null) {
      mybatis = EngineMappings.parse(type, prefix);
    }
    mybatis.setEnvironment(new Environment("default", engine.getTransactionFactory(), engine.getDataSource()));
    mybatis.setDefaultStatementTimeout(engine.getJdbcStatementTimeout());
    if (engine.isJdbcBatchProcessing()) {
      mybatis.setDefaultExecutorType(ExecutorType.BATCH);
    }
    return new DefaultSqlSessionFactory(mybatis);
  }

  @Override
  public SqlSession openSession() {
    return resolved().openSession();
  }

  @Override
  public SqlSession openSession(boolean autoCommit) {
    return resolved().openSession(autoCommit);
  }

  @Override
  public SqlSession openSession(Connection connection) {
    return resolved().openSession(connection);
  }

  @Override
  public SqlSession openSession(TransactionIsolationLevel level) {
    return resolved().openSession(level);
  }

  @Override
  public SqlSession openSession(ExecutorType executorType) {
    return resolved().openSession(executorType);
  }

  @Override
  public SqlSession openSession(ExecutorType executorType, boolean autoCommit) {
    return resolved().openSession(executorType, autoCommit);
  }

  @Override
  public SqlSession openSession(ExecutorType executorType, TransactionIsolationLevel level) {
    return resolved().openSession(executorType, level);
  }

  @Override
  public SqlSession openSession(ExecutorType executorType, Connection connection) {
    return resolved().openSession(executorType, connection);
  }

  @Override
  public Configuration getConfiguration() {
    return resolved().getConfiguration();
  }
}
