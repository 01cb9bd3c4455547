package jp.smb.incident.database;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;
import jp.smb.incident.settings.IncidentProperties;
import org.h2.engine.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Copies the embedded H2 database while the application runs, every night by default ({@code incident.backup.*}):
 * H2's {@code BACKUP TO} writes a consistent copy of the database file into a zip, without stopping anyone's work.
 * A copy is written under a temporary name and renamed when whole, so a copy that is there is a good one; the
 * oldest beyond {@code keep} are then deleted. A failed copy is a WARN line, a metric and a notice on Cockpit's
 * board, never a stopped application. On PostgreSQL it does nothing: pg_dump does this there.
 */
@Component
public class H2Backup {

  /** The copies' names: the database's, then the time, so that names sort as times do. */
  static final String PREFIX = "incident-response-";
  static final String SUFFIX = ".zip";
  private static final Logger LOG = LoggerFactory.getLogger(H2Backup.class);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  /** How the last attempt went, for the board and the metrics. */
  public record Status(OffsetDateTime lastCopyAt, Path lastCopy, OffsetDateTime failedAt, String failure) {

    /** The last attempt failed (and no copy has been made since). */
    public boolean failing() {
      return failedAt != null;
    }
  }

  private final DataSource dataSource;
  private final IncidentProperties settings;
  private final Clock clock;
  private final Counter failures;
  private volatile Status status = new Status(null, null, null, null);

  H2Backup(DataSource dataSource, IncidentProperties settings, Clock clock, MeterRegistry meters) {
    this.dataSource = dataSource;
    this.settings = settings;
    this.clock = clock;
    this.failures = Counter.builder("incident.backup.failures").description("database copies that failed")
        .register(meters);
    Gauge.builder("incident.backup.failing", this, backup -> backup.status().failing() ? 1 : 0)
        .description("1 while the last database copy failed").register(meters);
  }

  @Scheduled(cron = "${incident.backup.cron:0 30 2 * * *}", zone = "${incident.time-zone:Asia/Tokyo}")
  void onSchedule() {
    copy();
  }

  /**
   * Copies the database now.
   *
   * @return the copy; empty when the database is not an embedded H2 file, or the copy failed (then said in the
   *     log, the metric and {@link #status()})
   */
  public synchronized Optional<Path> copy() {
    Path dir = directory();
    Path part = null;
    try (Connection connection = dataSource.getConnection()) {
      if (!embeddedH2(connection)) {
        return Optional.empty();
      }
      Files.createDirectories(dir);
      OffsetDateTime now = OffsetDateTime.now(clock);
      Path copy = dir.resolve(PREFIX + now.format(STAMP) + SUFFIX);
      part = dir.resolve(copy.getFileName() + ".part");
      try (Statement statement = connection.createStatement()) {
        statement.execute("BACKUP TO '" + part.toAbsolutePath().toString().replace("'", "''") + "'");
      }
      Files.move(part, copy, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      deleteOldest(copy);
      status = new Status(now, copy, null, null);
      LOG.info("データベースのバックアップを取りました / Database copied to {}", copy);
      return Optional.of(copy);
    } catch (SQLException | IOException | UncheckedIOException | SecurityException e) {
      failures.increment();
      status = new Status(status.lastCopyAt(), status.lastCopy(), OffsetDateTime.now(clock), e.getMessage());
      LOG.warn("データベースのバックアップに失敗しました（アプリケーションは動き続けます。保存先 {} の空き容量と書き込み権限を"
          + "確かめてください） / Database backup failed: {}", dir, e.toString());
      deleteQuietly(part);
      return Optional.empty();
    }
  }

  public Status status() {
    return status;
  }

  /** Whether the database is an embedded H2 file, which this copies (PostgreSQL is copied with pg_dump). */
  public boolean embeddedH2() {
    try (Connection connection = dataSource.getConnection()) {
      return embeddedH2(connection);
    } catch (SQLException e) {
      return false;
    }
  }

  /** Where the copies go ({@code incident.backup.dir}, else {@code <data-dir>/backup}). */
  public Path directory() {
    return settings.backup().directory(settings.dataDir());
  }

  /** The copies there, newest first. */
  public List<Path> copies() {
    Path dir = directory();
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(H2Backup::isCopy).sorted(Comparator.comparing(Path::getFileName).reversed()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The oldest copies beyond {@code keep}; never the one just made, even if the clock went back since a newer name. */
  private void deleteOldest(Path made) throws IOException {
    List<Path> others = copies().stream().filter(copy -> !copy.equals(made)).toList();
    int keepOthers = settings.backup().keep() - 1;
    for (Path old : others.subList(Math.min(others.size(), keepOthers), others.size())) {
      Files.deleteIfExists(old);
    }
  }

  private static boolean isCopy(Path file) {
    String name = file.getFileName().toString();
    return name.startsWith(PREFIX) && name.endsWith(SUFFIX);
  }

  /** An H2 file: an in-memory H2 has nothing to copy. */
  private static boolean embeddedH2(Connection connection) throws SQLException {
    return EmbeddedH2.of(connection).filter(Database::isPersistent).isPresent();
  }

  private static void deleteQuietly(Path file) {
    try {
      if (file != null) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      LOG.debug("could not delete {}", file, e);
    }
  }
}
