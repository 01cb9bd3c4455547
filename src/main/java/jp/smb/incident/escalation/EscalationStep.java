package jp.smb.incident.escalation;

import java.time.Duration;
import jp.smb.incident.contract.ResponseRole;
import jp.smb.incident.settings.ContactChain;

/**
 * One round of an escalation.
 *
 * @param round   1, 2, … for the same late step
 * @param role    the role the round's task is offered to
 * @param outside nobody in the chain is left who has not been told: call someone outside
 */
public record EscalationStep(int round, ResponseRole role, boolean outside) {

  static final String PUBLIC_DESK = "IPA 企業組織向けサイバーセキュリティ相談窓口（cs-support@ipa.go.jp）"
      + " https://www.ipa.go.jp/security/support/soudan.html";

  /**
   * What the round's task and alert tell its holder to do, in the users' words.
   *
   * @param lateStep the name of the step nobody finishes
   * @param chain    the installation's 連絡網, or null for a client company (whose chain is its members)
   * @param support  the IT vendor or お助け隊 provider from the contact list, blank when not registered
   * @param insurer  the cyber insurer from the contact list, blank when not registered
   * @param repeat   how long until the next round
   */
  public String advice(String lateStep, ContactChain chain, String support, String insurer, Duration repeat) {
    StringBuilder text = new StringBuilder(round + "回目の連絡です。「" + lateStep + "」がまだ終わっていません。");
    if (outside) {
      text.append("連絡網（付録5 9.3）には、まだ知らせていない人がいません（一人で対応している場合も含みます）。"
          + "外部の支援先に電話して、手伝いを求めてください。\n")
          .append("・ITベンダー／サイバーセキュリティお助け隊: ").append(orNotRegistered(support)).append('\n')
          .append("・サイバー保険会社: ").append(orNotRegistered(insurer)).append('\n')
          .append("・相談窓口: ").append(PUBLIC_DESK);
    } else {
      String name = role.japaneseName();
      ContactChain.Entry entry = chain == null ? null : chain.byGroup().get(role.groupId());
      String reach = entry == null || entry.describe().isBlank() ? "" : "（" + entry.describe() + "）";
      text.append(name).append(reach).append("として、担当者に電話で直接連絡し、進めるよう指示してください。");
    }
    text.append("\n終わらなければ、").append(hours(repeat)).append("ごとに連絡網の上位へ知らせます。");
    return text.toString();
  }

  private static String orNotRegistered(String contact) {
    return contact == null || contact.isBlank() || contact.startsWith("未登録") ? "未登録（連絡先リストに登録してください）"
        : contact.strip();
  }

  private static String hours(Duration repeat) {
    long minutes = repeat.toMinutes();
    if (minutes == 0) {
      return repeat.toSeconds() + "秒"; // a drill's repeat, its time compressed
    }
    return minutes % 60 == 0 ? minutes / 60 + "時間" : minutes + "分";
  }
}
