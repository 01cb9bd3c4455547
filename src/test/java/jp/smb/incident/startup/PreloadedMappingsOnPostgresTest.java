package jp.smb.incident.startup;

import jp.smb.incident.OnPostgres;
import jp.smb.incident.RunsOnPostgres;

/** {@link PreloadedMappingsTest} again on a real PostgreSQL: the mappings read in the background are PostgreSQL's. */
@OnPostgres
class PreloadedMappingsOnPostgresTest extends PreloadedMappingsTest implements RunsOnPostgres {
}
