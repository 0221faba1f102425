package uk.safeguarding.guidance.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import uk.safeguarding.guidance.TestClock;
import uk.safeguarding.guidance.store.Database;
import uk.safeguarding.guidance.store.TestDatabase;

/** Conversations two replicas share through one database, on H2 and on a real PostgreSQL. */
class SharedConversationsTest {

  @TempDir
  Path data;

  static Conversations.Turn turn(String q) {
    return new Conversations.Turn("answer-" + q, q, q + " words", true, Instant.EPOCH);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void a_follow_up_on_another_replica_finds_the_turns_before_it_until_the_conversation_expires(TestDatabase product) {
    TestClock clock = new TestClock(Instant.parse("2026-11-25T09:00:00Z"));
    try (Database db = Database.open(product.fresh(data))) {
      Conversations replicaA = new SharedConversations(db, clock, 3, Duration.ofMinutes(30));
      Conversations replicaB = new SharedConversations(db, clock, 3, Duration.ofMinutes(30));
      String id = replicaA.add(null, turn("1"));
      assertEquals(36, id.length(), "a new conversation gets a UUID");
      assertEquals(id, replicaB.add(id, turn("2")), "B continues A's conversation");
      assertEquals(List.of("1", "2"), replicaA.turns(id).stream().map(Conversations.Turn::question).toList());
      assertEquals("2 words", replicaA.answer(id, "answer-2").orElseThrow().query(), "rated on A, answered on B");

      replicaA.add(id, turn("3"));
      replicaB.add(id, turn("4"));
      assertEquals(List.of("2", "3", "4"), replicaB.turns(id).stream().map(Conversations.Turn::question).toList(),
          "only the last 3 turns are kept");

      assertNotEquals(id, replicaA.add("no-such-conversation", turn("x")), "an unknown id starts a new one");
      assertEquals(List.of(), replicaA.turns("x".repeat(400)), "an id too long to be ours is unknown");

      clock.advance(Duration.ofMinutes(29));
      assertEquals(3, replicaA.turns(id).size(), "29 minutes after the last question: still there");
      clock.advance(Duration.ofMinutes(2));
      assertEquals(List.of(), replicaA.turns(id), "31 minutes: forgotten");
      assertTrue(replicaA.answer(id, "answer-4").isEmpty());
      assertEquals(4, ((SharedConversations) replicaB).forgetExpired(), "every row of both expired conversations");
      assertEquals(0, ((SharedConversations) replicaA).forgetExpired());
    }
  }
}
