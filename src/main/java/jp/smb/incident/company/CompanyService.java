package jp.smb.incident.company;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import jp.smb.incident.contract.ResponseRole;
import jp.smb.incident.input.Refused;
import jp.smb.incident.organisation.OrganisationSetup;
import jp.smb.incident.procedure.AsTheApplication;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Client companies: each a Camunda tenant, so that the engine itself keeps one company's incidents, tasks and
 * history from the members of another (Tasklist, Cockpit, /engine-rest), and a row of settings.
 */
@Service
public class CompanyService {

  private final ProcessEngine engine;
  private final IdentityService identityService;
  private final Companies companies;
  private final Clock clock;
  private final Validator validator;

  public CompanyService(ProcessEngine engine, Companies companies, Clock clock, Validator validator) {
    this.validator = validator;
    this.engine = engine;
    this.identityService = engine.getIdentityService();
    this.companies = companies;
    this.clock = clock;
  }

  @Transactional
  public Company create(Company requested, String createdBy) {
    Company company = valid(requested);
    if (identityService.createTenantQuery().tenantId(company.id()).count() > 0) {
      throw Refused.conflict("会社 " + company.id() + " はすでにあります");
    }
    Tenant tenant = identityService.newTenant(company.id());
    tenant.setName(company.name());
    identityService.saveTenant(tenant);
    companies.save(company, OffsetDateTime.now(clock));
    asTheApplication(() -> new OrganisationSetup(engine, null).ensureCompanyRoles(company.id(), company.name()));
    // The vendor's administrator who opens a client sees its incidents from then on.
    if (createdBy != null && identityService.createUserQuery().userId(createdBy).count() > 0) {
      identityService.createTenantUserMembership(company.id(), createdBy);
    }
    return company;
  }

  @Transactional
  public Company update(String id, Company requested) {
    existing(id);
    Company company = valid(new Company(id, requested.name(), requested.profile(), requested.defaultProcedure(),
        requested.contacts()));
    Tenant tenant = identityService.createTenantQuery().tenantId(id).singleResult();
    tenant.setName(company.name());
    identityService.saveTenant(tenant);
    companies.save(company, OffsetDateTime.now(clock));
    return company;
  }

  public List<Company> all() {
    return companies.all();
  }

  public java.util.Optional<Company> find(String id) {
    return companies.find(id);
  }

  public Company existing(String id) {
    return companies.find(id)
        .orElseThrow(() -> Refused.notFound("会社 " + id + " は見つかりません"));
  }

  /** Makes an existing user a member of the company with the given roles. */
  @Transactional
  public void addMember(String companyId, String userId, List<String> roles) {
    existing(companyId);
    if (identityService.createUserQuery().userId(userId).count() == 0) {
      throw Refused.invalid("ユーザー " + userId + " はいません。先に Camunda Admin で作ってください");
    }
    List<ResponseRole> known = roles(roles);
    // The company's role groups were made with the company (create).
    asTheApplication(() -> {
      if (identityService.createTenantQuery().userMember(userId).tenantId(companyId).count() == 0) {
        identityService.createTenantUserMembership(companyId, userId);
      }
      for (ResponseRole role : known) {
        String group = role.inCompany(companyId);
        if (identityService.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
          identityService.createMembership(userId, group);
        }
      }
    });
  }

  /** Takes the given roles in the company away; with the last of them, the user leaves the company. */
  @Transactional
  public void removeMember(String companyId, String userId, List<String> roles) {
    existing(companyId);
    List<ResponseRole> known = roles(roles);
    asTheApplication(() -> {
      known.forEach(role -> identityService.deleteMembership(userId, role.inCompany(companyId)));
      boolean rolesLeft = identityService.createGroupQuery().groupMember(userId).list().stream()
          .anyMatch(group -> group.getId().startsWith(companyId + ResponseRole.COMPANY_SEPARATOR));
      if (!rolesLeft) {
        identityService.deleteTenantUserMembership(companyId, userId);
      }
    });
  }

  /**
   * Company role groups, their grants and memberships are the application's own set-up, done after the API has
   * checked that the caller is the vendor's administrator; the caller needs no rights on authorizations or groups.
   */
  private void asTheApplication(Runnable setup) {
    AsTheApplication.run(identityService, setup);
  }

  private static List<ResponseRole> roles(List<String> roles) {
    if (roles == null || roles.isEmpty()) {
      throw Refused.invalid("roles に役割を 1 つ以上指定してください（"
          + String.join(", ", ResponseRole.groupIds()) + "）");
    }
    return roles.stream().map(id -> ResponseRole.ofGroupId(id).orElseThrow(() -> Refused.invalid(
        "知らない役割です: " + id + "（使える役割: " + String.join(", ", ResponseRole.groupIds()) + "）"))).toList();
  }

  /** The company as kept: its rules checked (every broken one said at once), blanks dropped, text stripped. */
  private Company valid(Company requested) {
    Company company = new Company(requested.id(), requested.name(),
        requested.profile() == null ? "company" : requested.profile(), requested.defaultProcedure(),
        requested.contacts() == null ? Map.of() : requested.contacts());
    Set<ConstraintViolation<Company>> broken = validator.validate(company);
    if (!broken.isEmpty()) {
      throw Refused.invalid(broken.stream().map(CompanyService::message).sorted().collect(Collectors.joining("。")));
    }
    if (CompanyTenantProvider.INSTALLATION.equals(company.id())) {
      throw Refused.invalid("id " + CompanyTenantProvider.INSTALLATION
          + " は「この環境そのもの」を表すために予約されています。別の id にしてください");
    }
    Map<String, String> given = new TreeMap<>();
    company.contacts().forEach((key, value) -> {
      if (value != null && !value.isBlank()) {
        given.put(key, value.strip());
      }
    });
    return new Company(company.id(), company.name().strip(), company.profile(), company.defaultProcedure(), given);
  }

  /** A contact's value is named by its key ({@code contacts.lawyer は…}); other rules carry their whole message. */
  private static String message(ConstraintViolation<Company> violation) {
    Path.Node leaf = null;
    for (Path.Node node : violation.getPropertyPath()) {
      leaf = node;
    }
    return leaf != null && leaf.getKind() == ElementKind.CONTAINER_ELEMENT && "<map value>".equals(leaf.getName())
        ? "contacts." + leaf.getKey() + " " + violation.getMessage() : violation.getMessage();
  }
}
