-- no-transaction
-- Seams and hardening (SQLite dialect; keep in step with migrations/postgres).
-- Composite foreign keys keep a person's team, a supervisor's teams, an invitation's team and an
-- assignment's target inside one office; CHECKs bound percentages and assignment targets; indexes
-- cover foreign keys and hot filters. SQLite cannot add constraints to a table, so the affected
-- tables are rebuilt (https://www.sqlite.org/lang_altertable.html#otheralter), with foreign keys
-- off while the rows are copied; data that would violate the new keys is cleaned up first.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

-- A team id is unique anyway; the pair is the target of the composite keys below.
CREATE UNIQUE INDEX teams_id_organisation_key ON teams (id, organisation_id);

-- Users: team of the own office; activation time (start of relative due dates).
UPDATE users SET team_id = NULL
 WHERE team_id IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM teams t WHERE t.id = users.team_id AND t.organisation_id = users.organisation_id);
CREATE TABLE users_new (
    id               INTEGER PRIMARY KEY,
    organisation_id  INTEGER CONSTRAINT users_organisation_fkey REFERENCES organisations (id),
    team_id          INTEGER,
    email            TEXT NOT NULL CONSTRAINT users_email_key UNIQUE,
    display_name     TEXT NOT NULL,
    password_hash    TEXT,
    active           INTEGER NOT NULL DEFAULT 1,
    password_changed_at TEXT,
    activated_at     TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    CONSTRAINT users_id_organisation_key UNIQUE (id, organisation_id),
    CONSTRAINT users_team_fkey FOREIGN KEY (team_id, organisation_id) REFERENCES teams (id, organisation_id)
);
INSERT INTO users_new (id, organisation_id, team_id, email, display_name, password_hash, active,
                       password_changed_at, activated_at, created_at, updated_at)
SELECT id, organisation_id, team_id, email, display_name, password_hash, active, password_changed_at,
       CASE WHEN password_hash IS NOT NULL THEN COALESCE(password_changed_at, created_at) END,
       created_at, updated_at
  FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;
CREATE INDEX users_organisation_idx ON users (organisation_id);
CREATE INDEX users_team_idx ON users (team_id);

-- Supervisor team limits: the team belongs to the supervisor's office.
CREATE TABLE supervisor_teams_new (
    user_id          INTEGER NOT NULL,
    organisation_id  INTEGER NOT NULL,
    team_id          INTEGER NOT NULL,
    PRIMARY KEY (user_id, team_id),
    CONSTRAINT supervisor_teams_user_fkey FOREIGN KEY (user_id, organisation_id)
        REFERENCES users (id, organisation_id) ON DELETE CASCADE,
    CONSTRAINT supervisor_teams_team_fkey FOREIGN KEY (team_id, organisation_id)
        REFERENCES teams (id, organisation_id) ON DELETE CASCADE
);
INSERT INTO supervisor_teams_new (user_id, organisation_id, team_id)
SELECT st.user_id, u.organisation_id, st.team_id
  FROM supervisor_teams st JOIN users u ON u.id = st.user_id JOIN teams t ON t.id = st.team_id
 WHERE t.organisation_id = u.organisation_id;
DROP TABLE supervisor_teams;
ALTER TABLE supervisor_teams_new RENAME TO supervisor_teams;
CREATE INDEX supervisor_teams_team_idx ON supervisor_teams (team_id);

-- Invitations: team of the inviting office; revocation (by hand or by a newer link).
UPDATE invitations SET team_id = NULL
 WHERE team_id IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM teams t WHERE t.id = invitations.team_id AND t.organisation_id = invitations.organisation_id);
