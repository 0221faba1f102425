package uk.safeguarding.guidance.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The database behind {@code learning} and {@code auth}: opening it brings its schema up to date
 * (Flyway, {@link Migrations}). How it is used depends on the product: an H2 file through one
 * connection that every use is serialised on; PostgreSQL, shared by several replicas, through a
 * small pool of connections used at once. Thread-safe.
 */
public final class Database implements AutoCloseable {

  /** Work done on a connection. */
  @FunctionalInterface
  public interface Work<T> {

    T apply(Connection connection) throws SQLException;
  }

  /** Table names {@link #compact} accepts: they are written into the statement, not bound. */
  private static final Pattern TABLE = Pattern.compile("[a-z_]{1,63}");

  private final DatabaseConfig config;
  private final Connections connections;

  private Database(DatabaseConfig config, Connections connections) {
    this.config = config;
    this.connections = connections;
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
    Connections connections = connect(config);
    try {
      if (connections instanceof ConnectionPool pool) {
        // Through the pool: Flyway's lock on PostgreSQL lets replicas starting together migrate once.
        Migrations.run(config, pool.dataSource());
      } else {
        // After connecting, so an H2 file stays open between Flyway's connections and ours.
        Migrations.run(config);
      }
      return new Database(config, connections);
    } catch (RuntimeException e) {
      closeQuietly(connections, e);
      throw e;
    }
  }

  public Dialect dialect() {
    return config.dialect();
  }

  /** Runs {@code work} on a connection (H2: the one, held exclusively); SQL errors become unchecked with context. */
  public <T> T use(Work<T> work) {
    try {
      return connections.use(work);
    } catch (SQLException e) {
      throw new IllegalStateException("Learning database error: " + e.getMessage(), e);
    }
  }

  /**
   * Rewrites the stored data with only the live rows, so rows deleted from {@code tables} before (a
   * purged question, a child's details in it) are gone from the database's files, not merely
   * unreferenced in free pages. Takes about as long as copying the live data. H2: {@code SHUTDOWN
   * COMPACT}, the whole file, then a reconnect; PostgreSQL: {@code VACUUM FULL} of {@code tables}
   * (what remains elsewhere, such as in the write-ahead log, is in {@link Dialect}).
   */
  public void compact(String... tables) {
    if (tables.length == 0) {
      throw new IllegalArgumentException("Name the tables rows were deleted from.");
    }
    for (String t : tables) {
      if (t == null || !TABLE.matcher(t).matches()) {
        throw new IllegalArgumentException("The parameter 'tables' must hold table names, got '" + t + "'.");
      }
    }
    try {
      connections.compact(List.of(tables));
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot compact the learning database: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      connections.close();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot close the learning database: " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "Database[" + config.safeUrl() + "]";
  }

  private static Connections connect(DatabaseConfig config) {
    try {
      return switch (config.dialect()) {
        case H2 -> SingleConnection.open(config);
        case POSTGRESQL -> ConnectionPool.open(config);
      };
    } catch (SQLException | RuntimeException e) {
      // Hikari reports a failed first connection as its own RuntimeException around the driver's.
      String message = e.getCause() instanceof SQLException cause ? cause.getMessage() : e.getMessage();
      String hint = message != null && message.contains("locked")
          ? " Is the server running? Stop it first, or use the admin page."
          : "";
      throw new IllegalStateException("Cannot open the learning database " + config.safeUrl() + ": " + message
          + hint, e);
    }
  }

  private static void closeQuietly(Connections c, RuntimeException cause) {
    try {
      c.close();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }
}
