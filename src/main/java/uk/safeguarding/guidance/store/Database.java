package uk.safeguarding.guidance.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The database behind {@code learning} and {@code auth}: opening it brings its schema up to date
 * (Flyway, {@link Migrations}). At this scale one connection is enough: every use is serialised on
 * it. Thread-safe.
 */
public final class Database implements AutoCloseable {

  /** Work done on the connection. */
  @FunctionalInterface
  public interface Work<T> {
    T apply(Connection connection) throws SQLException;
  }

  private final DatabaseConfig config;
  private Connection connection;

  private Database(DatabaseConfig config, Connection connection) {
    this.config = config;
    this.connection = connection;
  }

  /** Opens (creating if needed) the default database, an H2 file under {@code dataDir}. */
  public static Database open(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the data folder " + dataDir, e);
    }
    return open(DatabaseConfig.h2Under(dataDir));
  }

  /** Opens the database {@code config} names and applies the migrations it has not had yet. */
  public static Database open(DatabaseConfig config) {
    Connection c = connect(config);
    try {
      // After connecting, so an H2 file stays open between Flyway's connections and ours.
      Migrations.run(config);
      return new Database(config, c);
    } catch (RuntimeException e) {
      closeQuietly(c, e);
      throw e;
    }
  }

  public Dialect dialect() {
    return config.dialect();
  }

  /** Runs {@code work} with the connection held exclusively; SQL errors become unchecked with context. */
  public synchronized <T> T use(Work<T> work) {
    try {
      return work.apply(connection);
    } catch (SQLException e) {
      throw new IllegalStateException("Learning database error: " + e.getMessage(), e);
    }
  }

  /**
   * Rewrites the stored data with only the live rows and, where that closes the database, reopens
   * it, so rows deleted before (a purged question, a child's details in it) are gone from the disk,
   * not merely unreferenced in free pages. Takes about as long as copying the live data. H2:
   * {@code SHUTDOWN COMPACT}; PostgreSQL: {@code VACUUM FULL} (see {@link Dialect}).
   */
  public synchronized void compact() {
    try (Statement s = connection.createStatement()) {
      switch (config.dialect()) {
        case H2 -> {
          s.execute("SHUTDOWN COMPACT");
          connection = connect(config);
        }
        case POSTGRESQL -> s.execute("VACUUM FULL"); // every table: the store need not know which were purged
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot compact the learning database: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot close the learning database: " + e.getMessage(), e);
    }
  }

  private static Connection connect(DatabaseConfig config) {
    try {
      return DriverManager.getConnection(config.url(), config.user(), config.password());
    } catch (SQLException e) {
      String hint = e.getMessage() != null && e.getMessage().contains("locked")
          ? " Is the server running? Stop it first, or use the admin page." : "";
      throw new IllegalStateException("Cannot open the learning database " + config.safeUrl() + ": " + e.getMessage()
          + hint, e);
    }
  }

  private static void closeQuietly(Connection c, RuntimeException cause) {
    try {
      c.close();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }
}
