-- Lotse initial schema (SQLite dialect). Keep in step with migrations/postgres.
-- Timestamps are RFC 3339 text in UTC, dates are ISO text, booleans are 0/1, JSON is text.

CREATE TABLE organisations (
    id          INTEGER PRIMARY KEY,
    slug        TEXT NOT NULL CONSTRAINT organisations_slug_key UNIQUE,
    name        TEXT NOT NULL,
    land        TEXT NOT NULL CHECK (land IN ('BW', 'RP', 'HE', 'OTHER')),
    created_at  TEXT NOT NULL
);

CREATE TABLE teams (
    id               INTEGER PRIMARY KEY,
    organisation_id  INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name             TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    CONSTRAINT teams_organisation_name_key UNIQUE (organisation_id, name)
);

CREATE TABLE users (
    id               INTEGER PRIMARY KEY,
    organisation_id  INTEGER REFERENCES organisations (id),
    team_id          INTEGER REFERENCES teams (id) ON DELETE SET NULL,
    email            TEXT NOT NULL CONSTRAINT users_email_key UNIQUE,
    display_name     TEXT NOT NULL,
    password_hash    TEXT,
    active           INTEGER NOT NULL DEFAULT 1,
    password_changed_at TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX users_organisation_idx ON users (organisation_id);

CREATE TABLE user_roles (
    user_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role     TEXT NOT NULL CHECK (role IN ('learner', 'trainer', 'supervisor', 'admin')),
    PRIMARY KEY (user_id, role)
);

-- A supervisor may be limited to some teams; no rows = the whole office.
CREATE TABLE supervisor_teams (
    user_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    team_id  INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, team_id)
);

CREATE TABLE invitations (
    id               INTEGER PRIMARY KEY,
    email            TEXT NOT NULL,
    display_name     TEXT NOT NULL,
    organisation_id  INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    team_id          INTEGER REFERENCES teams (id) ON DELETE SET NULL,
    roles            TEXT NOT NULL,
    token_hash       TEXT NOT NULL CONSTRAINT invitations_token_hash_key UNIQUE,
    invited_by       INTEGER REFERENCES users (id) ON DELETE SET NULL,
    expires_at       TEXT NOT NULL,
    used_at          TEXT,
    created_at       TEXT NOT NULL
);

CREATE TABLE password_resets (
    token_hash  TEXT PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires_at  TEXT NOT NULL,
    used_at     TEXT,
    created_at  TEXT NOT NULL
);

CREATE TABLE sessions (
    id_hash      TEXT PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    expires_at   TEXT NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    actor_id    INTEGER REFERENCES users (id) ON DELETE SET NULL,
    action      TEXT NOT NULL,
    target      TEXT NOT NULL,
    details     TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);

-- Content. Rows are keyed by slug and never deleted: removal sets archived_at.
CREATE TABLE tracks (
    id           INTEGER PRIMARY KEY,
    slug         TEXT NOT NULL CONSTRAINT tracks_slug_key UNIQUE,
    position     INTEGER NOT NULL,
    title        TEXT NOT NULL,
    summary      TEXT NOT NULL,
    intro_html   TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    archived_at  TEXT,
    updated_at   TEXT NOT NULL
);

CREATE TABLE modules (
    id            INTEGER PRIMARY KEY,
    track_id      INTEGER NOT NULL REFERENCES tracks (id),
    slug          TEXT NOT NULL,
    position      INTEGER NOT NULL,
    title         TEXT NOT NULL,
    summary       TEXT NOT NULL,
    minutes       INTEGER NOT NULL,
    legal_status  TEXT NOT NULL,
    review_by     TEXT NOT NULL,
    sources       TEXT NOT NULL,
    intro_html    TEXT NOT NULL,
    content_hash  TEXT NOT NULL,
    archived_at   TEXT,
    updated_at    TEXT NOT NULL,
    CONSTRAINT modules_track_slug_key UNIQUE (track_id, slug)
);

