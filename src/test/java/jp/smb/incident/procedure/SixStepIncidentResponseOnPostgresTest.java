package jp.smb.incident.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import jp.smb.incident.OnPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every scenario of {@link SixStepIncidentResponseProcessTest} again, with the engine and the record on a real PostgreSQL. */
@OnPostgres
class SixStepIncidentResponseOnPostgresTest extends SixStepIncidentResponseProcessTest {

  @Autowired
  DataSource dataSource;

  @Test
  void shouldRunOnPostgres() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
    }
  }
}
