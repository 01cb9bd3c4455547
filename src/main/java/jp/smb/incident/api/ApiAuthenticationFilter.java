package jp.smb.incident.api;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.ArrayList;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * {@code /api} logs in like {@code /engine-rest} (HTTP Basic, then the engine's authorization checks as that user).
 * A page opened from Tasklist (a report, a draft) may also read with the Tasklist login; changes always need
 * Basic, since Camunda's CSRF protection covers only the webapps.
 */
public class ApiAuthenticationFilter implements Filter {

  private final ProcessEngineAuthenticationFilter basic = new ProcessEngineAuthenticationFilter();
  private final IdentityService identityService;

  public ApiAuthenticationFilter(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public void init(FilterConfig config) throws ServletException {
    basic.init(config);
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    UserAuthentication tasklistLogin = "GET".equals(http.getMethod()) ? sessionLogin(http) : null;
    if (tasklistLogin == null) {
      basic.doFilter(request, response, chain);
      return;
    }
    identityService.setAuthentication(tasklistLogin.getIdentityId(), new ArrayList<>(tasklistLogin.getGroupIds()),
        new ArrayList<>(tasklistLogin.getTenantIds()));
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private static UserAuthentication sessionLogin(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications logins = AuthenticationUtil.getAuthsFromSession(session);
    return logins != null && logins.getAuthenticationForProcessEngine("default") instanceof UserAuthentication user
        ? user : null;
  }

  @Override
  public void destroy() {
    basic.destroy();
  }
}
