-- Seams and hardening (PostgreSQL dialect; keep in step with migrations/sqlite).
-- Composite foreign keys keep a person's team, a supervisor's teams, an invitation's team and an
-- assignment's target inside one office; CHECKs bound percentages and assignment targets; indexes
-- cover foreign keys and hot filters. Data that would violate the new keys is cleaned up first.

ALTER TABLE teams ADD CONSTRAINT teams_id_organisation_key UNIQUE (id, organisation_id);

-- Users: team of the own office; activation time (start of relative due dates).
UPDATE users SET team_id = NULL
 WHERE team_id IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM teams t WHERE t.id = users.team_id AND t.organisation_id = users.organisation_id);
ALTER TABLE users ADD COLUMN activated_at TIMESTAMPTZ;
UPDATE users SET activated_at = COALESCE(password_changed_at, created_at) WHERE password_hash IS NOT NULL;
ALTER TABLE users DROP CONSTRAINT users_team_id_fkey;
ALTER TABLE users ADD CONSTRAINT users_id_organisation_key UNIQUE (id, organisation_id);
ALTER TABLE users ADD CONSTRAINT users_team_fkey
    FOREIGN KEY (team_id, organisation_id) REFERENCES teams (id, organisation_id);
CREATE INDEX users_team_idx ON users (team_id);

-- Supervisor team limits: the team belongs to the supervisor's office.
ALTER TABLE supervisor_teams ADD COLUMN organisation_id BIGINT;
UPDATE supervisor_teams st SET organisation_id = u.organisation_id FROM users u WHERE u.id = st.user_id;
DELETE FROM supervisor_teams st
 WHERE st.organisation_id IS NULL
    OR NOT EXISTS (SELECT 1 FROM teams t WHERE t.id = st.team_id AND t.organisation_id = st.organisation_id);
ALTER TABLE supervisor_teams ALTER COLUMN organisation_id SET NOT NULL;
ALTER TABLE supervisor_teams DROP CONSTRAINT supervisor_teams_user_id_fkey;
ALTER TABLE supervisor_teams DROP CONSTRAINT supervisor_teams_team_id_fkey;
ALTER TABLE supervisor_teams ADD CONSTRAINT supervisor_teams_user_fkey
    FOREIGN KEY (user_id, organisation_id) REFERENCES users (id, organisation_id) ON DELETE CASCADE;
ALTER TABLE supervisor_teams ADD CONSTRAINT supervisor_teams_team_fkey
    FOREIGN KEY (team_id, organisation_id) REFERENCES teams (id, organisation_id) ON DELETE CASCADE;
CREATE INDEX supervisor_teams_team_idx ON supervisor_teams (team_id);

-- Invitations: team of the inviting office; revocation (by hand or by a newer link).
UPDATE invitations SET team_id = NULL
 WHERE team_id IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM teams t WHERE t.id = invitations.team_id AND t.organisation_id = invitations.organisation_id);
ALTER TABLE invitations ADD COLUMN revoked_at TIMESTAMPTZ;
ALTER TABLE invitations DROP CONSTRAINT invitations_team_id_fkey;
ALTER TABLE invitations ADD CONSTRAINT invitations_team_fkey
    FOREIGN KEY (team_id, organisation_id) REFERENCES teams (id, organisation_id);
CREATE INDEX invitations_email_idx ON invitations (email);
CREATE INDEX invitations_organisation_idx ON invitations (organisation_id);
CREATE INDEX invitations_team_idx ON invitations (team_id);
CREATE INDEX invitations_invited_by_idx ON invitations (invited_by);

-- Assignments: exactly one target shape (a person, a team, or the whole office with neither),
-- each inside the assignment's office.
DELETE FROM assignments WHERE team_id IS NOT NULL AND user_id IS NOT NULL;
DELETE FROM assignments a
 WHERE (a.team_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM teams t WHERE t.id = a.team_id
                                              AND t.organisation_id = a.organisation_id))
    OR (a.user_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = a.user_id
                                              AND u.organisation_id = a.organisation_id));
ALTER TABLE assignments DROP CONSTRAINT assignments_team_id_fkey;
ALTER TABLE assignments DROP CONSTRAINT assignments_user_id_fkey;
ALTER TABLE assignments ADD CONSTRAINT assignments_target_check CHECK (team_id IS NULL OR user_id IS NULL);
ALTER TABLE assignments ADD CONSTRAINT assignments_team_fkey
    FOREIGN KEY (team_id, organisation_id) REFERENCES teams (id, organisation_id) ON DELETE CASCADE;
ALTER TABLE assignments ADD CONSTRAINT assignments_user_fkey
    FOREIGN KEY (user_id, organisation_id) REFERENCES users (id, organisation_id) ON DELETE CASCADE;
CREATE INDEX assignments_track_idx ON assignments (track_id);
CREATE INDEX assignments_team_idx ON assignments (team_id);
CREATE INDEX assignments_user_idx ON assignments (user_id);
CREATE INDEX assignments_assigned_by_idx ON assignments (assigned_by);

-- Percentages stay within 0–100.
UPDATE quiz_revisions SET pass_percent = LEAST(GREATEST(pass_percent, 0), 100);
ALTER TABLE quiz_revisions ADD CONSTRAINT quiz_revisions_pass_percent_check CHECK (pass_percent BETWEEN 0 AND 100);
ALTER TABLE quiz_attempts ADD CONSTRAINT quiz_attempts_score_percent_check CHECK (score_percent BETWEEN 0 AND 100);
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
ALTER TABLE throttle_events RENAME CONSTRAINT login_failures_pkey TO throttle_events_pkey;

-- The outbox was never written; it gets its final shape (claims with a lease, statuses).
DROP TABLE email_outbox;
CREATE TABLE email_outbox (
    id               BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    dedupe_key       TEXT NOT NULL CONSTRAINT email_outbox_dedupe_key UNIQUE,
    category         TEXT NOT NULL,
    user_id          BIGINT REFERENCES users (id) ON DELETE SET NULL,
    recipient        TEXT NOT NULL,
    subject          TEXT NOT NULL,
    body_text        TEXT NOT NULL,
    body_html        TEXT,
    unsubscribe_url  TEXT,
    status           TEXT NOT NULL CONSTRAINT email_outbox_status_check
                         CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'cancelled')),
    attempts         BIGINT NOT NULL DEFAULT 0,
    created_at       TIMESTAMPTZ NOT NULL,
    send_after       TIMESTAMPTZ NOT NULL,
    lease_until      TIMESTAMPTZ,
    sent_at          TIMESTAMPTZ,
    last_error       TEXT
);
CREATE INDEX email_outbox_due_idx ON email_outbox (status, send_after);
CREATE INDEX email_outbox_user_idx ON email_outbox (user_id);

-- The content generation: every import or publish that changes content increments it, and
-- every instance keys its caches on it.
CREATE TABLE content_state (
    id          BIGINT PRIMARY KEY CONSTRAINT content_state_single_row_check CHECK (id = 1),
    generation  BIGINT NOT NULL
);
INSERT INTO content_state (id, generation) VALUES (1, 1);

-- Secrets shared by all instances (e.g. the key that signs error details in redirect URLs),
-- created on first use.
CREATE TABLE app_secrets (
    name        TEXT PRIMARY KEY,
    value       TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
