-- Quotas: how many requests each client has made in the current one-minute window, when replicas
-- share this database, so the API's per-client rate limit counts across all of them (store/Quotas).
-- `quota_key`: a SHA-256 of the client's key, never the address itself; `window_start`: epoch
-- milliseconds. Rows of windows that have ended are deleted within a minute or two.
CREATE TABLE quotas (
  window_start BIGINT NOT NULL,
  quota_key VARCHAR(100) NOT NULL,
  used INT NOT NULL,
  PRIMARY KEY (window_start, quota_key)
);
