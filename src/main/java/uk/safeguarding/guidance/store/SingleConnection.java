package uk.safeguarding.guidance.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * H2's file, used by one process: one connection, every use serialised on it. A pool would buy
 * nothing, since H2 writes one file, and the file lock keeps a second process out anyway.
 * Thread-safe.
 */
final class SingleConnection implements Connections {

  private final DatabaseConfig config;
  private Connection connection;

  private SingleConnection(DatabaseConfig config, Connection connection) {
    this.config = config;
    this.connection = connection;
  }

  static SingleConnection open(DatabaseConfig config) throws SQLException {
    return new SingleConnection(config, connect(config));
  }

  @Override
  public synchronized <T> T use(Database.Work<T> work) throws SQLException {
    return work.apply(connection);
  }

  /** {@code SHUTDOWN COMPACT} rewrites the whole file and closes the database: the store reconnects. */
  @Override
  public synchronized void compact(List<String> tables) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("SHUTDOWN COMPACT");
    }
    connection = connect(config);
  }

  @Override
  public synchronized void close() throws SQLException {
    connection.close();
  }

  private static Connection connect(DatabaseConfig config) throws SQLException {
    return DriverManager.getConnection(config.url(), config.user(), config.password());
  }
}
