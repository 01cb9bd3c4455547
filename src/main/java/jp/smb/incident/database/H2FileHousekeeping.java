package jp.smb.incident.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.Database;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded H2 file from growing with every commit. The product opens H2 with {@code WRITE_DELAY=0}, so
 * that a killed process loses no committed work; that also stops H2's background writer, and with it the
 * housekeeping that rewrites half-empty chunks of the file so that their space is used again. Without it the file
 * grew by about 450 KB per open incident (BENCHMARKS.md, "Many client companies"). This runs the same rewrite on a
 * schedule. On PostgreSQL, or when H2 runs its own writer, it does nothing.
 */
@Component
@EnableScheduling
class H2FileHousekeeping {

  private static final Logger LOG = LoggerFactory.getLogger(H2FileHousekeeping.class);

  /** H2's own default for its background compaction: chunks less full than this are rewritten. */
  private static final int TARGET_FILL_RATE = 90;

  private final DataSource dataSource;
  private volatile MVStore store;
  private volatile boolean notH2;
  private volatile boolean warned;

  H2FileHousekeeping(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.SECONDS)
  void rewriteSparseChunks() {
    if (notH2) {
      return;
    }
    try {
      MVStore mvStore = store();
      // A store with a write delay has H2's background writer doing this already.
      if (mvStore != null && mvStore.getAutoCommitDelay() == 0) {
        // As much as H2's writer rewrites in one round: bounded, so a round never holds the store for long.
        mvStore.compact(TARGET_FILL_RATE, mvStore.getAutoCommitMemory());
      }
    } catch (RuntimeException | SQLException e) {
      if (!warned) {
        warned = true;
        LOG.warn("H2 のファイルの整理に失敗しました（次の周期で再試行します） / H2 file housekeeping failed, retried: {}",
            e.toString());
      }
    }
  }

  /** The store of the embedded H2 database behind the data source; null when it is not embedded H2. */
  MVStore store() throws SQLException {
    MVStore known = store;
    if (known != null && !known.isClosed()) {
      return known;
    }
    try (Connection connection = dataSource.getConnection()) {
      Optional<Database> database = EmbeddedH2.of(connection);
      if (database.isEmpty()) {
        notH2 = true;
        return null;
      }
      store = database.get().getStore().getMvStore();
      return store;
    }
  }
}
