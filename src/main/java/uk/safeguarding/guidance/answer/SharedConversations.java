package uk.safeguarding.guidance.answer;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import uk.safeguarding.guidance.store.Database;

/**
 * Conversations in the database the replicas share (table {@code conversation_turns}), so a
 * follow-up or a rating that the load balancer sends to another replica finds the turn before it:
 * no replica keeps what a request needs in its memory alone. The last {@code maxTurns} turns of a
 * conversation are kept, until {@code ttl} after its last question; {@link #forgetExpired} deletes
 * the rest. Questions arrive masked. Thread-safe (the database serialises writers).
 */
public final class SharedConversations implements Conversations {

  /** Columns longer than the table allows are cut (a question is at most 1,000 characters anyway). */
  static final int MAX_QUESTION = 4000;
  static final int MAX_QUERY = 8000;

  private final Database database;
  private final Clock clock;
  private final int maxTurns;
  private final Duration ttl;

  public SharedConversations(Database database, Clock clock, int maxTurns, Duration ttl) {
    if (maxTurns < 1 || ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("Conversation limits must be positive.");
    }
    this.database = database;
    this.clock = clock;
    this.maxTurns = maxTurns;
    this.ttl = ttl;
  }

  @Override
  public List<Turn> turns(String id) {
    if (id == null || id.length() > 36) {
      return List.of();
    }
    List<Turn> newestFirst = database.use(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT answer_id, question, query, grounded, at "
          + "FROM conversation_turns WHERE conversation_id = ? ORDER BY seq DESC")) {
        s.setString(1, id);
        s.setMaxRows(maxTurns);
        List<Turn> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            out.add(new Turn(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                Instant.ofEpochMilli(rs.getLong(5))));
          }
        }
        return out;
      }
    });
    // Forgotten ttl after the last question, as in memory (rows not yet deleted are ignored).
    if (newestFirst.isEmpty() || newestFirst.get(0).at().isBefore(clock.instant().minus(ttl))) {
      return List.of();
    }
    Collections.reverse(newestFirst);
    return newestFirst;
  }

  @Override
  public String add(String id, Turn turn) {
    String key = id != null && !turns(id).isEmpty() ? id : UUID.randomUUID().toString();
    database.use(c -> {
      int seq;
      try (PreparedStatement s = c.prepareStatement(
          "SELECT COALESCE(MAX(seq), 0) FROM conversation_turns WHERE conversation_id = ?")) {
        s.setString(1, key);
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          seq = rs.getInt(1) + 1;
        }
      }
      try (PreparedStatement s = c.prepareStatement("INSERT INTO conversation_turns "
          + "(conversation_id, seq, answer_id, question, query, grounded, at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        s.setString(1, key);
        s.setInt(2, seq);
        s.setString(3, turn.answerId());
        s.setString(4, cut(turn.question(), MAX_QUESTION));
        s.setString(5, cut(turn.query(), MAX_QUERY));
        s.setBoolean(6, turn.grounded());
        s.setLong(7, clock.millis());
        s.executeUpdate();
      }
      try (PreparedStatement s = c.prepareStatement(
          "DELETE FROM conversation_turns WHERE conversation_id = ? AND seq <= ?")) {
        s.setString(1, key);
        s.setInt(2, seq - maxTurns);
        return s.executeUpdate();
      }
    });
    return key;
  }

  /** Deletes every turn of conversations idle for longer than the time to live; returns how many rows. */
  public int forgetExpired() {
    long before = clock.millis() - ttl.toMillis();
    return database.use(c -> {
      // A conversation goes whole once its last question is older than the ttl.
      try (PreparedStatement s = c.prepareStatement("DELETE FROM conversation_turns WHERE conversation_id IN "
          + "(SELECT conversation_id FROM conversation_turns GROUP BY conversation_id HAVING MAX(at) < ?)")) {
        s.setLong(1, before);
        return s.executeUpdate();
      }
    });
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  /** The table, for compacting after deletions so forgotten questions leave the database's files. */
  public static final String TABLE = "conversation_turns";
}
