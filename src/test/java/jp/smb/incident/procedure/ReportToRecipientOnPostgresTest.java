package jp.smb.incident.procedure;

import jp.smb.incident.OnPostgres;
import jp.smb.incident.RunsOnPostgres;

/** Every scenario of {@link ReportToRecipientProcessTest} again, with the engine and the record on a real PostgreSQL. */
@OnPostgres
class ReportToRecipientOnPostgresTest extends ReportToRecipientProcessTest implements RunsOnPostgres {
}
