package jp.smb.incident.drill;

import jp.smb.incident.OnPostgres;
import jp.smb.incident.RunsOnPostgres;

/** {@link DrillProcessTest} again on a real PostgreSQL: a drill's compressed timers beside a real incident's. */
@OnPostgres
class DrillProcessOnPostgresTest extends DrillProcessTest implements RunsOnPostgres {
}
