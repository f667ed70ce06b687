-- Failed sign-ins for throttling, per account (hashed email) and per client address.
-- Shared through the database so several Lotse instances throttle together.
CREATE TABLE login_failures (
    id         INTEGER PRIMARY KEY,
    key        TEXT NOT NULL,
    failed_at  TEXT NOT NULL
);
CREATE INDEX login_failures_key_idx ON login_failures (key, failed_at);
