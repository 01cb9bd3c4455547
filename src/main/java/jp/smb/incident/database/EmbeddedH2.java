package jp.smb.incident.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.h2.engine.Database;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;

/** The embedded H2 database behind a connection, which only an in-process H2 has (PostgreSQL, a TCP H2: none). */
final class EmbeddedH2 {

  private EmbeddedH2() {
  }

  static Optional<Database> of(Connection connection) throws SQLException {
    if (connection.isWrapperFor(JdbcConnection.class)
        && connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session) {
      return Optional.of(session.getDatabase());
    }
    return Optional.empty();
  }
}
