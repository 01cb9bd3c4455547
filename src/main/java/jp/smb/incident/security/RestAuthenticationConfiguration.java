package jp.smb.incident.security;

import jp.smb.incident.api.ApiAuthenticationFilter;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The REST API is open by default; Camunda's own filter makes every call log in with HTTP Basic and run
 * under the engine's authorization checks as that user. The incident API under {@code /api} does the same.
 */
@Configuration
public class RestAuthenticationConfiguration {

  private static final String[] METRICS_PATHS = {"/actuator/prometheus", "/actuator/prometheus/*"};

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    return registration;
  }

  @Bean
  FilterRegistrationBean<ApiAuthenticationFilter> incidentApiAuthentication(IdentityService identityService) {
    FilterRegistrationBean<ApiAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ApiAuthenticationFilter(identityService));
    registration.setName("incident-api-authentication");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    // The API's description too: it tells an outsider what to try.
    registration.addUrlPatterns("/api/*", "/v3/api-docs", "/v3/api-docs/*");
    return registration;
  }

  /** Prometheus scrapes with HTTP Basic as a member of {@code monitoring}; login first, then the group check. */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> metricsAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("metrics-authentication");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns(METRICS_PATHS);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<MonitoringAccessFilter> metricsAccess(IdentityService identityService) {
    FilterRegistrationBean<MonitoringAccessFilter> registration =
        new FilterRegistrationBean<>(new MonitoringAccessFilter(identityService));
    registration.setName("metrics-access");
    registration.addUrlPatterns(METRICS_PATHS);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
    return registration;
  }
}
