package uk.safeguarding.guidance.answer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Conversation memory in this process (one replica), bounded three ways: at most {@code maxConversations} kept
 * (Caffeine's size policy drops the least recently and least often used first, so a flood of new
 * conversations does not push out the ones in use), at most {@code maxTurns} turns each, and none kept longer than
 * {@code ttl} after its last question. A Caffeine cache does the bounding, so no call scans the
 * table. Questions are stored masked. Thread-safe: a conversation's turns change in one atomic step.
 */
public final class MemoryConversations implements Conversations {

  /** Immutable: a new turn replaces the conversation, which also restarts its time to live. */
  private record Conversation(List<Turn> turns) {}

  private final int maxTurns;
  private final Cache<String, Conversation> table;

  public MemoryConversations(int maxConversations, int maxTurns, Duration ttl, Clock clock) {
    if (maxConversations < 1 || maxTurns < 1 || ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("Conversation limits must be positive.");
    }
    this.maxTurns = maxTurns;
    this.table = Caffeine.newBuilder()
        .maximumSize(maxConversations)
        .expireAfterWrite(ttl)
        // Time from the given clock, so tests can move it; upkeep on the calling thread, so limits hold at once.
        .ticker(() -> clock.millis() * 1_000_000L)
        .executor(Runnable::run)
        .build();
  }

  @Override
  public List<Turn> turns(String id) {
    Conversation c = id == null ? null : table.getIfPresent(id);
    return c == null ? List.of() : c.turns();
  }

  @Override
  public String add(String id, Turn turn) {
    String key = id != null && table.getIfPresent(id) != null ? id : UUID.randomUUID().toString();
    table.asMap().compute(key, (k, old) -> {
      List<Turn> turns = new ArrayList<>(old == null ? List.of() : old.turns());
      turns.add(turn);
      return new Conversation(List.copyOf(turns.subList(Math.max(0, turns.size() - maxTurns), turns.size())));
    });
    return key;
  }

  public int size() {
    table.cleanUp();
    return (int) table.estimatedSize();
  }
}
