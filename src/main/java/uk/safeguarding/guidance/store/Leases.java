package uk.safeguarding.guidance.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

/**
 * Named leases in the shared database: at most one holder at a time, each lease lapsing at its
 * expiry unless its holder renews it. A replica that dies mid-job simply stops renewing, and another
 * takes the job over once the lease has lapsed. Relies on the replicas' clocks agreeing to well
 * within a lease's length (NTP). Works the same on H2 (one replica) and PostgreSQL. Thread-safe.
 */
public final class Leases {

  private final Database database;
  private final Clock clock;

  public Leases(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /**
   * Takes (or renews) lease {@code name} for {@code holder} until {@code length} from now; false
   * when someone else holds it and it has not lapsed.
   */
  public boolean tryAcquire(String name, String holder, Duration length) {
    long now = clock.millis();
    long until = now + length.toMillis();
    return database.use(c -> {
      try (PreparedStatement update = c.prepareStatement(
          "UPDATE leases SET holder = ?, expires = ? WHERE name = ? AND (holder = ? OR expires < ?)")) {
        update.setString(1, holder);
        update.setLong(2, until);
        update.setString(3, name);
        update.setString(4, holder);
        update.setLong(5, now);
        if (update.executeUpdate() == 1) {
          return true;
        }
      }
      try (PreparedStatement insert =
          c.prepareStatement("INSERT INTO leases (name, holder, expires) VALUES (?, ?, ?)")) {
        insert.setString(1, name);
        insert.setString(2, holder);
        insert.setLong(3, until);
        return insert.executeUpdate() == 1;
      } catch (SQLException e) {
        if (isDuplicateKey(e)) {
          return false; // held by another replica, which got there first
        }
        throw e;
      }
    });
  }

  /** Gives lease {@code name} up, if {@code holder} has it. */
  public void release(String name, String holder) {
    database.use(c -> {
      try (PreparedStatement delete = c.prepareStatement("DELETE FROM leases WHERE name = ? AND holder = ?")) {
        delete.setString(1, name);
        delete.setString(2, holder);
        return delete.executeUpdate();
      }
    });
  }

  /** SQLSTATE 23505 (unique violation) on both H2 and PostgreSQL. */
  private static boolean isDuplicateKey(SQLException e) {
    return "23505".equals(e.getSQLState());
  }
}
