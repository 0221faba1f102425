package uk.safeguarding.guidance.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * PostgreSQL through a small HikariCP pool, so this process's request threads, and the other
 * replicas beside it, use the database at once; PostgreSQL's own locking keeps them apart.
 * Thread-safe.
 */
final class ConnectionPool implements Connections {

  /**
   * Connections per replica. Every use is one or two short statements, so a few serve a busy
   * replica, and ten replicas stay well inside PostgreSQL's default {@code max_connections} of 100.
   */
  static final int SIZE = 4;
  /** How long a request waits for a free connection before it fails (Hikari's default is 30 s). */
  static final long WAIT_MILLIS = 10_000;

  private final HikariDataSource pool;

  private ConnectionPool(HikariDataSource pool) {
    this.pool = pool;
  }

  /** Connects at once, so a wrong URL or password fails the start rather than the first request. */
  static ConnectionPool open(DatabaseConfig config) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("guidance-database");
    hikari.setJdbcUrl(config.url());
    // Unset, the URL's own user= (or the driver's default) applies; Hikari logs neither password.
    if (!config.user().isEmpty()) {
      hikari.setUsername(config.user());
    }
    if (!config.password().isEmpty()) {
      hikari.setPassword(config.password());
    }
    hikari.setMaximumPoolSize(SIZE);
    hikari.setMinimumIdle(1);
    hikari.setConnectionTimeout(WAIT_MILLIS);
    return new ConnectionPool(new HikariDataSource(hikari));
  }

  DataSource dataSource() {
    return pool;
  }

  @Override
  public <T> T use(Database.Work<T> work) throws SQLException {
    try (Connection c = pool.getConnection()) {
      return work.apply(c);
    }
  }

  /**
   * {@code VACUUM FULL} writes each table anew with only its live rows and deletes the old file;
   * a plain {@code VACUUM} would only mark the dead rows' space free, leaving their bytes in the
   * pages until reused. Runs outside a transaction (the pool's connections auto-commit), as it must.
   */
  @Override
  public void compact(List<String> tables) throws SQLException {
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      s.execute("VACUUM FULL " + String.join(", ", tables));
    }
  }

  @Override
  public void close() {
    pool.close();
  }
}
