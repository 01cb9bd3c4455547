package jp.smb.incident.operations;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.springframework.stereotype.Component;

/**
 * Keeps Tasklist fast with many open incidents under authorization checks. The engine joins every task with every
 * authorization row of the caller's groups ({@code RESOURCE_ID_ IN (task, definition, '*')}), which grows with the
 * square of open tasks; our statement ({@code task-query.xml}) checks each task with index lookups instead, for the
 * query shapes Tasklist and the API use ({@link TaskQueryShape}). Both are held to the same answers by the security
 * matrix, on H2 and PostgreSQL. The engine's first query of each such command, which reads every authorization
 * row's group, is replaced by a lookup of the caller's groups ({@link GrantedGroupsAuthorizationManager}).
 */
@Component
public class TaskQueryPlugin extends AbstractProcessEnginePlugin {

  private static final String MAPPER = "jp/smb/incident/operations/task-query.xml";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomSessionFactories() == null) {
      configuration.setCustomSessionFactories(new ArrayList<>());
    }
    configuration.getCustomSessionFactories().add(factory(TaskManager.class, PlainTaskManager::new));
    configuration.getCustomSessionFactories().add(factory(AuthorizationManager.class,
        GrantedGroupsAuthorizationManager::new));
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
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
