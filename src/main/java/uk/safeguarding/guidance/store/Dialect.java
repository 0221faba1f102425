package uk.safeguarding.guidance.store;

/**
 * The database products the store runs on, told apart by the JDBC URL. The tables are made by
 * migrations that both accept, and the queries in {@code learning} and {@code auth} are plain SQL
 * that both run (INSERT, UPDATE, DELETE, SELECT with {@code LIMIT ?}, {@code LEFT()}). Where they
 * differ:
 * <ul>
 *   <li>Connections: an H2 file is one process's, through one serialised connection; PostgreSQL is
 *       shared by every replica, each through a small pool ({@link ConnectionPool#SIZE}).
 *   <li>Erasure after a purge. H2: {@code SHUTDOWN COMPACT} rewrites the file with only the live
 *       rows and closes the database, so the store reconnects. PostgreSQL: {@code VACUUM FULL} of
 *       the purged tables writes each anew and deletes the old file (a plain {@code VACUUM} would
 *       leave the dead rows' bytes in their pages until reused); it cannot run inside a transaction.
 *       "Erased" then means: no query returns the rows and the tables' files no longer hold them.
 *       Copies outside the tables remain until they age out, and bounding that is the operator's:
 *       write-ahead log segments (kept and recycled per {@code max_wal_size} and
 *       {@code wal_keep_size}; a replication slot holds them longer), WAL archives and base backups
 *       (kept per the backup policy, which should not outlast the retention), and freed file-system
 *       blocks. Standbys replay the {@code VACUUM FULL} and are erased the same way.
 *   <li>URL settings {@code DB_CLOSE_ON_EXIT=FALSE} and {@code MAX_COMPACT_TIME}: H2 only; a
 *       PostgreSQL URL carries host and database, its credentials coming from the environment
 *       ({@link DatabaseConfig#fromUrl}).
 *   <li>No upsert is used: {@code Accounts.setPassword} reads, then inserts or updates. On
 *       PostgreSQL two replicas creating the same trainer at the same moment would see the second
 *       insert refused by the primary key, an error rather than a lost update. A real upsert has no
 *       portable form here: {@code INSERT ... ON CONFLICT} is refused by H2's default mode, and
 *       {@code MERGE} needs PostgreSQL 15.
 * </ul>
 */
public enum Dialect {

  H2("jdbc:h2:"), POSTGRESQL("jdbc:postgresql:");

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
