package uk.safeguarding.guidance.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Allowances per key in fixed time windows, counted in the shared database so that every replica
 * draws on the same one: at most {@code limit} takes per key and window, however many replicas
 * serve the key. Each take is one conditional {@code UPDATE} (two statements for a key's first take
 * in a window), atomic on its own, so replicas never over-count or under-count one another; no
 * upsert is needed (see {@link Dialect}). Rows of windows that have ended are deleted by the first
 * take each process makes in a new window. Each user keeps its quotas in a scope of its own (the API's
 * rate limit, the sign-in lockout), whose windows may differ in length and are deleted apart. Works
 * the same on H2 and PostgreSQL. Thread-safe.
 */
public final class Quotas {

  /**
   * The widest key a caller may pass (the table holds it after the scope). Callers pass a hash, so
   * no address or name is stored.
   */
  public static final int MAX_KEY_LENGTH = 64;
  /** Scope names: lower-case letters, so they hold no {@code LIKE} wildcard. */
  private static final java.util.regex.Pattern SCOPE = java.util.regex.Pattern.compile("[a-z]{1,20}");

  private final Database database;
  /** Written before each key ("api:…"), so one scope's cleanup never deletes another's rows. */
  private final String prefix;
  /** The newest window this process has taken in; rows from before the one before it are deleted. */
  private final AtomicLong latestWindow = new AtomicLong(Long.MIN_VALUE);

  /** The quotas of one user of the table, {@code scope} (e.g. "api"). */
  public Quotas(Database database, String scope) {
    if (scope == null || !SCOPE.matcher(scope).matches()) {
      throw new IllegalArgumentException("The parameter 'scope' must be 1 to 20 lower-case letters, got '" + scope
          + "'.");
    }
    this.database = database;
    this.prefix = scope + ":";
  }

  /**
   * Takes one from {@code key}'s allowance in the window starting at {@code windowStart} (epoch
   * milliseconds): true when fewer than {@code limit} were taken before, false (taking nothing) when
   * the allowance is used up.
   */
  public boolean tryTake(String key, long windowStart, int limit) {
    String row = row(key);
    if (limit < 1) {
      throw new IllegalArgumentException("The parameter 'limit' must be at least 1, got " + limit + ".");
    }
    forgetEndedWindows(windowStart);
    return database.use(c -> {
      if (takeFromRow(c, row, windowStart, limit)) {
        return true;
      }
      try (PreparedStatement insert =
          c.prepareStatement("INSERT INTO quotas (window_start, quota_key, used) VALUES (?, ?, 1)")) {
        insert.setLong(1, windowStart);
        insert.setString(2, row);
        return insert.executeUpdate() == 1;
      } catch (SQLException e) {
        if (!"23505".equals(e.getSQLState())) { // unique violation, on both H2 and PostgreSQL
          throw e;
        }
        // The row exists: either used up, or another replica made it a moment ago.
        return takeFromRow(c, row, windowStart, limit);
      }
    });
  }

  /** How many were taken from {@code key}'s allowance in the window starting at {@code windowStart}. */
  public int used(String key, long windowStart) {
    String row = row(key);
    return database.use(c -> {
      try (PreparedStatement select =
          c.prepareStatement("SELECT used FROM quotas WHERE window_start = ? AND quota_key = ?")) {
        select.setLong(1, windowStart);
        select.setString(2, row);
        try (java.sql.ResultSet rs = select.executeQuery()) {
          return rs.next() ? rs.getInt(1) : 0;
        }
      }
    });
  }

  /** Gives {@code key} its whole allowance back for the window starting at {@code windowStart}. */
  public void clear(String key, long windowStart) {
    String row = row(key);
    database.use(c -> {
      try (PreparedStatement delete =
          c.prepareStatement("DELETE FROM quotas WHERE window_start = ? AND quota_key = ?")) {
        delete.setLong(1, windowStart);
        delete.setString(2, row);
        return delete.executeUpdate();
      }
    });
  }

  private String row(String key) {
    if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException("The parameter 'key' must be 1 to " + MAX_KEY_LENGTH + " characters, got "
          + (key == null ? "null" : key.length() + " characters") + ".");
    }
    return prefix + key;
  }

  /** Deletes this scope's rows of windows before {@code windowStart}; returns how many. */
  public int forgetBefore(long windowStart) {
    return database.use(c -> {
      try (PreparedStatement delete =
          c.prepareStatement("DELETE FROM quotas WHERE window_start < ? AND quota_key LIKE ?")) {
        delete.setLong(1, windowStart);
        delete.setString(2, prefix + "%");
        return delete.executeUpdate();
      }
    });
  }

  /** The condition keeps the count at or under the limit however many replicas update at once. */
  private static boolean takeFromRow(java.sql.Connection c, String key, long windowStart, int limit)
      throws SQLException {
    try (PreparedStatement update = c.prepareStatement(
        "UPDATE quotas SET used = used + 1 WHERE window_start = ? AND quota_key = ? AND used < ?")) {
      update.setLong(1, windowStart);
      update.setString(2, key);
      update.setInt(3, limit);
      return update.executeUpdate() == 1;
    }
  }

  /**
   * On this process's first take in a new window, deletes the windows before the one it last took
   * in: the window just ended is kept, since a replica whose clock runs a little behind may still be
   * counting in it.
   */
  private void forgetEndedWindows(long windowStart) {
    long previous = latestWindow.get();
    if (windowStart > previous && latestWindow.compareAndSet(previous, windowStart)
        && previous != Long.MIN_VALUE) {
      forgetBefore(previous);
    }
  }
}
