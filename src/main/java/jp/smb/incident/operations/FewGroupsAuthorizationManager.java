package jp.smb.incident.operations;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * The engine's authorization manager without its first query of every command that checks authorizations:
 * {@code SELECT DISTINCT GROUP_ID_} over every authorization row, which only narrows the caller's groups to those
 * holding a grant. A group without grants matches no row anyway, so a short list is used as it is; a caller with
 * many groups (a directory's) still has its list narrowed.
 */
class FewGroupsAuthorizationManager extends AuthorizationManager {

  private final int threshold;

  FewGroupsAuthorizationManager(int threshold) {
    this.threshold = threshold;
  }

  @Override
  public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
    if (authenticatedGroupIds != null && !authenticatedGroupIds.isEmpty()
        && authenticatedGroupIds.size() <= threshold) {
      return new ArrayList<>(authenticatedGroupIds);
    }
    return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
  }
}
