package jp.smb.incident.api;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Who is calling the API (authenticated by the filter) and whether their role allows what they ask. */
@Component
public class ApiCaller {

  public static final String[] READERS = {"incident-lead", "executive"};
  public static final String[] RESPONDERS = {"sysadmin", "incident-lead", "tech", "comms", "executive"};
  public static final String[] REPORTERS = {"staff", "sysadmin", "incident-lead", "tech", "comms", "executive"};
  public static final String[] EVIDENCE_HANDLERS = {"sysadmin", "incident-lead", "tech"};

  /** As ResponseRole.COMPANY_SEPARATOR; the API package does not depend on the organisation. */
  private static final String COMPANY_SEPARATOR = "--";

  private final IdentityService identityService;

  public ApiCaller(IdentityService identityService) {
    this.identityService = identityService;
  }

  public String userId() {
    return authentication().getUserId();
  }

  /** Administrators may do everything; others need one of the given role groups. */
  public String require(String action, String... groups) {
    Authentication authentication = authentication();
    List<String> memberOf = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    if (memberOf.contains(Groups.CAMUNDA_ADMIN) || actsAs(memberOf, groups)) {
      return authentication.getUserId();
    }
    throw new ApiException(HttpStatus.FORBIDDEN,
        action + "には次のいずれかの役割が必要です: " + String.join(", ", groups));
  }

  /**
   * Whether these groups hold one of the roles. A client company's role group (acme--incident-lead) counts as its
   * role; the company is checked with the data.
   */
  public static boolean actsAs(List<String> memberOf, String... roles) {
    return memberOf.stream()
        .map(group -> group.contains(COMPANY_SEPARATOR) ? group.substring(group.indexOf(COMPANY_SEPARATOR) + 2) : group)
        .anyMatch(Arrays.asList(roles)::contains);
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
