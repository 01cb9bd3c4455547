package jp.smb.incident.intake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.smb.incident.company.Company;
import jp.smb.incident.contract.IntakeVariables;
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
    IntakeVariables.SOLE_PROPRIETOR.put(variables, organisation.soleProprietor());
    putContacts(variables, contacts.byName());
    variables.put("contactChain", chain.describe());
    return variables;
  }

  /** As {@link #forNewIncident()}, with a client company's own profile and contact list. */
  public Map<String, Object> forCompany(Company company) {
    Map<String, Object> variables = forNewIncident();
    IntakeVariables.SOLE_PROPRIETOR.put(variables, "sole-proprietor".equals(company.profile()));
    putContacts(variables, company.contacts());
    return variables;
  }

  /** contactLawyer, contactInsurer, … from the entries by name, 未登録 where there is none. */
  private static void putContacts(Map<String, Object> variables, Map<String, String> byName) {
    for (String name : List.of("lawyer", "insurer", "police", "partners", "providers", "support")) {
      variables.put("contact" + Character.toUpperCase(name.charAt(0)) + name.substring(1),
          orNotRegistered(byName.get(name)));
    }
  }

  private static String orNotRegistered(String contact) {
    return contact == null || contact.isBlank() ? NOT_REGISTERED : contact.strip();
  }
}
