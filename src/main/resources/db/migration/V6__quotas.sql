-- Quotas: how often a key has drawn on an allowance in the current window, when replicas share this
-- database, so limits count across all of them (store/Quotas): the API's requests per client per
-- minute (keys "api:…") and failed sign-ins per address and name per 15 minutes ("signin:…").
-- `quota_key`: the scope and a SHA-256 of the client's key, never an address or name itself;
-- `window_start`: epoch milliseconds. Rows of windows that have ended are deleted soon after.
CREATE TABLE quotas (
  window_start BIGINT NOT NULL,
  quota_key VARCHAR(100) NOT NULL,
  used INT NOT NULL,
  PRIMARY KEY (window_start, quota_key)
);
