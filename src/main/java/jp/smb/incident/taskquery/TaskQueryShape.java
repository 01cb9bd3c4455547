package jp.smb.incident.taskquery;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;

/**
 * Whether a task query has a shape that our statement answers: the ones Tasklist's filters and our API run (by
 * candidate groups, assignee, incident, step, company), under grant-only authorization checks, over process tasks.
 * Any criterion outside that set, set now or added by a later engine version, sends the query to the engine's own
 * statement: the criteria are read from the query's fields and compared with a fresh query's.
 */
public final class TaskQueryShape {

  /** Criteria our statement filters by. */
  private static final Set<String> SUPPORTED = Set.of("taskId", "processInstanceId", "processDefinitionKey", "key",
      "assignee", "unassigned", "tenantIds", "candidateGroup", "candidateGroups", "includeAssignedTasks");

  /**
   * State of the query object that is not a criterion (caches, the or-query list, result decorations), and
   * followUpNullAccepted, which only widens a follow-up date criterion (itself unsupported).
   */
  private static final Set<String> NOT_CRITERIA = Set.of("queries", "isOrQueryActive", "cachedCandidateGroups",
      "cachedUserGroups", "initializeFormKeys", "withCommentAttachmentInfo", "variableNamesIgnoreCase",
      "variableValuesIgnoreCase", "followUpNullAccepted");

  private static final Map<Field, Object> DEFAULTS = defaults();

  private TaskQueryShape() {
  }

  /** Called by {@link PlainTaskManager} after the engine has configured the query's authorization check. */
  public static boolean isPlain(TaskQueryImpl query) {
    return grantsOnly(query.getAuthCheck()) && query.isQueryForProcessTasksOnly()
        && query.getQueries().size() == 1 && !query.isOrQueryActive()
        && query.getOrderingProperties().stream().allMatch(TaskQueryShape::onTaskColumn)
        && onlySupportedCriteria(query);
  }

  /** Checks that grant authorizations answer alone; revokes or a composite check go to the engine's statement. */
  private static boolean grantsOnly(AuthorizationCheck check) {
    CompositePermissionCheck permissions = check.getPermissionChecks();
    return check.isAuthorizationCheckEnabled() && check.getAuthUserId() != null
        && !check.isRevokeAuthorizationCheckEnabled() && permissions.isDisjunctive()
        && permissions.getCompositeChecks().isEmpty() && !permissions.getAtomicChecks().isEmpty();
  }

  private static boolean onTaskColumn(QueryOrderingProperty ordering) {
    return ordering.getRelation() == null && ordering.getQueryProperty() != null
        && ordering.getQueryProperty().getFunction() == null;
  }

  private static boolean onlySupportedCriteria(TaskQueryImpl query) {
    for (Map.Entry<Field, Object> criterion : DEFAULTS.entrySet()) {
      try {
        if (!Objects.deepEquals(unset(criterion.getKey().get(query)), unset(criterion.getValue()))) {
          return false;
        }
      } catch (IllegalAccessException e) {
        return false;
      }
    }
    return true;
  }

  /** A criterion set to false or to an empty list filters nothing, as in the engine's statement. */
  private static Object unset(Object value) {
    if (Boolean.FALSE.equals(value) || value instanceof Object[] array && array.length == 0
        || value instanceof java.util.Collection<?> collection && collection.isEmpty()
        || value instanceof Map<?, ?> map && map.isEmpty()) {
      return null;
    }
    return value;
  }

  private static Map<Field, Object> defaults() {
    TaskQueryImpl fresh = new TaskQueryImpl();
    Map<Field, Object> defaults = new HashMap<>();
    for (Field field : TaskQueryImpl.class.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) || SUPPORTED.contains(field.getName())
          || NOT_CRITERIA.contains(field.getName())) {
        continue;
      }
      field.setAccessible(true);
      try {
        Object value = field.get(fresh);
        defaults.put(field, value instanceof Object[] array ? Arrays.copyOf(array, array.length) : value);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot read the task query's field " + field.getName(), e);
      }
    }
    return Collections.unmodifiableMap(defaults);
  }
}
