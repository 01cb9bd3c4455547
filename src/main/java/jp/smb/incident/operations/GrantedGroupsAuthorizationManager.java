package jp.smb.incident.operations;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * The engine's authorization manager without its first query of every command that checks authorizations:
 * {@code SELECT DISTINCT GROUP_ID_} over every authorization row, which only narrows the caller's groups to those
 * holding a grant and grows with the open tasks (each task has its own grant rows). A group without grants
 * matches no row anyway, so a short list is used as it is; a longer one (a vendor's desk in many companies, a
 * directory's groups) is narrowed by looking up only the caller's groups.
 */
class GrantedGroupsAuthorizationManager extends AuthorizationManager {

  /**
   * Up to this many groups, a caller's groups are used without a query: a vendor's desk in 1,000 client companies
   * with two roles in each. The lists go into IN conditions, which both databases answer by hashing.
   */
  static final int GROUPS_USED_AS_GIVEN = 2_000;
  private static final int LOOKUP_CHUNK = 500;

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
      for (int from = 0; from < authenticatedGroupIds.size(); from += LOOKUP_CHUNK) {
        List<String> chunk = new ArrayList<>(
            authenticatedGroupIds.subList(from, Math.min(from + LOOKUP_CHUNK, authenticatedGroupIds.size())));
        for (Object group : getDbEntityManager().selectList(PlainTaskManager.NAMESPACE + "selectGroupsWithGrants",
            new ListQueryParameterObject(chunk, 0, Integer.MAX_VALUE))) {
          granted.add((String) group);
        }
      }
      checkedGroups = List.copyOf(authenticatedGroupIds);
      groupsWithGrants = new ArrayList<>(granted);
    }
    return new ArrayList<>(groupsWithGrants);
  }
}
