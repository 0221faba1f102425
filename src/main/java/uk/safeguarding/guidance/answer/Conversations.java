package uk.safeguarding.guidance.answer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Server-side conversation memory, bounded three ways: at most {@code maxConversations} kept
 * (least recently used dropped), at most {@code maxTurns} turns each, and none kept longer than
 * {@code ttl} after its last use. Questions are stored masked. Thread-safe; the lock guards only
 * this small table, never a search.
 */
public final class Conversations {

  /** One question and the search text it was answered from. */
  public record Turn(String answerId, String question, String query, boolean grounded, Instant at) {}

  private static final class Conversation {
    final Deque<Turn> turns = new ArrayDeque<>();
    Instant lastUsed;
  }

  private final int maxConversations;
  private final int maxTurns;
  private final Duration ttl;
  private final Clock clock;
  private final LinkedHashMap<String, Conversation> table = new LinkedHashMap<>(16, 0.75f, true);

  public Conversations(int maxConversations, int maxTurns, Duration ttl, Clock clock) {
    if (maxConversations < 1 || maxTurns < 1 || ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("Conversation limits must be positive.");
    }
    this.maxConversations = maxConversations;
    this.maxTurns = maxTurns;
    this.ttl = ttl;
    this.clock = clock;
  }

  public static Conversations standard() {
    return new Conversations(5_000, 8, Duration.ofMinutes(30), Clock.systemUTC());
  }

  /** The turns of a live conversation, oldest first; empty for an unknown or expired id. */
  public synchronized List<Turn> turns(String id) {
    expire();
    Conversation c = id == null ? null : table.get(id);
    return c == null ? List.of() : List.copyOf(c.turns);
  }

  /** Adds a turn, starting a new conversation when {@code id} is unknown; returns the id used. */
  public synchronized String add(String id, Turn turn) {
    expire();
    String key = id != null && table.containsKey(id) ? id : UUID.randomUUID().toString();
    Conversation c = table.computeIfAbsent(key, k -> new Conversation());
    c.turns.addLast(turn);
    while (c.turns.size() > maxTurns) {
      c.turns.removeFirst();
    }
    c.lastUsed = clock.instant();
    while (table.size() > maxConversations) {
      Iterator<Map.Entry<String, Conversation>> it = table.entrySet().iterator();
      it.next();
      it.remove();
    }
    return key;
  }

  /** The turn that produced an answer, if its conversation is still kept. */
  public synchronized Optional<Turn> answer(String conversationId, String answerId) {
    return turns(conversationId).stream().filter(t -> t.answerId().equals(answerId)).findFirst();
  }

  public synchronized int size() {
    expire();
    return table.size();
  }

  private void expire() {
    Instant cutoff = clock.instant().minus(ttl);
    table.values().removeIf(c -> c.lastUsed.isBefore(cutoff));
  }
}
