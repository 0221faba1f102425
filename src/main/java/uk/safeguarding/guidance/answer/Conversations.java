package uk.safeguarding.guidance.answer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The recent turns of each conversation, so a follow-up leans on the question before it and an
 * answer can be rated: in this process ({@link MemoryConversations}, one replica) or in the database
 * replicas share ({@link SharedConversations}), so any replica answers a follow-up. Questions are
 * stored masked; a conversation is forgotten {@link #TIME_TO_LIVE} after its last question.
 */
public interface Conversations {

  /** How long a conversation is remembered after its last question: a practitioner's sitting. */
  Duration TIME_TO_LIVE = Duration.ofMinutes(30);
  /** Turns kept per conversation: only the last ones shape a follow-up. */
  int MAX_TURNS = 8;
  /** Conversations kept in one process at most: bounds memory under a flood of new ones. */
  int MAX_IN_MEMORY = 5_000;

  /** One question (masked) and the search text it was answered from. */
  record Turn(String answerId, String question, String query, boolean grounded, Instant at) {}

  /** The turns of a live conversation, oldest first; empty for an unknown or expired id. */
  List<Turn> turns(String id);

  /** Adds a turn, starting a new conversation when {@code id} is unknown; returns the id used. */
  String add(String id, Turn turn);

  /** The turn that produced an answer, if its conversation is still kept. */
  default Optional<Turn> answer(String conversationId, String answerId) {
    return turns(conversationId).stream().filter(t -> t.answerId().equals(answerId)).findFirst();
  }

  /** In this process, with the standard bounds. */
  static Conversations standard() {
    return new MemoryConversations(MAX_IN_MEMORY, MAX_TURNS, TIME_TO_LIVE, Clock.systemUTC());
  }
}
