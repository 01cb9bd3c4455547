package jp.smb.incident.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import jp.smb.incident.OnPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The whole security matrix again on a real PostgreSQL, where our task statement runs as SQL of its own. */
@OnPostgres
class TaskSecurityMatrixOnPostgresTest extends TaskSecurityMatrixTest {

  @Autowired
  DataSource dataSource;

  @Test
  void shouldRunOnPostgres() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
    }
  }
}
