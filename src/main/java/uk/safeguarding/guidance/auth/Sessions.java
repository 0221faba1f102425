package uk.safeguarding.guidance.auth;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Pattern;
import uk.safeguarding.guidance.store.Database;

/**
 * Signed-in trainers, kept in the store's database so that every replica sharing it honours a
 * sign-in, and a restart keeps it. A session id (the cookie) is 32 random bytes of which only the
 * SHA-256 is stored; its CSRF token is derived from the id the same way on every replica, so it is
 * not stored at all. A session ends at sign-out or after {@link #IDLE} without use. Thread-safe.
 */
public final class Sessions {

  public static final Duration IDLE = Duration.ofHours(8);
  /**
   * How far a session's expiry may lag behind its last use: a request within this of the last
   * renewal writes nothing, so a busy trainer's page costs a read per request, not a write.
   */
  static final Duration RENEW_AFTER = Duration.ofMinutes(1);
  /** What {@link Passwords#randomToken}(32) makes; anything else cannot be a session. */
  private static final Pattern ID = Pattern.compile("[0-9a-f]{64}");

  /** A live session: the id (the cookie's value), its trainer, CSRF token and current expiry. */
  public record Session(String id, String trainer, String csrf, Instant expires) {}

  private final Database db;
  private final Clock clock;

  public Sessions(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** A new session for {@code trainer}; sessions expired by now are deleted on the way. */
  public Session create(String trainer) {
    Instant now = clock.instant();
    String id = Passwords.randomToken(32);
    Instant expires = now.plus(IDLE);
    db.use(c -> {
      try (PreparedStatement s = c.prepareStatement("DELETE FROM trainer_sessions WHERE expires <= ?")) {
        s.setObject(1, utc(now));
        s.executeUpdate();
      }
      try (PreparedStatement s = c.prepareStatement(
          "INSERT INTO trainer_sessions(hash, trainer, created, expires) VALUES (?,?,?,?)")) {
        s.setString(1, Passwords.sha256(id));
        s.setString(2, trainer);
        s.setObject(3, utc(now));
        s.setObject(4, utc(expires));
        return s.executeUpdate();
      }
    });
    return new Session(id, trainer, csrf(id), expires);
  }

  /** The live session with this id, its idle timer restarted. */
  public Optional<Session> find(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      return Optional.empty(); // a malformed cookie costs no query
    }
    Instant now = clock.instant();
    String hash = Passwords.sha256(id);
    return db.use(c -> {
      String trainer;
      Instant expires;
      try (PreparedStatement s = c.prepareStatement(
          "SELECT trainer, expires FROM trainer_sessions WHERE hash = ? AND expires > ?")) {
        s.setString(1, hash);
        s.setObject(2, utc(now));
        try (ResultSet rs = s.executeQuery()) {
          if (!rs.next()) {
            return Optional.<Session>empty();
          }
          trainer = rs.getString(1);
          expires = rs.getObject(2, OffsetDateTime.class).toInstant();
        }
      }
      Instant renewed = now.plus(IDLE);
      if (expires.isBefore(renewed.minus(RENEW_AFTER))) {
        // Only ever later: another replica renewing the same session at once cannot move it back.
        try (PreparedStatement s = c.prepareStatement(
            "UPDATE trainer_sessions SET expires = ? WHERE hash = ? AND expires < ?")) {
          s.setObject(1, utc(renewed));
          s.setString(2, hash);
          s.setObject(3, utc(renewed));
          s.executeUpdate();
        }
        expires = renewed;
      }
      return Optional.of(new Session(id, trainer, csrf(id), expires));
    });
  }

  /** Ends the session with this id, on every replica. */
  public void end(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      return;
    }
    db.use(c -> {
      try (PreparedStatement s = c.prepareStatement("DELETE FROM trainer_sessions WHERE hash = ?")) {
        s.setString(1, Passwords.sha256(id));
        return s.executeUpdate();
      }
    });
  }

  /** Ends every session of {@code trainer}: after a password change, the old sign-ins stop working. */
  public int endAll(String trainer) {
    return db.use(c -> {
      try (PreparedStatement s = c.prepareStatement("DELETE FROM trainer_sessions WHERE trainer = ?")) {
        s.setString(1, trainer);
        return s.executeUpdate();
      }
    });
  }

  /**
   * The CSRF token of session {@code id}: a hash of it under another label, so every replica
   * computes the same token, and neither it nor the stored hash leads back to the id.
   */
  static String csrf(String id) {
    return Passwords.sha256("csrf:" + id);
  }

  private static OffsetDateTime utc(Instant t) {
    return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
  }
}
