package uk.safeguarding.guidance.store;

/**
 * The database products the store runs on, told apart by the JDBC URL. The tables are made by
 * migrations that both accept, and the queries in {@code learning} and {@code auth} are plain SQL
 * that both run (INSERT, UPDATE, DELETE, SELECT with {@code LIMIT ?}, {@code LEFT()}). What is
 * H2-specific, and its PostgreSQL counterpart:
 * <ul>
 *   <li>{@code SHUTDOWN COMPACT} (erasure after a purge): rewrites the file with only the live rows
 *       and closes the database, so the store reconnects. PostgreSQL: {@code VACUUM FULL} rewrites
 *       every table the same way, without a reconnect; it cannot run inside a
 *       transaction, and old row versions may linger in write-ahead log segments until they are
 *       recycled, which an operator bounds with the server's WAL settings.
 *   <li>URL settings {@code DB_CLOSE_ON_EXIT=FALSE} and {@code MAX_COMPACT_TIME}: H2 only; a
 *       PostgreSQL URL carries host, database and credentials instead.
 *   <li>No upsert is used: {@code Accounts.setPassword} reads, then inserts or updates, on the one
 *       serialised connection. With a pool of connections on PostgreSQL it would become
 *       {@code INSERT ... ON CONFLICT (name) DO UPDATE}, which H2 accepts only in its PostgreSQL mode
 *       (in its default mode the portable form is the standard {@code MERGE INTO ... USING}).
 * </ul>
 * PostgreSQL's JDBC driver is not shipped yet: a {@code jdbc:postgresql:} URL needs it on the class
 * path ({@code org.postgresql:postgresql}); Flyway's PostgreSQL support already is.
 */
public enum Dialect {
  H2("jdbc:h2:"),
  POSTGRESQL("jdbc:postgresql:");

  private final String prefix;

  Dialect(String prefix) {
    this.prefix = prefix;
  }

  /** The dialect of {@code url}; an unsupported product is refused with the URL's scheme named. */
  public static Dialect of(String url) {
    for (Dialect d : values()) {
      if (url != null && url.startsWith(d.prefix)) {
        return d;
      }
    }
    String scheme = url == null ? "null" : url.replaceFirst("^(jdbc:[^:]*:?).*", "$1");
    throw new IllegalArgumentException("The database URL must start with jdbc:h2: or jdbc:postgresql:, got '"
        + scheme + "'.");
  }
}