CREATE TABLE invitations_new (
    id               INTEGER PRIMARY KEY,
    email            TEXT NOT NULL,
    display_name     TEXT NOT NULL,
    organisation_id  INTEGER NOT NULL CONSTRAINT invitations_organisation_fkey
                         REFERENCES organisations (id) ON DELETE CASCADE,
    team_id          INTEGER,
    roles            TEXT NOT NULL,
    token_hash       TEXT NOT NULL CONSTRAINT invitations_token_hash_key UNIQUE,
    invited_by       INTEGER CONSTRAINT invitations_invited_by_fkey REFERENCES users (id) ON DELETE SET NULL,
    expires_at       TEXT NOT NULL,
    used_at          TEXT,
    revoked_at       TEXT,
    created_at       TEXT NOT NULL,
    CONSTRAINT invitations_team_fkey FOREIGN KEY (team_id, organisation_id) REFERENCES teams (id, organisation_id)
);
INSERT INTO invitations_new (id, email, display_name, organisation_id, team_id, roles, token_hash,
                             invited_by, expires_at, used_at, created_at)
SELECT id, email, display_name, organisation_id, team_id, roles, token_hash, invited_by, expires_at,
       used_at, created_at
  FROM invitations;
DROP TABLE invitations;
ALTER TABLE invitations_new RENAME TO invitations;
CREATE INDEX invitations_email_idx ON invitations (email);
CREATE INDEX invitations_organisation_idx ON invitations (organisation_id);
CREATE INDEX invitations_team_idx ON invitations (team_id);
CREATE INDEX invitations_invited_by_idx ON invitations (invited_by);

-- Assignments: exactly one target shape (a person, a team, or the whole office with neither),
-- each inside the assignment's office.
DELETE FROM assignments WHERE team_id IS NOT NULL AND user_id IS NOT NULL;
DELETE FROM assignments
 WHERE (team_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM teams t WHERE t.id = assignments.team_id
                                            AND t.organisation_id = assignments.organisation_id))
    OR (user_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = assignments.user_id
                                            AND u.organisation_id = assignments.organisation_id));
CREATE TABLE assignments_new (
    id               INTEGER PRIMARY KEY,
    track_id         INTEGER NOT NULL CONSTRAINT assignments_track_fkey REFERENCES tracks (id),
    organisation_id  INTEGER NOT NULL CONSTRAINT assignments_organisation_fkey
                         REFERENCES organisations (id) ON DELETE CASCADE,
    team_id          INTEGER,
    user_id          INTEGER,
    due_on           TEXT NOT NULL,
    assigned_by      INTEGER CONSTRAINT assignments_assigned_by_fkey REFERENCES users (id) ON DELETE SET NULL,
    created_at       TEXT NOT NULL,
    CONSTRAINT assignments_target_check CHECK (team_id IS NULL OR user_id IS NULL),
    CONSTRAINT assignments_team_fkey FOREIGN KEY (team_id, organisation_id)
        REFERENCES teams (id, organisation_id) ON DELETE CASCADE,
    CONSTRAINT assignments_user_fkey FOREIGN KEY (user_id, organisation_id)
        REFERENCES users (id, organisation_id) ON DELETE CASCADE
);
INSERT INTO assignments_new SELECT id, track_id, organisation_id, team_id, user_id, due_on, assigned_by, created_at
  FROM assignments;
DROP TABLE assignments;
ALTER TABLE assignments_new RENAME TO assignments;
CREATE INDEX assignments_organisation_idx ON assignments (organisation_id);
CREATE INDEX assignments_track_idx ON assignments (track_id);
CREATE INDEX assignments_team_idx ON assignments (team_id);
CREATE INDEX assignments_user_idx ON assignments (user_id);
CREATE INDEX assignments_assigned_by_idx ON assignments (assigned_by);

-- Percentages stay within 0–100.
CREATE TABLE quiz_revisions_new (
    quiz_id       INTEGER NOT NULL CONSTRAINT quiz_revisions_quiz_fkey REFERENCES quizzes (id),
    revision      INTEGER NOT NULL,
    content_hash  TEXT NOT NULL,
    title         TEXT NOT NULL,
    pass_percent  INTEGER NOT NULL CONSTRAINT quiz_revisions_pass_percent_check CHECK (pass_percent BETWEEN 0 AND 100),
    questions     TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    PRIMARY KEY (quiz_id, revision)
);
INSERT INTO quiz_revisions_new SELECT quiz_id, revision, content_hash, title, MIN(MAX(pass_percent, 0), 100),
       questions, created_at FROM quiz_revisions;
