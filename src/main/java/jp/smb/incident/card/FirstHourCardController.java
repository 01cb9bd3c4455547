package jp.smb.incident.card;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import jp.smb.incident.api.ApiCaller;
import jp.smb.incident.api.ApiException;
import jp.smb.incident.company.Companies;
import jp.smb.incident.company.Company;
import jp.smb.incident.company.CompanyScope;
import jp.smb.incident.notification.NotificationSettings;
import jp.smb.incident.settings.ContactChain;
import jp.smb.incident.settings.OrganisationContacts;
import jp.smb.incident.settings.OrganisationProperties;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/first-hour-card?size=a4|a5&company=<id>}: the 初動カード as a PDF to print, from the organisation's
 * settings, or a client company's contacts. Anyone who may report an incident may print it.
 */
@RestController
public class FirstHourCardController {

  private final ApiCaller caller;
  private final CompanyScope scope;
  private final Companies companies;
  private final OrganisationProperties organisation;
  private final OrganisationContacts contacts;
  private final ContactChain chain;
  private final NotificationSettings notification;

  public FirstHourCardController(ApiCaller caller, CompanyScope scope, Companies companies,
      OrganisationProperties organisation, OrganisationContacts contacts, ContactChain chain,
      NotificationSettings notification) {
    this.caller = caller;
    this.scope = scope;
    this.companies = companies;
    this.organisation = organisation;
    this.contacts = contacts;
    this.chain = chain;
    this.notification = notification;
  }

  @GetMapping(path = "/api/first-hour-card")
  public ResponseEntity<byte[]> card(@RequestParam(defaultValue = "a4") String size,
      @RequestParam(required = false) String company) {
    caller.require("初動カードの表示", ApiCaller.REPORTERS);
    FirstHourCard.Size paper = switch (size.toLowerCase(Locale.ROOT)) {
      case "a4" -> FirstHourCard.Size.A4;
      case "a5" -> FirstHourCard.Size.A5;
      default -> throw new ApiException(HttpStatus.BAD_REQUEST, "size は a4 か a5（A4 の半分のカード）にしてください: " + size);
    };
    String tasklist = notification.baseUrl().replaceAll("/+$", "") + "/camunda/app/tasklist/";
    FirstHourCard card = company == null || company.isBlank()
        ? new FirstHourCard(organisation.name(), tasklist, chain, list(contacts.byName()::get))
        : companyCard(company.strip(), tasklist);
    String name = "first-hour-card-" + paper.name().toLowerCase(Locale.ROOT) + ".pdf";
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name).build().toString())
        .body(card.pdf(paper));
  }

  /** A client company's card: its name and contacts; its chain is its members. Another company's is not found. */
  private FirstHourCard companyCard(String id, String tasklist) {
    Company found = scope.sees(id) ? companies.find(id).orElse(null) : null;
    if (found == null) {
      throw new ApiException(HttpStatus.NOT_FOUND, "会社 " + id + " は見つかりません（あなたの会社: "
          + String.join(", ", scope.memberOf()) + "）");
    }
    return new FirstHourCard(found.name(), tasklist, null, list(found.contacts()::get));
  }

  /** The contacts to call in the first hour, in that order, with their labels. */
  private static Map<String, String> list(Function<String, String> entry) {
    Map<String, String> list = new LinkedHashMap<>();
    list.put("ITベンダー／サイバーセキュリティお助け隊", entry.apply("support"));
    list.put("サイバー保険会社", entry.apply("insurer"));
    list.put("警察（サイバー犯罪相談窓口）", entry.apply("police"));
    list.put("顧問弁護士", entry.apply("lawyer"));
    list.put("利用しているクラウド・プロバイダ", entry.apply("providers"));
    return list;
  }
}
