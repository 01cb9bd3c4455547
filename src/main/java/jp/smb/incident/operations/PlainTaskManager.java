package jp.smb.incident.operations;

import java.util.List;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.camunda.bpm.engine.task.Task;

/** The engine's task manager, answering task queries of a plain shape ({@link TaskQueryShape}) with our statement. */
class PlainTaskManager extends TaskManager {

  static final String NAMESPACE = "jp.smb.incident.operations.TaskQuery.";

  @Override
  @SuppressWarnings("unchecked")
  public List<Task> findTasksByQueryCriteria(TaskQueryImpl query) {
    configureQuery(query);
    if (TaskQueryShape.isPlain(query)) {
      return (List<Task>) (List<?>) getDbEntityManager().selectList(NAMESPACE + "selectPlainTasks", query);
    }
    return super.findTasksByQueryCriteria(query);
  }

  @Override
  public long findTaskCountByQueryCriteria(TaskQueryImpl query) {
    configureQuery(query);
    if (TaskQueryShape.isPlain(query)) {
      return (Long) getDbEntityManager().selectOne(NAMESPACE + "selectPlainTaskCount", query);
    }
    return super.findTaskCountByQueryCriteria(query);
  }
}
