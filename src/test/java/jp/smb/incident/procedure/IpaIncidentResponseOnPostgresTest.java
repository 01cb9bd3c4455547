package jp.smb.incident.procedure;

import jp.smb.incident.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Every scenario of {@link IpaIncidentResponseProcessTest} again, with the engine and the record on a real PostgreSQL. */
class IpaIncidentResponseOnPostgresTest extends IpaIncidentResponseProcessTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgres.register(registry);
  }
}
