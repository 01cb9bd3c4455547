package jp.smb.incident.drill;

import jp.smb.incident.EmbeddedPostgres;
import jp.smb.incident.RunsOnPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every scenario of {@link DrillsTest} again on a real PostgreSQL, a database of its own: numbering, marks, the
 * compressed injects, the scorecard, and a deletion that leaves no row behind.
 */
class DrillsOnPostgresTest extends DrillsTest implements RunsOnPostgres {

  private static final String URL = EmbeddedPostgres.freshDatabase("drills");

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgres.register(registry, URL);
  }
}
