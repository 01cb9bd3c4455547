package jp.smb.incident.company;

import jp.smb.incident.EmbeddedPostgres;
import jp.smb.incident.RunsOnPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every scenario of {@link CompaniesTest} again on a real PostgreSQL: each entrance refuses an unknown or foreign
 * company there too, for camunda-admin and for a vendor administrator. A database of its own, as the demo users and
 * companies it makes would change what the shared database's tests see.
 */
class CompaniesOnPostgresTest extends CompaniesTest implements RunsOnPostgres {

  private static final String URL = EmbeddedPostgres.freshDatabase("companies");

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgres.register(registry, URL);
  }
}
