-- Leases: which replica does a job that only one may do at a time (rebuilding the shared search
-- collection). A lease is held until `expires` (epoch milliseconds), which its holder moves on while
-- it works; a replica that dies mid-job lets it lapse and another takes the job over.
CREATE TABLE leases (
  name VARCHAR(100) PRIMARY KEY,
  holder VARCHAR(200) NOT NULL,
  expires BIGINT NOT NULL
);
