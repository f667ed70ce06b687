-- no-transaction
-- Oversight (SQLite dialect; keep in step with migrations/postgres): assignments of a track or
-- some of its modules, mandatory or recommended, due on a fixed date or N days after the
-- person started; per-person decisions (extend, excuse, withdraw) with reasons; completion
-- records that a later content revision never takes back; the office's oversight level.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

ALTER TABLE organisations ADD COLUMN oversight_level TEXT NOT NULL DEFAULT 'standard'
    CONSTRAINT organisations_oversight_level_check CHECK (oversight_level IN ('aggregate', 'standard', 'extended'));

CREATE TABLE assignments_new (
    id               INTEGER PRIMARY KEY,
    track_id         INTEGER NOT NULL CONSTRAINT assignments_track_fkey REFERENCES tracks (id),
    organisation_id  INTEGER NOT NULL CONSTRAINT assignments_organisation_fkey
                         REFERENCES organisations (id) ON DELETE CASCADE,
    team_id          INTEGER,
    user_id          INTEGER,
    mandatory        INTEGER NOT NULL DEFAULT 1,
    due_on           TEXT,
    due_days         INTEGER,
    assigned_by      INTEGER CONSTRAINT assignments_assigned_by_fkey REFERENCES users (id) ON DELETE SET NULL,
    created_at       TEXT NOT NULL,
    withdrawn_at     TEXT,
    withdrawn_by     INTEGER CONSTRAINT assignments_withdrawn_by_fkey REFERENCES users (id) ON DELETE SET NULL,
    withdraw_reason  TEXT,
    CONSTRAINT assignments_target_check CHECK (team_id IS NULL OR user_id IS NULL),
    CONSTRAINT assignments_due_check CHECK ((due_on IS NULL) <> (due_days IS NULL)),
    CONSTRAINT assignments_due_days_check CHECK (due_days IS NULL OR due_days BETWEEN 1 AND 3650),
    CONSTRAINT assignments_team_fkey FOREIGN KEY (team_id, organisation_id)
        REFERENCES teams (id, organisation_id) ON DELETE CASCADE,
    CONSTRAINT assignments_user_fkey FOREIGN KEY (user_id, organisation_id)
        REFERENCES users (id, organisation_id) ON DELETE CASCADE
);
INSERT INTO assignments_new (id, track_id, organisation_id, team_id, user_id, mandatory, due_on,
                             assigned_by, created_at)
SELECT id, track_id, organisation_id, team_id, user_id, 1, due_on, assigned_by, created_at
  FROM assignments;
DROP TABLE assignments;
ALTER TABLE assignments_new RENAME TO assignments;
CREATE INDEX assignments_organisation_idx ON assignments (organisation_id);
CREATE INDEX assignments_track_idx ON assignments (track_id);
CREATE INDEX assignments_team_idx ON assignments (team_id);
CREATE INDEX assignments_user_idx ON assignments (user_id);
CREATE INDEX assignments_assigned_by_idx ON assignments (assigned_by);
CREATE INDEX assignments_withdrawn_by_idx ON assignments (withdrawn_by);

-- Chosen modules of the track; no rows = the whole track.
CREATE TABLE assignment_modules (
    assignment_id  INTEGER NOT NULL CONSTRAINT assignment_modules_assignment_fkey
                       REFERENCES assignments (id) ON DELETE CASCADE,
    module_id      INTEGER NOT NULL CONSTRAINT assignment_modules_module_fkey REFERENCES modules (id),
    PRIMARY KEY (assignment_id, module_id)
);
CREATE INDEX assignment_modules_module_idx ON assignment_modules (module_id);

-- Per-person decisions; the newest one for an (assignment, person) counts, all are kept.
CREATE TABLE assignment_overrides (
    id             INTEGER PRIMARY KEY,
    assignment_id  INTEGER NOT NULL CONSTRAINT assignment_overrides_assignment_fkey
                       REFERENCES assignments (id) ON DELETE CASCADE,
    user_id        INTEGER NOT NULL CONSTRAINT assignment_overrides_user_fkey
                       REFERENCES users (id) ON DELETE CASCADE,
    kind           TEXT NOT NULL CONSTRAINT assignment_overrides_kind_check
                       CHECK (kind IN ('extend', 'excuse', 'withdraw')),
    extended_to    TEXT,
    reason         TEXT NOT NULL CONSTRAINT assignment_overrides_reason_check CHECK (length(trim(reason)) > 0),
    created_by     INTEGER CONSTRAINT assignment_overrides_created_by_fkey REFERENCES users (id) ON DELETE SET NULL,
    created_at     TEXT NOT NULL,
    CONSTRAINT assignment_overrides_extend_check CHECK ((kind = 'extend') = (extended_to IS NOT NULL))
);
CREATE INDEX assignment_overrides_assignment_user_idx ON assignment_overrides (assignment_id, user_id);
CREATE INDEX assignment_overrides_user_idx ON assignment_overrides (user_id);
CREATE INDEX assignment_overrides_created_by_idx ON assignment_overrides (created_by);

-- The first moment a module was complete for a person (kept when the module changes later).
CREATE TABLE module_completions (
    user_id       INTEGER NOT NULL CONSTRAINT module_completions_user_fkey REFERENCES users (id) ON DELETE CASCADE,
    module_id     INTEGER NOT NULL CONSTRAINT module_completions_module_fkey REFERENCES modules (id),
    completed_at  TEXT NOT NULL,
    PRIMARY KEY (user_id, module_id)
);
CREATE INDEX module_completions_module_idx ON module_completions (module_id);

-- The first day an assignment was complete for a person (never taken back).
CREATE TABLE assignment_completions (
    assignment_id  INTEGER NOT NULL CONSTRAINT assignment_completions_assignment_fkey
                       REFERENCES assignments (id) ON DELETE CASCADE,
    user_id        INTEGER NOT NULL CONSTRAINT assignment_completions_user_fkey
                       REFERENCES users (id) ON DELETE CASCADE,
    completed_on   TEXT NOT NULL,
    PRIMARY KEY (assignment_id, user_id)
);
CREATE INDEX assignment_completions_user_idx ON assignment_completions (user_id);

COMMIT;
PRAGMA foreign_keys = ON;
