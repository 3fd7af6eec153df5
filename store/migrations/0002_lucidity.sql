-- 0002_lucidity: what lucidity rules keep per character: the residual
-- fraction of passive flux, named integer facts (cooldowns, encounter
-- counts, liabilities) and the log of lucidity changes.
-- Times are UTC unix nanoseconds (INTEGER); NULL stands for the zero time.

-- Thousandths of a lucidity point accumulated but not yet applied.
ALTER TABLE characters ADD COLUMN residual INTEGER NOT NULL DEFAULT 0;

-- A fact whose value falls to 0 is deleted, never stored.
CREATE TABLE character_facts (
    character_id INTEGER NOT NULL REFERENCES characters (id) ON DELETE CASCADE,
    key          TEXT    NOT NULL,
    value        INTEGER NOT NULL CHECK (value <> 0),
    PRIMARY KEY (character_id, key)
) WITHOUT ROWID;

-- One row per committed change; the writer sums the changes of one
-- character with one reason that wait in the same batch.
CREATE TABLE lucidity_log (
    id           INTEGER PRIMARY KEY,
    character_id INTEGER NOT NULL REFERENCES characters (id) ON DELETE CASCADE,
    delta        INTEGER NOT NULL,
    reason       TEXT    NOT NULL,
    at           INTEGER
);

CREATE INDEX lucidity_log_character_at ON lucidity_log (character_id, at);
