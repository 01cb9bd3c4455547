package jp.smb.incident.taskquery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.smb.incident.database.InChunks;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * The engine's authorization manager without its first query of every command that checks authorizations:
 * {@code SELECT DISTINCT GROUP_ID_} over every authorization row, which only narrows the caller's groups to those
 * holding a grant and grows with the open tasks (each task has its own grant rows). A group without grants
 * matches no row anyway, so a short list is used as it is; a longer one (a vendor's desk in many companies, a
 * directory's groups) is narrowed by looking up only the caller's groups.
 *
 * <p>The check of one permission on one resource (a saved filter before Tasklist lists it, a task before it is
 * claimed) and the look for revokes run our statements (task-query.xml), which take the groups as one array
 * parameter: the engine's build an IN list of every group several times per check, which for a desk in 1,000
 * companies cost more than the task query itself. Composite checks and checks inside queries stay the engine's.
 */
class GrantedGroupsAuthorizationManager extends AuthorizationManager {

  /**
   * Up to this many groups, a caller's groups are used without a query: a vendor's desk in 1,000 client companies
   * with two roles in each. The lists go into IN conditions, which both databases answer by hashing.
   */
  static final int GROUPS_USED_AS_GIVEN = 2_000;

  private List<String> checkedGroups;
  private List<String> groupsWithGrants;

  @Override
  public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
    if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
      return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
    }
    if (authenticatedGroupIds.size() <= GROUPS_USED_AS_GIVEN) {
      return new ArrayList<>(authenticatedGroupIds);
    }
    // Managers live for one command: the caller's groups are looked up once per command, as the engine does.
    if (!authenticatedGroupIds.equals(checkedGroups)) {
      Set<String> granted = new HashSet<>();
      for (List<String> chunk : InChunks.of(authenticatedGroupIds)) {
        for (Object group : getDbEntityManager().selectList(PlainTaskManager.NAMESPACE + "selectGroupsWithGrants",
            new ListQueryParameterObject(new ArrayList<>(chunk), 0, Integer.MAX_VALUE))) {
          granted.add((String) group);
        }
      }
      checkedGroups = List.copyOf(authenticatedGroupIds);
      groupsWithGrants = new ArrayList<>(granted);
    }
    return new ArrayList<>(groupsWithGrants);
  }

  @Override
  public boolean isAuthorized(String userId, List<String> groupIds, PermissionCheck check) {
    if (!isAuthorizationEnabled() || check.getResourceIdQueryParam() != null || !isResourceValidForPermission(check)) {
      return super.isAuthorized(userId, groupIds, check);
    }
    return isAuthorizedOnOneResource(userId, groupIds, check);
  }

  @Override
  public boolean isAuthorized(String userId, List<String> groupIds, CompositePermissionCheck composite) {
    List<PermissionCheck> atomic = composite.getAtomicChecks();
    boolean one = atomic != null && atomic.size() == 1
        && (composite.getCompositeChecks() == null || composite.getCompositeChecks().isEmpty())
        && atomic.get(0).getResourceIdQueryParam() == null && isResourceValidForPermission(atomic.get(0));
    return one ? isAuthorizedOnOneResource(userId, groupIds, atomic.get(0))
        : super.isAuthorized(userId, groupIds, composite);
  }

  private boolean isAuthorizedOnOneResource(String userId, List<String> groupIds, PermissionCheck check) {
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("userId", userId);
    parameters.put("callerGroups", filterAuthenticatedGroupIds(groupIds));
    parameters.put("revokes", isRevokeAuthCheckEnabled(userId, groupIds));
    parameters.put("resourceType", check.getResourceType());
    parameters.put("resourceId", check.getResourceId());
    parameters.put("specific", check.getResourceId() != null && !check.getResourceId().equals("*"));
    parameters.put("perms", check.getPerms());
    parameters.put("notFound", check.getAuthorizationNotFoundReturnValue());
    return getDbEntityManager().selectBoolean(PlainTaskManager.NAMESPACE + "selectCallerAuthorizedForResource",
        parameters);
  }

  @Override
  protected boolean isRevokeAuthCheckEnabled(String userId, List<String> groupIds) {
    String mode = Context.getProcessEngineConfiguration().getAuthorizationCheckRevokes();
    boolean auto = !ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_ALWAYS.equalsIgnoreCase(mode)
        && !ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER.equalsIgnoreCase(mode);
    if (isRevokeAuthCheckUsed == null && auto) {
      // Once per command, as the engine asks it; first whether there is any revoke at all, which takes one index
      // probe where the caller's revokes take one per group (1,000 for a vendor's desk).
      isRevokeAuthCheckUsed = getDbEntityManager().selectBoolean(PlainTaskManager.NAMESPACE + "selectAnyRevoke", null);
      if (isRevokeAuthCheckUsed) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("userId", userId);
        parameters.put("callerGroups", filterAuthenticatedGroupIds(groupIds));
        isRevokeAuthCheckUsed = getDbEntityManager().selectBoolean(
            PlainTaskManager.NAMESPACE + "selectRevokesOfCaller", parameters);
      }
    }
    return super.isRevokeAuthCheckEnabled(userId, groupIds);
  }
}