CREATE TABLE lessons (
    id                   INTEGER PRIMARY KEY,
    module_id            INTEGER NOT NULL REFERENCES modules (id),
    slug                 TEXT NOT NULL,
    position             INTEGER NOT NULL,
    current_revision     INTEGER NOT NULL,
    archived_at          TEXT,
    CONSTRAINT lessons_module_slug_key UNIQUE (module_id, slug)
);

CREATE TABLE lesson_revisions (
    lesson_id     INTEGER NOT NULL REFERENCES lessons (id),
    revision      INTEGER NOT NULL,
    content_hash  TEXT NOT NULL,
    title         TEXT NOT NULL,
    minutes       INTEGER NOT NULL,
    word_count    INTEGER NOT NULL,
    body_html     TEXT NOT NULL,
    toc           TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    PRIMARY KEY (lesson_id, revision)
);

CREATE TABLE quizzes (
    id                INTEGER PRIMARY KEY,
    module_id         INTEGER NOT NULL CONSTRAINT quizzes_module_key UNIQUE REFERENCES modules (id),
    current_revision  INTEGER NOT NULL,
    archived_at       TEXT
);

CREATE TABLE quiz_revisions (
    quiz_id       INTEGER NOT NULL REFERENCES quizzes (id),
    revision      INTEGER NOT NULL,
    content_hash  TEXT NOT NULL,
    title         TEXT NOT NULL,
    pass_percent  INTEGER NOT NULL,
    questions     TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    PRIMARY KEY (quiz_id, revision)
);

-- Problems found by the last import, shown on the admin page "Inhalte prüfen".
CREATE TABLE content_problems (
    id        INTEGER PRIMARY KEY,
    file      TEXT NOT NULL,
    line      INTEGER NOT NULL,
    level     TEXT NOT NULL CHECK (level IN ('error', 'warning')),
    message   TEXT NOT NULL,
    found_at  TEXT NOT NULL
);

-- Learning progress: one row per (user, lesson, kind); kind 'viewed' moves forward, 'completed' stays.
CREATE TABLE progress_events (
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    lesson_id    INTEGER NOT NULL REFERENCES lessons (id),
    kind         TEXT NOT NULL CHECK (kind IN ('viewed', 'completed')),
    revision     INTEGER NOT NULL,
    occurred_at  TEXT NOT NULL,
    PRIMARY KEY (user_id, lesson_id, kind)
);

-- An attempt is issued with the quiz form (its id travels in the form) and submitted at most once.
CREATE TABLE quiz_attempts (
    id             TEXT PRIMARY KEY,
    user_id        INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    quiz_id        INTEGER NOT NULL REFERENCES quizzes (id),
    revision       INTEGER NOT NULL,
    shuffle_seed   INTEGER NOT NULL,
    issued_at      TEXT NOT NULL,
    submitted_at   TEXT,
    score_percent  INTEGER,
    passed         INTEGER,
    answers        TEXT
);
CREATE INDEX quiz_attempts_user_quiz_idx ON quiz_attempts (user_id, quiz_id);

CREATE TABLE assignments (
    id               INTEGER PRIMARY KEY,
    track_id         INTEGER NOT NULL REFERENCES tracks (id),
    organisation_id  INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    team_id          INTEGER REFERENCES teams (id) ON DELETE CASCADE,
    user_id          INTEGER REFERENCES users (id) ON DELETE CASCADE,
    due_on           TEXT NOT NULL,
    assigned_by      INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at       TEXT NOT NULL
);
CREATE INDEX assignments_organisation_idx ON assignments (organisation_id);

CREATE TABLE email_outbox (
    id           INTEGER PRIMARY KEY,
    dedupe_key   TEXT NOT NULL CONSTRAINT email_outbox_dedupe_key UNIQUE,
    recipient    TEXT NOT NULL,
    subject      TEXT NOT NULL,
    body_text    TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    send_after   TEXT NOT NULL,
    sent_at      TEXT,
    attempts     INTEGER NOT NULL DEFAULT 0,
    last_error   TEXT
);
CREATE INDEX email_outbox_pending_idx ON email_outbox (sent_at, send_after);
