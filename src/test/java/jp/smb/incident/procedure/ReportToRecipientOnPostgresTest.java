package jp.smb.incident.procedure;

import jp.smb.incident.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Every scenario of {@link ReportToRecipientProcessTest} again, with the engine and the record on a real PostgreSQL. */
class ReportToRecipientOnPostgresTest extends ReportToRecipientProcessTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgres.register(registry);
  }
}
