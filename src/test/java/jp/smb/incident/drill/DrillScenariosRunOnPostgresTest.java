package jp.smb.incident.drill;

import jp.smb.incident.OnPostgres;
import jp.smb.incident.RunsOnPostgres;

/** {@link DrillScenariosRunTest} again on a real PostgreSQL: each shipped scenario to the end of its procedure. */
@OnPostgres
class DrillScenariosRunOnPostgresTest extends DrillScenariosRunTest implements RunsOnPostgres {
}
