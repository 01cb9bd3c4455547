package jp.smb.incident.reporting;

import java.util.Arrays;
import java.util.Optional;

/** Whom an incident may have to be reported to; {@link #id()} is the value the reporting decision returns. */
public enum Recipient {
  PPC("ppc", "個人情報保護委員会", "個人情報保護委員会に報告する", null),
  DATA_SUBJECTS("data-subjects", "本人", "本人に通知する", null),
  POLICE("police", "警察", "警察に届け出る", "contactPolice"),
  IPA("ipa", "IPA（情報処理推進機構）", "IPA に届け出る", null),
  MINISTRY("ministry", "所管省庁", "所管省庁に報告する", null),
  PARTNERS("partners", "取引先・顧客", "取引先・顧客に事実を報告する", "contactPartners"),
  INSURER("insurer", "サイバー保険会社", "保険会社に事故を報告し保険金を請求する", "contactInsurer"),
  PUBLIC_NOTICE("public-notice", "公表（ウェブサイト等）", "ウェブサイト等で公表する", "contactLawyer"),
  INQUIRY_DESK("inquiry-desk", "問い合わせ窓口", "問い合わせ窓口を開設する", null),
  COMMISSIONING_PARTY("commissioning-party", "委託元", "委託元に通知する", "commissioningParty");

  private final String id;
  private final String displayName;
  private final String taskName;
  private final String contactVariable;

  Recipient(String id, String displayName, String taskName, String contactVariable) {
    this.id = id;
    this.displayName = displayName;
    this.taskName = taskName;
    this.contactVariable = contactVariable;
  }

  public String id() {
    return id;
  }

  public String displayName() {
    return displayName;
  }

  public String taskName() {
    return taskName;
  }

  /** The variable holding the organisation's own contact for this recipient (docs/domain.md §Contacts), if it has one. */
  public String contactVariable() {
    return contactVariable;
  }

  /** The Japanese name of a recipient id, or the id itself when it is none of ours (an older item). */
  public static String displayNameOf(String id) {
    return find(id).map(Recipient::displayName).orElse(id);
  }

  public static Recipient fromId(String id) {
    return find(id).orElseThrow(() -> new IllegalArgumentException("報告先が不明です: " + id));
  }

  private static Optional<Recipient> find(String id) {
    return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
  }
}
