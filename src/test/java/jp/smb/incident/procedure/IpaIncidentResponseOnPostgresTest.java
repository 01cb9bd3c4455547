package jp.smb.incident.procedure;

import jp.smb.incident.OnPostgres;
import jp.smb.incident.RunsOnPostgres;

/** Every scenario of {@link IpaIncidentResponseProcessTest} again, with the engine and the record on a real PostgreSQL. */
@OnPostgres
class IpaIncidentResponseOnPostgresTest extends IpaIncidentResponseProcessTest implements RunsOnPostgres {
}
