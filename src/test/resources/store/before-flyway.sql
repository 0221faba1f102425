-- The schema as the last build before Flyway made it (learning/Database.java's SCHEMA, H2 syntax), with a row in each table.
CREATE TABLE IF NOT EXISTS feedback (id BIGINT AUTO_INCREMENT PRIMARY KEY, at TIMESTAMP WITH TIME ZONE NOT NULL, answer_id VARCHAR(64) NOT NULL, question VARCHAR(2000) NOT NULL, normalized VARCHAR(2000) NOT NULL, grounded BOOLEAN NOT NULL, rating VARCHAR(4) NOT NULL, reason VARCHAR(1000) NOT NULL);
CREATE TABLE IF NOT EXISTS unanswered (id BIGINT AUTO_INCREMENT PRIMARY KEY, at TIMESTAMP WITH TIME ZONE NOT NULL, question VARCHAR(2000) NOT NULL, normalized VARCHAR(2000) NOT NULL);
CREATE TABLE IF NOT EXISTS audit (id BIGINT AUTO_INCREMENT PRIMARY KEY, at TIMESTAMP WITH TIME ZONE NOT NULL, actor VARCHAR(100) NOT NULL, action VARCHAR(40) NOT NULL, target VARCHAR(200) NOT NULL, detail VARCHAR(2000) NOT NULL);
CREATE TABLE IF NOT EXISTS trainers (name VARCHAR(64) PRIMARY KEY, salt VARBINARY(64) NOT NULL, hash VARBINARY(64) NOT NULL, iterations INT NOT NULL, created TIMESTAMP WITH TIME ZONE NOT NULL);
CREATE TABLE IF NOT EXISTS api_tokens (hash VARCHAR(64) PRIMARY KEY, name VARCHAR(100) NOT NULL, trainer VARCHAR(64) NOT NULL, created TIMESTAMP WITH TIME ZONE NOT NULL, revoked TIMESTAMP WITH TIME ZONE);
ALTER TABLE unanswered ADD COLUMN IF NOT EXISTS urgent_reason VARCHAR(1000) DEFAULT '' NOT NULL;
CREATE INDEX IF NOT EXISTS feedback_at ON feedback(at);
CREATE INDEX IF NOT EXISTS unanswered_at ON unanswered(at);
INSERT INTO feedback(at, answer_id, question, normalized, grounded, rating, reason) VALUES (TIMESTAMP WITH TIME ZONE '2025-01-01 09:00:00+00', 'a1', 'neglect threshold', 'neglect threshold', TRUE, 'down', 'too long');
INSERT INTO unanswered(at, question, normalized, urgent_reason) VALUES (TIMESTAMP WITH TIME ZONE '2025-01-01 09:01:00+00', 'toddler alone tonight', 'alone toddler tonight', 'Safety screen score 0.97');
INSERT INTO audit(at, actor, action, target, detail) VALUES (TIMESTAMP WITH TIME ZONE '2025-01-01 09:02:00+00', 'alice', 'document.upload', 'home-visits', 'home-visits.md: uploaded');
INSERT INTO trainers(name, salt, hash, iterations, created) VALUES ('alice', X'0102', X'0304', 210000, TIMESTAMP WITH TIME ZONE '2025-01-01 09:03:00+00');
INSERT INTO api_tokens(hash, name, trainer, created) VALUES ('abcdef012345abcdef012345', 'ci', 'alice', TIMESTAMP WITH TIME ZONE '2025-01-01 09:04:00+00');
