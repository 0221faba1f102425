-- The recent turns of practitioners' conversations, when replicas share this database, so a
-- follow-up question or a rating reaching any replica finds the question before it. Questions are
-- stored masked, as everywhere; a conversation's rows are deleted 30 minutes after its last question
-- (every few minutes) and the table is compacted with the daily purge. `at`: epoch milliseconds.
CREATE TABLE conversation_turns (
  conversation_id VARCHAR(36) NOT NULL,
  seq INT NOT NULL,
  answer_id VARCHAR(64) NOT NULL,
  question VARCHAR(4000) NOT NULL,
  query VARCHAR(8000) NOT NULL,
  grounded BOOLEAN NOT NULL,
  at BIGINT NOT NULL,
  PRIMARY KEY (conversation_id, seq)
);

CREATE INDEX conversation_turns_at ON conversation_turns(at);
