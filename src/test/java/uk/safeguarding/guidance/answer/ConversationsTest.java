package uk.safeguarding.guidance.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import uk.safeguarding.guidance.TestClock;

class ConversationsTest {

  private static Conversations.Turn turn(String q) {
    return new Conversations.Turn("a-" + q, q, q, true, Instant.EPOCH);
  }

  @Test
  void turns_are_kept_in_order_and_bounded() {
    MemoryConversations c =
        new MemoryConversations(10, 3, Duration.ofMinutes(30), new TestClock(Instant.parse("2026-01-01T00:00:00Z")));
    String id = c.add(null, turn("1"));
    for (int i = 2; i <= 5; i++) {
      assertEquals(id, c.add(id, turn(Integer.toString(i))));
    }
    assertEquals(java.util.List.of("3", "4", "5"), c.turns(id).stream().map(Conversations.Turn::question).toList());
  }

  @Test
  void conversations_expire_after_their_time_to_live() {
    TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    MemoryConversations c = new MemoryConversations(10, 3, Duration.ofMinutes(30), clock);
    String id = c.add(null, turn("1"));
    clock.set(clock.instant().plus(Duration.ofMinutes(29)));
    assertEquals(1, c.turns(id).size());
    clock.set(clock.instant().plus(Duration.ofMinutes(31)));
    assertEquals(0, c.turns(id).size());
    assertNotEquals(id, c.add(id, turn("2")), "an expired id starts a new conversation");
  }

  @Test
  void the_least_recently_used_conversation_is_dropped_beyond_the_limit() {
    MemoryConversations c =
        new MemoryConversations(2, 3, Duration.ofMinutes(30), new TestClock(Instant.parse("2026-01-01T00:00:00Z")));
    String a = c.add(null, turn("a"));
    String b = c.add(null, turn("b"));
    c.turns(a); // touch a, so b is the least recently used
    c.add(null, turn("c"));
    assertEquals(2, c.size());
    assertEquals(1, c.turns(a).size());
    assertEquals(0, c.turns(b).size());
  }

  @Test
  void unknown_ids_start_new_conversations() {
    MemoryConversations c =
        new MemoryConversations(10, 3, Duration.ofMinutes(30), new TestClock(Instant.parse("2026-01-01T00:00:00Z")));
    String id = c.add("made-up-by-the-client", turn("1"));
    assertNotEquals("made-up-by-the-client", id);
  }
}
