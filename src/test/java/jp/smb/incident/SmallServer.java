package jp.smb.incident;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The small server as the operators' guide sets it up (「小さなサーバーで動かす」): its JVM options, the jar extracted,
 * and a class archive (CDS) recorded once in a scratch data directory. The benchmark and {@code SmallServerIT} run the
 * same commands, so the guide's commands cannot stop working unnoticed.
 */
public final class SmallServer {

  private SmallServer() {
  }

  /** The lines of {@code src/main/jvm/small-server.options}. */
  public static List<String> jvmOptions() {
    try {
      return Files.readAllLines(Path.of("src", "main", "jvm", "small-server.options")).stream().map(String::trim)
          .filter(line -> !line.isEmpty()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The application's jar in {@code target/}, built by {@code package} before the ITs and the benchmark run. */
  public static Path packagedJar() {
    try (Stream<Path> built = Files.list(Path.of("target"))) {
      return built.filter(file -> file.getFileName().toString().matches("incident-response-.*\\.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("no jar in target/: run after package"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code java -Djarmode=tools -jar <jar> extract --destination <into>}; the extracted jar to start. */
  public static Path extract(Path jar, Path into, Path log) {
    java(List.of("-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(), "extract", "--destination",
        into.toString()), log);
    return into.resolve(jar.getFileName());
  }

  /**
   * The guide's recording run: the small server's options, {@code -XX:ArchiveClassesAtExit}, stopped once the
   * application is ready ({@code spring.context.exit=onRefresh}), on a scratch data directory.
   */
  public static void recordArchive(Path extractedJar, Path archive, Path scratchData, Path log) {
    List<String> record = new ArrayList<>(jvmOptions());
    record.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-jar",
        extractedJar.toString(), "--spring.profiles.active=small", "--incident.data-dir=" + scratchData));
    java(record, log);
  }

  /** The small server's options with the recorded archive. */
  public static List<String> jvmOptionsWith(Path archive) {
    List<String> options = new ArrayList<>(jvmOptions());
    options.add("-XX:SharedArchiveFile=" + archive);
    return options;
  }

  /** Runs {@code java} with these arguments to its end; it must succeed. */
  private static void java(List<String> arguments, Path log) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(arguments);
    try {
      Files.createDirectories(log.getParent());
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("did not end within 5 minutes: " + command + "; see " + log);
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException("exit " + process.exitValue() + ": " + command + "; see " + log);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
