-- Trainers' sign-in sessions, in the database so that every replica honours a sign-in. Only the
-- SHA-256 (hex) of the session cookie is stored, never the cookie: a copy of this table signs no one
-- in. A session ends at sign-out or once `expires` has passed; each use moves `expires` on.
CREATE TABLE trainer_sessions (
  hash VARCHAR(64) PRIMARY KEY,
  trainer VARCHAR(64) NOT NULL,
  created TIMESTAMP WITH TIME ZONE NOT NULL,
  expires TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Expired sessions are deleted by age.
CREATE INDEX trainer_sessions_expires ON trainer_sessions(expires);