DROP TABLE quiz_revisions;
ALTER TABLE quiz_revisions_new RENAME TO quiz_revisions;

CREATE TABLE quiz_attempts_new (
    id             TEXT PRIMARY KEY,
    user_id        INTEGER NOT NULL CONSTRAINT quiz_attempts_user_fkey REFERENCES users (id) ON DELETE CASCADE,
    quiz_id        INTEGER NOT NULL CONSTRAINT quiz_attempts_quiz_fkey REFERENCES quizzes (id),
    revision       INTEGER NOT NULL,
    shuffle_seed   INTEGER NOT NULL,
    issued_at      TEXT NOT NULL,
    submitted_at   TEXT,
    score_percent  INTEGER CONSTRAINT quiz_attempts_score_percent_check CHECK (score_percent BETWEEN 0 AND 100),
    passed         INTEGER,
    answers        TEXT
);
INSERT INTO quiz_attempts_new SELECT id, user_id, quiz_id, revision, shuffle_seed, issued_at, submitted_at,
       score_percent, passed, answers FROM quiz_attempts;
DROP TABLE quiz_attempts;
ALTER TABLE quiz_attempts_new RENAME TO quiz_attempts;
CREATE INDEX quiz_attempts_user_quiz_idx ON quiz_attempts (user_id, quiz_id);
CREATE INDEX quiz_attempts_quiz_idx ON quiz_attempts (quiz_id);

-- Hot filters and foreign keys without an index so far.
CREATE INDEX progress_events_lesson_idx ON progress_events (lesson_id);
CREATE INDEX password_resets_user_idx ON password_resets (user_id);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id);

-- Sign-in failures become throttle events of any kind (sign-ins, reset requests).
ALTER TABLE login_failures RENAME TO throttle_events;
ALTER TABLE throttle_events RENAME COLUMN failed_at TO occurred_at;
DROP INDEX login_failures_key_idx;
CREATE INDEX throttle_events_key_idx ON throttle_events (key, occurred_at);

-- The outbox was never written; it gets its final shape (claims with a lease, statuses).
DROP TABLE email_outbox;
CREATE TABLE email_outbox (
    id               INTEGER PRIMARY KEY,
    dedupe_key       TEXT NOT NULL CONSTRAINT email_outbox_dedupe_key UNIQUE,
    category         TEXT NOT NULL,
    user_id          INTEGER CONSTRAINT email_outbox_user_fkey REFERENCES users (id) ON DELETE SET NULL,
    recipient        TEXT NOT NULL,
    subject          TEXT NOT NULL,
    body_text        TEXT NOT NULL,
    body_html        TEXT,
    unsubscribe_url  TEXT,
    status           TEXT NOT NULL CONSTRAINT email_outbox_status_check
                         CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'cancelled')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    created_at       TEXT NOT NULL,
    send_after       TEXT NOT NULL,
    lease_until      TEXT,
    sent_at          TEXT,
    last_error       TEXT
);
CREATE INDEX email_outbox_due_idx ON email_outbox (status, send_after);
CREATE INDEX email_outbox_user_idx ON email_outbox (user_id);

-- The content generation: every import or publish that changes content increments it, and
-- every instance keys its caches on it.
CREATE TABLE content_state (
    id          INTEGER PRIMARY KEY CONSTRAINT content_state_single_row_check CHECK (id = 1),
    generation  INTEGER NOT NULL
);
INSERT INTO content_state (id, generation) VALUES (1, 1);

-- Secrets shared by all instances (e.g. the key that signs error details in redirect URLs),
-- created on first use.
CREATE TABLE app_secrets (
    name        TEXT PRIMARY KEY,
    value       TEXT NOT NULL,
    created_at  TEXT NOT NULL
);

COMMIT;
PRAGMA foreign_keys = ON;
