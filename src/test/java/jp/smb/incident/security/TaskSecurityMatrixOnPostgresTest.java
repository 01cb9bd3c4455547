package jp.smb.incident.security;

import jp.smb.incident.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole security matrix again on a real PostgreSQL, where our task statement runs as SQL of its own. */
class TaskSecurityMatrixOnPostgresTest extends TaskSecurityMatrixTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgres.register(registry);
  }
}
