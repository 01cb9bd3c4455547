package jp.smb.incident.settings;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The 連絡網 of 付録5 9.3: whom to call, by phone and e-mail, for the executive, the incident lead and the system
 * administrator. Shown in the forms where someone has to be called, and told of every escalation to their role.
 *
 * @param executive    代表取締役
 * @param incidentLead インシデント対応責任者
 * @param sysadmin     システム管理者
 */
public record ContactChain(Entry executive, Entry incidentLead, Entry sysadmin) {

  /** One person of the chain; any part may be left out. */
  public record Entry(String name, String phone, String email) {

    public String describe() {
      StringBuilder text = new StringBuilder(name == null || name.isBlank() ? "" : name.strip());
      if (phone != null && !phone.isBlank()) {
        text.append(text.isEmpty() ? "" : " ").append("携帯 ").append(phone.strip());
      }
      if (email != null && !email.isBlank()) {
        text.append(text.isEmpty() ? "" : " ").append(email.strip());
      }
      return text.toString();
    }
  }

  /** Role group → entry, in the order of the chain, only the roles that have one. */
  public Map<String, Entry> byGroup() {
    Map<String, Entry> byGroup = new LinkedHashMap<>();
    if (executive != null) {
      byGroup.put("executive", executive);
    }
    if (incidentLead != null) {
      byGroup.put("incident-lead", incidentLead);
    }
    if (sysadmin != null) {
      byGroup.put("sysadmin", sysadmin);
    }
    return byGroup;
  }

  /** The chain as the forms show it: one line per role, 未登録 where nobody is configured. */
  public String describe() {
    return "代表取締役: " + line(executive) + "\nインシデント対応責任者: " + line(incidentLead)
        + "\nシステム管理者: " + line(sysadmin);
  }

  private static String line(Entry entry) {
    String text = entry == null ? "" : entry.describe();
    return text.isBlank() ? "未登録（管理者に連絡網への登録を頼んでください）" : text;
  }
}
