package jp.smb.incident.intake;

import java.util.LinkedHashMap;
import java.util.Map;
import jp.smb.incident.company.Company;
import jp.smb.incident.settings.ContactChain;
import jp.smb.incident.settings.OrganisationContacts;
import jp.smb.incident.settings.OrganisationProperties;
import org.springframework.stereotype.Component;

/**
 * What every new incident carries from the organisation's configuration: whether one person holds every role,
 * and the prepared contact list, copied so that the record shows whom the responders were pointed to.
 */
@Component
public class IncidentStartVariables {

  static final String SOLE_PROPRIETOR = "soleProprietor";
  static final String NOT_REGISTERED = "未登録（管理者に連絡先リストへの登録を頼んでください）";

  private final OrganisationProperties organisation;
  private final OrganisationContacts contacts;
  private final ContactChain chain;

  public IncidentStartVariables(OrganisationProperties organisation, OrganisationContacts contacts, ContactChain chain) {
    this.organisation = organisation;
    this.contacts = contacts;
    this.chain = chain;
  }

  public Map<String, Object> forNewIncident() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(SOLE_PROPRIETOR, organisation.soleProprietor());
    variables.put("contactLawyer", orNotRegistered(contacts.lawyer()));
    variables.put("contactInsurer", orNotRegistered(contacts.insurer()));
    variables.put("contactPolice", orNotRegistered(contacts.police()));
    variables.put("contactPartners", orNotRegistered(contacts.partners()));
    variables.put("contactProviders", orNotRegistered(contacts.providers()));
    variables.put("contactSupport", orNotRegistered(contacts.support()));
    variables.put("contactChain", chain.describe());
    return variables;
  }

  /** As {@link #forNewIncident()}, with a client company's own profile and contact list. */
  public Map<String, Object> forCompany(Company company) {
    Map<String, Object> variables = forNewIncident();
    variables.put(SOLE_PROPRIETOR, "sole-proprietor".equals(company.profile()));
    Map<String, String> own = company.contacts();
    variables.put("contactLawyer", orNotRegistered(own.get("lawyer")));
    variables.put("contactInsurer", orNotRegistered(own.get("insurer")));
    variables.put("contactPolice", orNotRegistered(own.get("police")));
    variables.put("contactPartners", orNotRegistered(own.get("partners")));
    variables.put("contactProviders", orNotRegistered(own.get("providers")));
    variables.put("contactSupport", orNotRegistered(own.get("support")));
    return variables;
  }

  private static String orNotRegistered(String contact) {
    return contact == null || contact.isBlank() ? NOT_REGISTERED : contact.strip();
  }
}
