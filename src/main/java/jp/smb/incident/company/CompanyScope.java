package jp.smb.incident.company;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Which companies the caller sees, by the same rule as the engine's tenant check: Camunda administrators every
 * company, everyone else the companies (tenants) they are a member of, and incidents of no company.
 */
@Component
public class CompanyScope {

  private final IdentityService identityService;

  public CompanyScope(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** Empty: no restriction. */
  public Optional<Set<String>> visibleCompanies() {
    Authentication login = identityService.getCurrentAuthentication();
    if (login == null) {
      return Optional.of(Set.of());
    }
    List<String> groups = login.getGroupIds() == null ? List.of() : login.getGroupIds();
    if (groups.contains(Groups.CAMUNDA_ADMIN)) {
      return Optional.empty();
    }
    return Optional.of(new HashSet<>(login.getTenantIds() == null ? List.of() : login.getTenantIds()));
  }

  /** Whether the caller sees what belongs to this company (null: no company, seen by all). */
  public boolean sees(String companyId) {
    return companyId == null || visibleCompanies().map(companies -> companies.contains(companyId)).orElse(true);
  }

  /** The caller's own companies, for choosing where a new incident belongs. */
  public List<String> memberOf() {
    Authentication login = identityService.getCurrentAuthentication();
    return login == null || login.getTenantIds() == null ? List.of() : List.copyOf(login.getTenantIds());
  }
}
