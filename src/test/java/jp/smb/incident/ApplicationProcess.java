package jp.smb.incident;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The real application in a JVM of its own, as {@code java -jar} runs it, so a test can kill it the hard way
 * ({@code kill -9}) and start it again on the same data.
 */
public final class ApplicationProcess implements AutoCloseable {

  /** The coverage plugin's auto-configuration, left out of applications a test starts by hand. */
  public static final String COVERAGE_AUTO_CONFIGURATION =
      "org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration";

  private final Process process;
  private final int port;
  private final Path log;
  private Duration startUp;

  private ApplicationProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts the application with the given arguments and waits until it is ready to take work. */
  public static ApplicationProcess start(Path log, String... arguments) {
    return startUntil(log, "/actuator/health/readiness", arguments);
  }

  /** The JVM options of a test's application: a small heap, and quick to start rather than fast to run. */
  public static final List<String> TEST_JVM = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1");

  /** As {@link #start(Path, String...)}, ready when {@code readyPath} answers 200 (e.g. Tasklist's page). */
  public static ApplicationProcess startUntil(Path log, String readyPath, String... arguments) {
    return startWith(TEST_JVM, log, readyPath, arguments);
  }

  /** As {@link #startUntil(Path, String, String...)}, in a JVM with these options (e.g. a small server's). */
  public static ApplicationProcess startWith(List<String> jvmOptions, Path log, String readyPath, String... arguments) {
    List<String> launch = new ArrayList<>(jvmOptions);
    launch.addAll(List.of("-cp", classPath(), IncidentResponseApplication.class.getName()));
    return launch(launch, log, readyPath, arguments);
  }

  /** As an operator starts it: {@code java <options> -jar <jar> <arguments>} (e.g. the extracted jar). */
  public static ApplicationProcess startJar(List<String> jvmOptions, Path jar, Path log, String readyPath,
      String... arguments) {
    List<String> launch = new ArrayList<>(jvmOptions);
    launch.addAll(List.of("-jar", jar.toString()));
    return launch(launch, log, readyPath, arguments);
  }

  private static ApplicationProcess launch(List<String> launch, Path log, String readyPath, String... arguments) {
    Instant started = Instant.now();
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(launch);
    command.addAll(List.of("--server.port=" + port, "--spring.autoconfigure.exclude=" + COVERAGE_AUTO_CONFIGURATION));
    command.addAll(List.of(arguments));
    try {
      Files.createDirectories(log.getParent());
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
      ApplicationProcess application = new ApplicationProcess(process, port, log);
      application.awaitReady(readyPath, Duration.ofSeconds(120));
      application.startUp = Duration.between(started, Instant.now());
      return application;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What a start that is meant to fail left behind: its exit code and everything it wrote to the console. */
  public record Exit(int code, String console) {
  }

  /** Starts the application as a person would and waits for it to give up, as a wrong setting should make it. */
  public static Exit runToExit(Path log, Duration timeout, String... arguments) {
    List<String> command = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElse("java"),
        "-Xmx512m", "-XX:TieredStopAtLevel=1",
        "-cp", classPath(),
        IncidentResponseApplication.class.getName(),
        "--spring.autoconfigure.exclude=" + COVERAGE_AUTO_CONFIGURATION));
    if (Arrays.stream(arguments).noneMatch(argument -> argument.startsWith("--server.port="))) {
      command.add("--server.port=" + freePort());
    }
    command.addAll(List.of(arguments));
    try {
      Files.createDirectories(log.getParent());
      Files.deleteIfExists(log);
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
      if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError("the application did not stop within " + timeout + "; see " + log);
      }
      return new Exit(process.exitValue(), Files.readString(log));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The test's class path without empty entries, which the JVM would read as the working directory. */
  private static String classPath() {
    String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return java.util.Arrays.stream(path.split(java.io.File.pathSeparator)).map(String::trim)
        .filter(entry -> !entry.isEmpty()).collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
  }

  public int port() {
    return port;
  }

  public HttpTestClient http() {
    return new HttpTestClient(port);
  }

  /** SIGKILL: no shutdown hook, no flush, no closing of the database. */
  public void kill() {
    process.destroyForcibly();
    awaitExit();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      awaitExit();
    }
  }

  private void awaitExit() {
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** From launching the JVM until the ready path first answered. */
  public Duration startUp() {
    return startUp;
  }

  public long pid() {
    return process.pid();
  }

  private void awaitReady(String readyPath, Duration timeout) {
    HttpTestClient http = new HttpTestClient(port);
    try {
      // The port opens only once the application has started: until then a refused connection is expected.
      Awaitility.await("the application on port " + port).atMost(timeout).pollInterval(Duration.ofMillis(100))
          .ignoreException(IllegalStateException.class)
          .until(() -> {
            if (!process.isAlive()) {
              throw new AssertionError("the application exited with " + process.exitValue() + "; see " + log);
            }
            return http.get(readyPath).statusCode() == 200;
          });
    } catch (ConditionTimeoutException e) {
      process.destroyForcibly();
      throw new AssertionError("the application was not ready within " + timeout + "; see " + log, e);
    }
  }


  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
