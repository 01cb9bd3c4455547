package jp.smb.incident.procedure;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Engine work the application does on a caller's behalf after it has checked the caller itself (company set-up, a
 * drill's own processes): run without the caller's authentication, so the engine does not ask the caller for rights
 * it need not hold, and the caller's login is put back afterwards.
 */
public final class AsTheApplication {

  private AsTheApplication() {
  }

  public static <T> T get(IdentityService identity, Supplier<T> work) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  public static void run(IdentityService identity, Runnable work) {
    get(identity, () -> {
      work.run();
      return null;
    });
  }
}
