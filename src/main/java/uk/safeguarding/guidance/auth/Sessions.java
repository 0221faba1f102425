package uk.safeguarding.guidance.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in trainers: random 32-byte session ids mapped, on the server, to the trainer and a CSRF
 * token; a session ends after {@link #IDLE} without use. Lost on restart (trainers sign in again).
 * Thread-safe.
 */
public final class Sessions {

  public static final Duration IDLE = Duration.ofHours(8);
  static final int MAX_SESSIONS = 10_000;

  /** A live session. */
  public record Session(String id, String trainer, String csrf, Instant lastSeen) {}

  private final ConcurrentHashMap<String, Session> sessions = new ConcurrentHashMap<>();
  private final Clock clock;

  public Sessions(Clock clock) {
    this.clock = clock;
  }

  public Session create(String trainer) {
    Instant now = clock.instant();
    if (sessions.size() >= MAX_SESSIONS) {
      sessions.values().removeIf(s -> expired(s, now));
    }
    Session s = new Session(Passwords.randomToken(32), trainer, Passwords.randomToken(32), now);
    sessions.put(s.id(), s);
    return s;
  }

  /** The live session with this id, its idle timer restarted. */
  public Optional<Session> find(String id) {
    if (id == null || id.isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Session s = sessions.computeIfPresent(id, (k, old) -> expired(old, now) ? null
        : new Session(old.id(), old.trainer(), old.csrf(), now));
    return Optional.ofNullable(s);
  }

  public void end(String id) {
    if (id != null) {
      sessions.remove(id);
    }
  }

  private static boolean expired(Session s, Instant now) {
    return s.lastSeen().plus(IDLE).isBefore(now);
  }
}
