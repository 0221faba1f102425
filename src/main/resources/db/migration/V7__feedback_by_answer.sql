-- One rating per answer: a practitioner who changes their mind replaces their earlier rating of the same
-- answer (LearningStore.rated deletes it first), so the poorly rated list counts answers, not clicks.
CREATE INDEX IF NOT EXISTS feedback_answer ON feedback(answer_id);
