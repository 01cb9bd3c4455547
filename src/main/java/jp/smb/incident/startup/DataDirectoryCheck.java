package jp.smb.incident.startup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import jp.smb.incident.settings.ConfigurationMistakeException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Checks the embedded database's directory before H2 opens it: H2 reports a directory it cannot write with a
 * stack trace of its own, and a person needs the setting and the path instead.
 */
public class DataDirectoryCheck implements EnvironmentPostProcessor {

  static final String SETTING = "incident.data-dir（INCIDENT_DATA_DIR）";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    String url = environment.getProperty("spring.datasource.url", "");
    String dataDir = environment.getProperty("incident.data-dir");
    if (!url.startsWith("jdbc:h2:file:") || dataDir == null || dataDir.isBlank()) {
      return;
    }
    Path directory;
    try {
      directory = Path.of(dataDir);
    } catch (InvalidPathException e) {
      throw mistake(dataDir, "ディレクトリのパスとして読めません / not a path");
    }
    if (Files.exists(directory) && !Files.isDirectory(directory)) {
      throw mistake(dataDir, "ディレクトリではありません（同じ名前のファイルがあります） / it is a file, not a directory");
    }
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw mistake(dataDir, "ディレクトリを作れません（" + e.getClass().getSimpleName() + "） / the directory cannot be created");
    }
    if (!Files.isWritable(directory)) {
      throw mistake(dataDir, "書き込めません（権限を確かめてください） / the directory is not writable");
    }
  }

  private static ConfigurationMistakeException mistake(String value, String rule) {
    return new ConfigurationMistakeException(SETTING, value, List.of(rule));
  }
}
