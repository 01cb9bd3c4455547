package jp.smb.incident.security;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The metrics endpoint tells how many incidents are open and which reports are late: after the HTTP Basic login
 * (Camunda's filter, which answers 401), only members of {@code monitoring} and administrators get them (else 403).
 */
public class MonitoringAccessFilter implements Filter {

  private final IdentityService identityService;

  /** The group allowed to read the metrics; created with the role groups (OrganisationSetup). */
  public static final String GROUP = "monitoring";

  public MonitoringAccessFilter(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Authentication login = identityService.getCurrentAuthentication();
    List<String> groups = login == null || login.getGroupIds() == null ? List.of() : login.getGroupIds();
    if (groups.contains(GROUP) || groups.contains(Groups.CAMUNDA_ADMIN)) {
      chain.doFilter(request, response);
      return;
    }
    HttpServletResponse http = (HttpServletResponse) response;
    http.setStatus(HttpServletResponse.SC_FORBIDDEN);
    http.setContentType("application/json");
    http.setCharacterEncoding(StandardCharsets.UTF_8.name());
    http.getWriter().write("{\"status\":403,\"message\":\"メトリクスの取得には monitoring グループか管理者（camunda-admin）の権限が必要です"
        + " / metrics need the monitoring group or camunda-admin\"}");
  }
}
