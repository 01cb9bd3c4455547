package jp.smb.incident.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import jp.smb.incident.OnPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@link DrillProcessTest} again on a real PostgreSQL: a drill's compressed timers beside a real incident's. */
@OnPostgres
class DrillProcessOnPostgresTest extends DrillProcessTest {

  @Autowired
  DataSource dataSource;

  @Test
  void shouldRunOnPostgres() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
    }
  }
}
