package jp.smb.incident.company;

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
 * Every scenario of {@link CompaniesTest} again on a real PostgreSQL: each entrance refuses an unknown or foreign
 * company there too, for camunda-admin and for a vendor administrator. A database of its own, as the demo users and
 * companies it makes would change what the shared database's tests see.
 */
class CompaniesOnPostgresTest extends CompaniesTest {

  private static final String URL = EmbeddedPostgres.freshDatabase("companies");

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
