package jp.smb.incident.taskquery;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Set;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Keeps Tasklist fast with many open incidents under authorization checks. The engine joins every task with every
 * authorization row of the caller's groups ({@code RESOURCE_ID_ IN (task, definition, '*')}), which grows with the
 * square of open tasks; our statement ({@code task-query.xml}) checks each task with index lookups instead, for the
 * query shapes Tasklist and the API use ({@link TaskQueryShape}). Both are held to the same answers by the security
 * matrix, on H2 and PostgreSQL. The engine's first query of each such command, which reads every authorization
 * row's group, is replaced by a lookup of the caller's groups ({@link GrantedGroupsAuthorizationManager}).
 *
 * <p>One switch turns it off ({@code incident.task-query.own-sql=false}); on a database our SQL was not written and
 * tested for (only H2 and PostgreSQL are), the engine's own statements answer, with a warning.
 */
@Component
@ConditionalOnProperty(prefix = "incident.task-query", name = "own-sql", havingValue = "true", matchIfMissing = true)
public class TaskQueryPlugin extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(TaskQueryPlugin.class);
  private static final String MAPPER = "jp/smb/incident/taskquery/task-query.xml";
  /** The engine's database types our statements are written and tested for (the security matrix runs on both). */
  static final Set<String> DATABASES = Set.of("h2", "postgres");

  // Known once the engine has read its database, before any session is opened.
  private volatile boolean ownSql;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomSessionFactories() == null) {
      configuration.setCustomSessionFactories(new ArrayList<>());
    }
    configuration.getCustomSessionFactories().add(factory(TaskManager.class,
        () -> ownSql ? new PlainTaskManager() : new TaskManager()));
    configuration.getCustomSessionFactories().add(factory(AuthorizationManager.class,
        () -> ownSql ? new GrantedGroupsAuthorizationManager() : new AuthorizationManager()));
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    ownSql = supports(configuration.getDatabaseType());
    if (!ownSql) {
      LOG.warn("タスク一覧の高速化（incident.task-query.own-sql）は H2 と PostgreSQL だけで使えます。"
          + "このデータベース（{}）ではエンジン本来の SQL を使います / own task query SQL is for H2 and PostgreSQL only; "
          + "using the engine's statements on {}", configuration.getDatabaseType(), configuration.getDatabaseType());
      return;
    }
    Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
    if (mybatis.hasStatement(PlainTaskManager.NAMESPACE + "selectPlainTasks", false)) {
      return; // a shared MyBatis configuration already has it
    }
    try (InputStream mapper = TaskQueryPlugin.class.getClassLoader().getResourceAsStream(MAPPER)) {
      new XMLMapperBuilder(mapper, mybatis, MAPPER, mybatis.getSqlFragments()).parse();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + MAPPER, e);
    }
  }

  static boolean supports(String databaseType) {
    return DATABASES.contains(databaseType);
  }

  /** Whether our statements answer Tasklist's task queries on this engine. */
  public boolean ownSql() {
    return ownSql;
  }

  private static SessionFactory factory(Class<?> type, java.util.function.Supplier<Session> sessions) {
    return new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return type;
      }

      @Override
      public Session openSession() {
        return sessions.get();
      }
    };
  }
}
