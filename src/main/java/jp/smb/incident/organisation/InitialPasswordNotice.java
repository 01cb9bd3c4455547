package jp.smb.incident.organisation;

import java.io.PrintStream;
import java.util.List;
import jp.smb.incident.security.NewAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells the operator, once, the passwords generated for accounts created at this start. They go to the
 * console only, not through the logging system, so they never end up in a log file; the engine keeps only
 * their hashes.
 */
@Component
public class InitialPasswordNotice {

  private static final Logger LOG = LoggerFactory.getLogger(InitialPasswordNotice.class);

  private final PrintStream console;

  public InitialPasswordNotice() {
    this(System.out);
  }

  InitialPasswordNotice(PrintStream console) {
    this.console = console;
  }

  public void tell(List<NewAccount> accounts) {
    if (accounts.isEmpty()) {
      return;
    }
    StringBuilder text = new StringBuilder()
        .append("\n==================================================================\n")
        .append(" 初期パスワード（この表示は一度だけです） / Initial passwords (shown once)\n");
    for (NewAccount account : accounts) {
      text.append("   ").append(account.purpose()).append("  ユーザーID: ").append(account.userId())
          .append("  パスワード: ").append(account.password()).append('\n');
    }
    text.append(" ログイン後、Tasklist/Admin の「マイプロフィール」で変更してください。\n")
        .append(" Log in and change it in My Profile. It is stored nowhere in plain text.\n")
        .append("==================================================================\n");
    console.print(text);
    console.flush();
    LOG.warn("Generated initial passwords for {} (printed to the console only)",
        accounts.stream().map(NewAccount::userId).toList());
  }
}
