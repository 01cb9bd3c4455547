package jp.smb.incident.startup;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.ibatis.session.Configuration;

/** The engine's mappings being read in the background, for this database type and table prefix. */
public record PreloadedMappings(String databaseType, String tablePrefix, CompletableFuture<Configuration> parsed) {

  static final String BEAN = "preloadedMappings";

  /**
   * The mappings if they were read for this database and prefix (waiting for the reading to end), else {@code null}:
   * then, or if the reading failed, the caller reads them itself.
   */
  Configuration takeFor(String type, String prefix) {
    if (!databaseType.equals(type) || !tablePrefix.equals(prefix)) {
      return null;
    }
    try {
      return parsed.get();
    } catch (ExecutionException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
