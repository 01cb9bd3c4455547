package jp.smb.incident.security;

import jp.smb.incident.OnPostgres;
import jp.smb.incident.RunsOnPostgres;

/** The whole security matrix again on a real PostgreSQL, where our task statement runs as SQL of its own. */
@OnPostgres
class TaskSecurityMatrixOnPostgresTest extends TaskSecurityMatrixTest implements RunsOnPostgres {
}
