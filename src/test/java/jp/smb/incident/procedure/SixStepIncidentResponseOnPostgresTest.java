package jp.smb.incident.procedure;

import jp.smb.incident.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Every scenario of {@link SixStepIncidentResponseProcessTest} again, with the engine and the record on a real PostgreSQL. */
class SixStepIncidentResponseOnPostgresTest extends SixStepIncidentResponseProcessTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgres.register(registry);
  }
}
