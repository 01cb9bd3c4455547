package jp.smb.incident.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The H2 file under a load shaped like the engine's: every commit adds rows that stay (the record of a new incident)
 * and rewrites a few rows that change all the time (job and task state). Each commit leaves a chunk in the file that
 * keeps a little live data, so without the housekeeping of H2's background writer, which {@code WRITE_DELAY=0}
 * turns off, the file grows with every commit.
 */
class H2FileHousekeepingTest {

  private static final int COMMITS = 3_000;

  @TempDir
  Path dir;

  @Test
  void shouldKeepTheFileSmallerThanWithoutHousekeeping() throws Exception {
    long without = fileAfterLoad("without", false);
    long with = fileAfterLoad("with", true);

    assertThat(with).as("file with housekeeping %,d bytes, without %,d", with, without).isLessThan(without * 85 / 100);
  }

  @Test
  void shouldFindTheStoreOfAnEmbeddedH2DatabaseAndNoneOnPostgres() throws Exception {
    JdbcDataSource h2 = h2("found", "");
    try (Connection open = h2.getConnection()) {
      assertThat(new H2FileHousekeeping(h2).store()).isNotNull();
    }
    PGSimpleDataSource postgres = new PGSimpleDataSource();
    postgres.setUrl(jp.smb.incident.EmbeddedPostgres.freshDatabase("housekeeping"));
    postgres.setUser("postgres");
    postgres.setPassword("postgres");
    H2FileHousekeeping onPostgres = new H2FileHousekeeping(postgres);
    assertThat(onPostgres.store()).isNull();
    onPostgres.rewriteSparseChunks(); // and a round on PostgreSQL does nothing, quietly
  }

  /** Commits one after another, with a housekeeping round every 100 if asked. */
  private long fileAfterLoad(String name, boolean housekeeping) throws Exception {
    // H2 keeps a chunk at least RETENTION_TIME (default 45 s) before it may be rewritten: none here, so that the
    // test does not wait for chunks to age as a working day would.
    JdbcDataSource h2 = h2(name, ";RETENTION_TIME=0");
    H2FileHousekeeping keeper = new H2FileHousekeeping(h2);
    try (Connection connection = h2.getConnection(); Statement ddl = connection.createStatement()) {
      ddl.execute("create table RECORD (ID int primary key, NUMBER varchar(40), BODY varchar(2000))");
      ddl.execute("create index RECORD_NUMBER on RECORD (NUMBER)");
      ddl.execute("create table STATE (ID int primary key, STEP int, NOTE varchar(400))");
      ddl.execute("insert into STATE select X, 0, repeat('s', 400) from system_range(1, 50)");
      connection.setAutoCommit(false);
      try (PreparedStatement record = connection.prepareStatement("insert into RECORD values (?, ?, ?)");
          PreparedStatement state = connection.prepareStatement("update STATE set STEP = ? where ID = ?")) {
        for (int i = 1; i <= COMMITS; i++) {
          record.setInt(1, i);
          record.setString(2, "INC-2026-%05d".formatted(i));
          record.setString(3, "記録".repeat(200 + i % 300));
          record.executeUpdate();
          for (int s = 0; s < 3; s++) {
            state.setInt(1, i);
            state.setInt(2, 1 + (i * 7 + s * 13) % 50);
            state.executeUpdate();
          }
          connection.commit();
          if (housekeeping && i % 100 == 0) {
            keeper.rewriteSparseChunks();
          }
        }
      }
      return Files.size(dir.resolve(name + ".mv.db"));
    }
  }

  private JdbcDataSource h2(String name, String settings) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:file:" + dir.resolve(name) + ";WRITE_DELAY=0" + settings);
    h2.setUser("sa");
    return h2;
  }
}
