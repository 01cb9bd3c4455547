package jp.smb.incident.escalation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import jp.smb.incident.contract.ResponseRole;

/**
 * Who a step that nobody finishes goes to next, round after round (付録5 9.3): the diagram names the first person to
 * tell; each repeat goes one role higher up the chain, skipping a role whose holders were all told already; once
 * nobody is left who has not been told (at once, for a sole proprietor, who holds every role), each further round
 * stays with the last role and names the outside contacts to call instead.
 */
public final class EscalationChain {

  /** The chain from the bottom up; the technical staff stand at the administrator's place. */
  static final List<ResponseRole> CHAIN =
      List.of(ResponseRole.SYSADMIN, ResponseRole.INCIDENT_LEAD, ResponseRole.EXECUTIVE);

  private EscalationChain() {
  }

  /**
   * @param round      1 for the first escalation of a step, 2 for its first repeat, …
   * @param lateRoles the roles the late step is offered to: their holders are told already
   * @param firstRole where the diagram sends the first escalation
   * @param members   the holders of a role (in the incident's company)
   */
  public static EscalationStep step(int round, Collection<ResponseRole> lateRoles, ResponseRole firstRole,
      Function<ResponseRole, Set<String>> members) {
    Set<String> told = new HashSet<>();
    lateRoles.forEach(role -> told.addAll(members.apply(role)));
    List<ResponseRole> reach = new ArrayList<>();
    for (ResponseRole role : upFrom(firstRole)) {
      // A role adds a round only if it brings someone not told yet.
      if (told.addAll(members.apply(role))) {
        reach.add(role);
      }
    }
    if (round <= reach.size()) {
      return new EscalationStep(round, reach.get(round - 1), false);
    }
    return new EscalationStep(round, reach.isEmpty() ? firstRole : reach.get(reach.size() - 1), true);
  }

  /** The first role and every role above it in the chain. */
  private static List<ResponseRole> upFrom(ResponseRole firstRole) {
    int from = CHAIN.indexOf(firstRole == ResponseRole.TECH ? ResponseRole.SYSADMIN : firstRole);
    List<ResponseRole> roles = new ArrayList<>();
    roles.add(firstRole);
    if (from >= 0) {
      roles.addAll(CHAIN.subList(from + 1, CHAIN.size()));
    }
    return roles;
  }
}
