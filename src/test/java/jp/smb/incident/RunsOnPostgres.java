package jp.smb.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A test class that runs another's scenarios again on PostgreSQL: this shows they did, and did not quietly fall back
 * to H2 because a setting was lost.
 */
public interface RunsOnPostgres {

  @Test
  default void shouldRunOnPostgres(@Autowired DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
    }
  }
}
