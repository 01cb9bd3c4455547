package jp.smb.incident.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/** The rules of the engine's password policy that a password breaks, told in Japanese and English. */
public final class PasswordRules {

  private PasswordRules() {
  }

  public static List<String> broken(String password, String userId, String firstName, String lastName) {
    UserEntity user = new UserEntity(userId);
    user.setFirstName(firstName);
    user.setLastName(lastName);
    List<String> broken = new ArrayList<>();
    for (PasswordPolicyRule rule : new DefaultPasswordPolicyImpl().getRules()) {
      if (!rule.execute(password == null ? "" : password, user)) {
        broken.add(describe(rule));
      }
    }
    return broken;
  }

  private static String describe(PasswordPolicyRule rule) {
    String count = rule.getParameters() == null ? "1"
        : rule.getParameters().values().stream().findFirst().orElse("1");
    return switch (rule.getPlaceholder().replace("PASSWORD_POLICY_", "")) {
      case "LENGTH" -> count + " 文字以上にする / at least " + count + " characters";
      case "LOWERCASE" -> "英小文字を " + count + " 文字以上含める / at least " + count + " lower-case letter(s)";
      case "UPPERCASE" -> "英大文字を " + count + " 文字以上含める / at least " + count + " upper-case letter(s)";
      case "DIGIT" -> "数字を " + count + " 文字以上含める / at least " + count + " digit(s)";
      case "SPECIAL" -> "記号を " + count + " 文字以上含める / at least " + count + " special character(s)";
      case "USER_DATA" -> "ユーザーIDや名前（姓・名）を含めない / must not contain the user id or name";
      default -> rule.getPlaceholder();
    };
  }
}
