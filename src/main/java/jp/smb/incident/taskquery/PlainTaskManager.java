package jp.smb.incident.taskquery;

import java.util.List;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.camunda.bpm.engine.task.Task;

/**
 * The engine's task manager, answering task queries of a plain shape ({@link TaskQueryShape}) with our statements
 * (task-query.xml): without a check per task for a caller granted every task, with one otherwise.
 */
class PlainTaskManager extends TaskManager {

  static final String NAMESPACE = "jp.smb.incident.taskquery.TaskQuery.";

  @Override
  @SuppressWarnings("unchecked")
  public List<Task> findTasksByQueryCriteria(TaskQueryImpl query) {
    configureQuery(query);
    if (TaskQueryShape.isPlain(query)) {
      String statement = readsEveryTask(query) ? "selectPlainTasksOfReader" : "selectPlainTasks";
      return (List<Task>) (List<?>) getDbEntityManager().selectList(NAMESPACE + statement, query);
    }
    return super.findTasksByQueryCriteria(query);
  }

  @Override
  public long findTaskCountByQueryCriteria(TaskQueryImpl query) {
    configureQuery(query);
    if (TaskQueryShape.isPlain(query)) {
      String statement = readsEveryTask(query) ? "selectPlainTaskCountOfReader" : "selectPlainTaskCount";
      return (Long) getDbEntityManager().selectOne(NAMESPACE + statement, query);
    }
    return super.findTaskCountByQueryCriteria(query);
  }

  /**
   * A grant on every task or every process definition ('*') answers the check for all tasks at once: asked once
   * per query here, instead of with each task in the database.
   */
  private boolean readsEveryTask(TaskQueryImpl query) {
    return (Long) getDbEntityManager().selectOne(NAMESPACE + "selectGrantsOnEveryTask", query) > 0;
  }
}
