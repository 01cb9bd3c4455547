package jp.smb.incident.database;

import static jp.smb.incident.HttpTestClient.temporaryDirectory;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Date;
import java.util.List;
import java.util.zip.ZipFile;
import jp.smb.incident.supervision.IncidentBoardController;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The embedded H2 database copied while the application runs: a zip with the whole database, the oldest beyond
 * {@code keep} deleted, and a copy that cannot be written said in the status, the metric and the board, without
 * stopping anything.
 */
@SpringBootTest
@ActiveProfiles("processtest")
class H2BackupTest {

  private static final Path DATA = temporaryDirectory("incident-backup");

  @DynamicPropertySource
  static void fileDatabase(DynamicPropertyRegistry registry) {
    registry.add("incident.data-dir", DATA::toString);
    registry.add("spring.datasource.url",
        () -> "jdbc:h2:file:" + DATA + "/incident-response;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
    registry.add("incident.backup.keep", () -> "2");
  }

  @Autowired
  H2Backup backup;

  @Autowired
  ProcessEngine engine;

  @Autowired
  MeterRegistry meters;

  @Autowired
  IncidentBoardController board;

  @BeforeEach
  void noCopiesYet() throws IOException {
    for (Path copy : backup.copies()) {
      Files.delete(copy);
    }
  }

  @AfterEach
  void resetTheClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldCopyTheWholeDatabaseIntoAZipThatOpensAsTheDatabase() throws Exception {
    String userId = "copy-check-" + System.nanoTime();
    User user = engine.getIdentityService().newUser(userId);
    user.setFirstName("複製");
    user.setLastName("確認");
    user.setPassword("Fukusei-2026!x");
    engine.getIdentityService().saveUser(user);

    Path copy = backup.copy().orElseThrow();

    assertThat(copy.getParent()).isEqualTo(DATA.resolve("backup"));
    assertThat(copy.getFileName().toString()).matches("incident-response-\\d{8}-\\d{6}\\.zip");
    Path restored = Files.createTempDirectory("incident-restored");
    try (ZipFile zip = new ZipFile(copy.toFile())) {
      assertThat(zip.stream().map(entry -> entry.getName()).toList()).contains("incident-response.mv.db");
      Files.copy(zip.getInputStream(zip.getEntry("incident-response.mv.db")), restored.resolve("incident-response.mv.db"));
    }
    try (Connection copied = DriverManager.getConnection("jdbc:h2:file:" + restored + "/incident-response", "sa", "");
        ResultSet row = copied.createStatement().executeQuery(
            "SELECT COUNT(*) FROM ACT_ID_USER WHERE ID_ = '" + userId + "'")) {
      row.next();
      assertThat(row.getInt(1)).as("what was committed before the copy").isEqualTo(1);
    }
  }

  @Test
  void shouldKeepOnlyTheNewestCopies() throws IOException {
    List<Path> made = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + (i + 1) * 60_000L));
      made.add(backup.copy().orElseThrow());
    }

    assertThat(backup.copies()).containsExactly(made.get(2), made.get(1));
    assertThat(made.get(0)).doesNotExist();
    try (var files = Files.list(backup.directory())) {
      assertThat(files.filter(file -> file.toString().endsWith(".part")).toList()).as("no half-written copy").isEmpty();
    }
  }

  @Test
  void shouldNeverDeleteTheCopyJustMadeWhenTheClockWentBack() {
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 3_600_000L));
    Path later = backup.copy().orElseThrow();
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 7_200_000L));
    Path latest = backup.copy().orElseThrow();
    ClockUtil.reset();

    Path now = backup.copy().orElseThrow();

    assertThat(now).exists();
    assertThat(backup.copies()).containsExactly(latest, now);
    assertThat(later).doesNotExist();
  }

  @Test
  void shouldSayAFailedCopyOnTheBoardAndInTheMetricAndRecoverWithTheNextGoodOne() throws IOException {
    double failedBefore = meters.get("incident.backup.failures").counter().count();
    Path dir = backup.directory();
    Path moved = Files.exists(dir) ? Files.move(dir, dir.resolveSibling("backup-moved")) : null;
    // A file where the directory should be: nothing can be written there.
    Files.writeString(dir, "not a directory");
    try {
      assertThat(backup.copy()).isEmpty();

      assertThat(backup.status().failing()).isTrue();
      assertThat(meters.get("incident.backup.failures").counter().count()).isEqualTo(failedBefore + 1);
      assertThat(meters.get("incident.backup.failing").gauge().value()).isEqualTo(1.0);
      engine.getIdentityService().setAuthentication("lead", List.of("incident-lead"));
      try {
        assertThat((List<?>) board.board("open", null, null, 200, false).get("notices"))
            .singleElement().asString().startsWith("データのバックアップに失敗しています");
      } finally {
        engine.getIdentityService().clearAuthentication();
      }
    } finally {
      Files.delete(dir);
      if (moved != null) {
        Files.move(moved, dir);
      }
    }

    assertThat(backup.copy()).isPresent();
    assertThat(backup.status().failing()).isFalse();
    assertThat(meters.get("incident.backup.failing").gauge().value()).isZero();
  }
}
