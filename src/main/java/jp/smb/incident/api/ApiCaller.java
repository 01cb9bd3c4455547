package jp.smb.incident.api;

import static jp.smb.incident.contract.ResponseRole.COMMS;
import static jp.smb.incident.contract.ResponseRole.EXECUTIVE;
import static jp.smb.incident.contract.ResponseRole.INCIDENT_LEAD;
import static jp.smb.incident.contract.ResponseRole.SYSADMIN;
import static jp.smb.incident.contract.ResponseRole.TECH;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import jp.smb.incident.contract.ResponseRole;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Who is calling the API (authenticated by the filter) and whether their role allows what they ask. */
@Component
public class ApiCaller {

  public static final Set<ResponseRole> READERS = EnumSet.of(INCIDENT_LEAD, EXECUTIVE);
  public static final Set<ResponseRole> RESPONDERS = EnumSet.of(SYSADMIN, INCIDENT_LEAD, TECH, COMMS, EXECUTIVE);
  public static final Set<ResponseRole> REPORTERS = EnumSet.allOf(ResponseRole.class);
  public static final Set<ResponseRole> EVIDENCE_HANDLERS = EnumSet.of(SYSADMIN, INCIDENT_LEAD, TECH);

  private final IdentityService identityService;

  public ApiCaller(IdentityService identityService) {
    this.identityService = identityService;
  }

  public String userId() {
    return authentication().getUserId();
  }

  /**
   * Administrators may do everything; others need one of the roles. A client company's role group
   * (acme--incident-lead) counts as its role; the company is checked with the data.
   */
  public String require(String action, Set<ResponseRole> roles) {
    return require(action, memberOf -> ResponseRole.anyHeldBy(memberOf, roles),
        roles.stream().map(ResponseRole::groupId).toList());
  }

  public String require(String action, ResponseRole role, ResponseRole... more) {
    return require(action, EnumSet.of(role, more));
  }

  /** For a group that is not a response role (the vendor's administrators). */
  public String requireGroup(String action, String group) {
    return require(action, memberOf -> memberOf.contains(group), List.of(group));
  }

  private String require(String action, Predicate<List<String>> allowed, List<String> groups) {
    Authentication authentication = authentication();
    List<String> memberOf = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    if (memberOf.contains(Groups.CAMUNDA_ADMIN) || allowed.test(memberOf)) {
      return authentication.getUserId();
    }
    throw new ApiException(HttpStatus.FORBIDDEN,
        action + "には次のいずれかの役割が必要です: " + String.join(", ", groups));
  }

  /** Whether the caller is a Camunda administrator (camunda-admin). */
  public boolean isAdministrator() {
    List<String> groups = authentication().getGroupIds();
    return groups != null && groups.contains(Groups.CAMUNDA_ADMIN);
  }

  public void requireAdministrator(String action) {
    if (!isAdministrator()) {
      throw new ApiException(HttpStatus.FORBIDDEN, action + "は管理者（camunda-admin）だけが行えます");
    }
  }

  private Authentication authentication() {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null) {
      throw new ApiException(HttpStatus.UNAUTHORIZED, "ログインが必要です（HTTP Basic）");
    }
    return authentication;
  }
}
