package jp.smb.incident.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import jp.smb.incident.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every scenario of {@link DrillsTest} again on a real PostgreSQL, a database of its own: numbering, marks, the
 * compressed injects, the scorecard, and a deletion that leaves no row behind.
 */
class DrillsOnPostgresTest extends DrillsTest {

  private static final String URL = EmbeddedPostgres.freshDatabase("drills");

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgres.register(registry, URL);
  }

  @Autowired
  DataSource dataSource;

  @Test
  void shouldRunOnPostgres() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
    }
  }
}
