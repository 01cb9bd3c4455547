package jp.smb.incident.settings;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;


/**
 * The contact list prepared in advance (docs/domain.md §Contacts): each entry is free text such as
 * {@code "山田法律事務所 山田一郎 03-1234-5678"}, shown read-only in the forms of the steps that need it.
 *
 * @param lawyer    顧問弁護士: legal judgement, liability, review of a public statement
 * @param insurer   サイバー保険会社: accident report, arranging forensics
 * @param police    警察（サイバー犯罪相談窓口）: unauthorised access, suspected crime
 * @param partners  取引先/主要顧客: those with a contractual duty to be told
 * @param providers 利用サービス/プロバイダ: when the incident is at a cloud or hosting service
 * @param support   ITベンダー/サイバーセキュリティお助け隊: whom to call when nobody in the business can go on
 */
public record OrganisationContacts(String lawyer, String insurer, String police, String partners, String providers,
    String support) {

  /** The entries by their names in the settings, as a client company's contact list is kept (absent ones left out). */
  public Map<String, String> byName() {
    Map<String, String> byName = new HashMap<>();
    BiConsumer<String, String> put = (name, entry) -> {
      if (entry != null) {
        byName.put(name, entry);
      }
    };
    put.accept("lawyer", lawyer);
    put.accept("insurer", insurer);
    put.accept("police", police);
    put.accept("partners", partners);
    put.accept("providers", providers);
    put.accept("support", support);
    return byName;
  }
}
