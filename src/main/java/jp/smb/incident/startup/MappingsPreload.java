package jp.smb.incident.startup;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.apache.ibatis.session.Configuration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Starts reading the engine's mappings ({@link EngineMappings}) as soon as the settings are known, before Spring reads
 * its configuration classes, and leaves the result to {@link PreloadedMappingsPlugin}. The database type is only a
 * guess from the JDBC URL here; the engine's own answer decides later whether the guess is used.
 */
public class MappingsPreload implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  /** The engine's name for the database behind this URL, or {@code null} for one we do not guess. */
  static String databaseTypeOf(String jdbcUrl) {
    String url = jdbcUrl == null ? "" : jdbcUrl.toLowerCase(Locale.ROOT);
    if (url.startsWith("jdbc:h2:")) {
      return "h2";
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return "postgres";
    }
    return null;
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    Environment environment = context.getEnvironment();
    String type = environment.getProperty("camunda.bpm.database.type",
        databaseTypeOf(environment.getProperty("spring.datasource.url")));
    if (type == null || !environment.getProperty("camunda.bpm.enabled", Boolean.class, true)) {
      return;
    }
    String prefix = environment.getProperty("camunda.bpm.database.table-prefix", "");
    CompletableFuture<Configuration> parsed = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        parsed.complete(EngineMappings.parse(type, prefix));
      } catch (Throwable e) {
        parsed.completeExceptionally(e);
      }
    }, "engine-mappings");
    thread.setDaemon(true);
    thread.start();
    context.getBeanFactory().registerSingleton(PreloadedMappings.BEAN, new PreloadedMappings(type, prefix, parsed));
  }
}
