package jp.smb.incident.company;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.smb.incident.api.ApiCaller;
import jp.smb.incident.api.ApiException;
import jp.smb.incident.organisation.OrganisationSetup;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/companies}: an IT vendor opens its client companies and says who belongs to each, in which roles. */
@RestController
public class CompanyController {

  /** The vendor's administrators manage companies and members; Camunda administrators may too. */
  private static final String VENDOR_ADMIN = OrganisationSetup.VENDOR_ADMIN_GROUP;

  /** The rules of each value are the company's own ({@link Company}), checked by the service. */
  public record CompanyRequest(@NotBlank String id, @NotBlank String name, String profile, String defaultProcedure,
      Map<String, String> contacts) {
  }

  public record SettingsRequest(@NotBlank String name, String profile, String defaultProcedure,
      Map<String, String> contacts) {
  }

  public record MemberRequest(@NotBlank @Size(max = 64) String userId, @NotNull List<@NotBlank String> roles) {
  }

  private final CompanyService companies;
  private final CompanyScope scope;
  private final ApiCaller caller;

  public CompanyController(CompanyService companies, CompanyScope scope, ApiCaller caller) {
    this.companies = companies;
    this.scope = scope;
    this.caller = caller;
  }

  @PostMapping(path = "/api/companies", consumes = "application/json")
  public ResponseEntity<Company> create(@Valid @RequestBody CompanyRequest request) {
    String user = caller.requireGroup("会社の登録", VENDOR_ADMIN);
    Company company = companies.create(new Company(request.id(), request.name(), request.profile(),
        request.defaultProcedure(), request.contacts()), user);
    return ResponseEntity.created(URI.create("/api/companies/" + company.id())).body(company);
  }

  /** Every company for Camunda administrators; anyone else, a vendor administrator too, the companies it belongs to. */
  @GetMapping(path = "/api/companies")
  public List<Company> list() {
    caller.userId();
    Set<String> visible = scope.visibleCompanies().orElse(null);
    return companies.all().stream().filter(c -> visible == null || visible.contains(c.id())).toList();
  }

  @GetMapping(path = "/api/companies/{id}")
  public Company get(@PathVariable String id) {
    caller.userId();
    if (!scope.sees(id)) {
      throw notFound(id);
    }
    return companies.existing(id);
  }

  @PutMapping(path = "/api/companies/{id}", consumes = "application/json")
  public Company update(@PathVariable String id, @Valid @RequestBody SettingsRequest request) {
    caller.requireGroup("会社の設定の変更", VENDOR_ADMIN);
    requireSeen(id);
    return companies.update(id, new Company(id, request.name(), request.profile(), request.defaultProcedure(),
        request.contacts()));
  }

  @PostMapping(path = "/api/companies/{id}/members", consumes = "application/json")
  public Map<String, Object> addMember(@PathVariable String id, @Valid @RequestBody MemberRequest request) {
    caller.requireGroup("会社のメンバーの追加", VENDOR_ADMIN);
    requireSeen(id);
    companies.addMember(id, request.userId(), request.roles());
    return Map.of("company", id, "userId", request.userId(), "roles", request.roles());
  }

  @DeleteMapping(path = "/api/companies/{id}/members", consumes = "application/json")
  public Map<String, Object> removeMember(@PathVariable String id, @Valid @RequestBody MemberRequest request) {
    caller.requireGroup("会社のメンバーの削除", VENDOR_ADMIN);
    requireSeen(id);
    companies.removeMember(id, request.userId(), request.roles());
    return Map.of("company", id, "userId", request.userId(), "removed", true);
  }

  /**
   * A vendor administrator manages the companies it opened or was made a member of; another vendor's
   * administrator on the same installation does not learn that the company exists.
   */
  private void requireSeen(String id) {
    if (!scope.sees(id)) {
      throw notFound(id);
    }
  }

  private static ApiException notFound(String id) {
    return new ApiException(HttpStatus.NOT_FOUND, "会社 " + id + " は見つかりません");
  }
}
