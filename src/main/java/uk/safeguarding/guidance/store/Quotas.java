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
 * take each process makes in a new window. Works the same on H2 and PostgreSQL. Thread-safe.
 */
public final class Quotas {

  /** The widest key the table holds; callers pass a hash, so no address or name is stored. */
  public static final int MAX_KEY_LENGTH = 100;

  private final Database database;
  /** The newest window this process has taken in; rows from before the one before it are deleted. */
  private final AtomicLong latestWindow = new AtomicLong(Long.MIN_VALUE);

  public Quotas(Database database) {
    this.database = database;
  }

  /**
   * Takes one from {@code key}'s allowance in the window starting at {@code windowStart} (epoch
   * milliseconds): true when fewer than {@code limit} were taken before, false (taking nothing) when
   * the allowance is used up.
   */
  public boolean tryTake(String key, long windowStart, int limit) {
    if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException("The parameter 'key' must be 1 to " + MAX_KEY_LENGTH + " characters, got "
          + (key == null ? "null" : key.length() + " characters") + ".");
    }
    if (limit < 1) {
      throw new IllegalArgumentException("The parameter 'limit' must be at least 1, got " + limit + ".");
    }
    forgetEndedWindows(windowStart);
    return database.use(c -> {
      if (takeFromRow(c, key, windowStart, limit)) {
        return true;
      }
      try (PreparedStatement insert =
          c.prepareStatement("INSERT INTO quotas (window_start, quota_key, used) VALUES (?, ?, 1)")) {
        insert.setLong(1, windowStart);
        insert.setString(2, key);
        return insert.executeUpdate() == 1;
      } catch (SQLException e) {
        if (!"23505".equals(e.getSQLState())) { // unique violation, on both H2 and PostgreSQL
          throw e;
        }
        // The row exists: either used up, or another replica made it a moment ago.
        return takeFromRow(c, key, windowStart, limit);
      }
    });
  }

  /** Deletes the rows of windows before {@code windowStart}; returns how many. */
  public int forgetBefore(long windowStart) {
    return database.use(c -> {
      try (PreparedStatement delete = c.prepareStatement("DELETE FROM quotas WHERE window_start < ?")) {
        delete.setLong(1, windowStart);
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
