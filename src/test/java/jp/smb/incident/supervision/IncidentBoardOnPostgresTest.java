package jp.smb.incident.supervision;

import jp.smb.incident.OnPostgres;
import jp.smb.incident.RunsOnPostgres;

/** {@link IncidentBoardTest} again on a real PostgreSQL: the board's own statements read the engine's tables there too. */
@OnPostgres
class IncidentBoardOnPostgresTest extends IncidentBoardTest implements RunsOnPostgres {
}
