package uk.safeguarding.guidance.learning;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One H2 file database ({@code <data>/learning.mv.db}) and its schema. At this scale one connection
 * is enough: every use is serialised on it. Thread-safe.
 */
public final class Database implements AutoCloseable {

  /** Work done on the connection. */
  @FunctionalInterface
  public interface Work<T> {
    T apply(Connection connection) throws SQLException;
  }

  private static final String[] SCHEMA = {
      "CREATE TABLE IF NOT EXISTS feedback (id BIGINT AUTO_INCREMENT PRIMARY KEY, at TIMESTAMP WITH TIME ZONE NOT NULL,"
          + " answer_id VARCHAR(64) NOT NULL, question VARCHAR(2000) NOT NULL, normalized VARCHAR(2000) NOT NULL,"
          + " grounded BOOLEAN NOT NULL, rating VARCHAR(4) NOT NULL, reason VARCHAR(1000) NOT NULL)",
      "CREATE TABLE IF NOT EXISTS unanswered (id BIGINT AUTO_INCREMENT PRIMARY KEY, at TIMESTAMP WITH TIME ZONE NOT NULL,"
          + " question VARCHAR(2000) NOT NULL, normalized VARCHAR(2000) NOT NULL)",
      "CREATE TABLE IF NOT EXISTS audit (id BIGINT AUTO_INCREMENT PRIMARY KEY, at TIMESTAMP WITH TIME ZONE NOT NULL,"
          + " actor VARCHAR(100) NOT NULL, action VARCHAR(40) NOT NULL, target VARCHAR(200) NOT NULL,"
          + " detail VARCHAR(2000) NOT NULL)",
      "CREATE TABLE IF NOT EXISTS trainers (name VARCHAR(64) PRIMARY KEY, salt VARBINARY(64) NOT NULL,"
          + " hash VARBINARY(64) NOT NULL, iterations INT NOT NULL, created TIMESTAMP WITH TIME ZONE NOT NULL)",
      "CREATE TABLE IF NOT EXISTS api_tokens (hash VARCHAR(64) PRIMARY KEY, name VARCHAR(100) NOT NULL,"
          + " trainer VARCHAR(64) NOT NULL, created TIMESTAMP WITH TIME ZONE NOT NULL, revoked TIMESTAMP WITH TIME ZONE)",
      // The safety screen's reason when it flagged an unanswered question ("" when it did not): those lead the queue.
      "ALTER TABLE unanswered ADD COLUMN IF NOT EXISTS urgent_reason VARCHAR(1000) DEFAULT '' NOT NULL",
      "CREATE INDEX IF NOT EXISTS feedback_at ON feedback(at)",
      "CREATE INDEX IF NOT EXISTS unanswered_at ON unanswered(at)"};

  private final String url;
  private Connection connection;

  private Database(String url, Connection connection) {
    this.url = url;
    this.connection = connection;
  }

  /** Opens (creating if needed) the database under {@code dataDir}. */
  public static Database open(Path dataDir) {
    return open(dataDir, "");
  }

  /** With extra H2 settings ({@code ";MAX_COMPACT_TIME=0"}), for tests that need the file as a crash leaves it. */
  static Database open(Path dataDir, String settings) {
    String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("learning") + ";DB_CLOSE_ON_EXIT=FALSE" + settings;
    try {
      java.nio.file.Files.createDirectories(dataDir);
      Connection c = DriverManager.getConnection(url, "guidance", "");
      try (Statement s = c.createStatement()) {
        for (String sql : SCHEMA) {
          s.execute(sql);
        }
      }
      return new Database(url, c);
    } catch (SQLException e) {
      String hint = e.getMessage() != null && e.getMessage().contains("locked")
          ? " Is the server running? Stop it first, or use the admin page." : "";
      throw new IllegalStateException("Cannot open the learning database under " + dataDir + ": " + e.getMessage()
          + hint, e);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Cannot create the data folder " + dataDir, e);
    }
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
   * Rewrites the file with only the live rows ({@code SHUTDOWN COMPACT}) and reopens it, so rows
   * deleted before (a purged question, a child's details in it) are gone from the disk, not merely
   * unreferenced in free pages. Takes about as long as copying the live data.
   */
  public synchronized void compact() {
    try {
      try (Statement s = connection.createStatement()) {
        s.execute("SHUTDOWN COMPACT");
      }
      connection = DriverManager.getConnection(url, "guidance", "");
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
}
