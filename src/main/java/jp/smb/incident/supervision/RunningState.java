package jp.smb.incident.supervision;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.smb.incident.database.InChunks;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricActivityInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the board shows of many incidents at once, in one statement each instead of one call per incident or task:
 * the groups a task is offered to, and the stage each procedure is in. Reads only rows of tasks and instances the
 * caller was already allowed to see (their ids come from the engine's authorized queries).
 */
@Component
class RunningState {

  private final JdbcClient jdbc;
  private final String identityLinks;
  private final String activityInstances;

  RunningState(JdbcClient jdbc, ManagementService management) {
    this.jdbc = jdbc;
    // The engine's names, with a table prefix if one is configured.
    this.identityLinks = management.getTableName(IdentityLinkEntity.class);
    this.activityInstances = management.getTableName(HistoricActivityInstanceEntity.class);
  }

  /** Task id → the groups it is offered to (candidate groups), in no particular order. */
  Map<String, List<String>> candidateGroups(Collection<String> taskIds) {
    return grouped(taskIds, "SELECT TASK_ID_ AS owner, GROUP_ID_ AS name FROM " + identityLinks
        + " WHERE TYPE_ = 'candidate' AND GROUP_ID_ IS NOT NULL AND TASK_ID_ IN (:ids) ORDER BY GROUP_ID_");
  }

  /** Process instance id → the names of its running top-level sub-processes (a stage, or steps side by side). */
  Map<String, List<String>> stages(Collection<String> processInstanceIds) {
    return grouped(processInstanceIds, "SELECT PROC_INST_ID_ AS owner, ACT_NAME_ AS name FROM " + activityInstances
        + " WHERE ACT_TYPE_ = 'subProcess' AND END_TIME_ IS NULL AND ACT_NAME_ IS NOT NULL"
        + " AND PARENT_ACT_INST_ID_ = PROC_INST_ID_ AND PROC_INST_ID_ IN (:ids) ORDER BY START_TIME_, ID_");
  }

  private record Row(String owner, String name) {
  }

  private Map<String, List<String>> grouped(Collection<String> ids, String sql) {
    Map<String, List<String>> grouped = new LinkedHashMap<>();
    for (List<String> chunk : InChunks.of(ids)) {
      jdbc.sql(sql).param("ids", chunk).query(Row.class).list()
          .forEach(row -> grouped.computeIfAbsent(row.owner(), owner -> new ArrayList<>()).add(row.name()));
    }
    return grouped;
  }
}
