-- 0001_init: accounts, characters, the world (zones, rooms, exits),
-- exploration (visits) and a small key/value table.
-- Times are UTC unix nanoseconds (INTEGER); NULL stands for the zero time.

CREATE TABLE accounts (
    id            INTEGER PRIMARY KEY,
    name          TEXT    NOT NULL CHECK (name <> ''),
    name_key      TEXT    NOT NULL UNIQUE,
    password_hash TEXT    NOT NULL,
    is_admin      INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1)),
    created_at    INTEGER
);

CREATE TABLE characters (
    id          INTEGER PRIMARY KEY,
    account_id  INTEGER NOT NULL UNIQUE REFERENCES accounts (id) ON DELETE CASCADE,
    name        TEXT    NOT NULL,
    room_id     TEXT    NOT NULL,
    lucidity    INTEGER NOT NULL,
    created_at  INTEGER,
    last_active INTEGER
);

CREATE TABLE zones (
    id          TEXT PRIMARY KEY,
    plane       TEXT NOT NULL,
    zone        TEXT NOT NULL,
    subzone     TEXT NOT NULL DEFAULT '',
    name        TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    environment TEXT NOT NULL DEFAULT '',
    drain_rate  REAL NOT NULL DEFAULT 0,
    attributes  TEXT NOT NULL DEFAULT ''
);

CREATE TABLE rooms (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    plane       TEXT NOT NULL DEFAULT '',
    zone        TEXT NOT NULL DEFAULT '',
    subzone     TEXT NOT NULL DEFAULT '',
    environment TEXT NOT NULL DEFAULT '',
    attributes  TEXT NOT NULL DEFAULT '',
    source_file TEXT NOT NULL DEFAULT ''
);

-- Exits cascade with their room; a target is not a foreign key, so a world
-- that points at a room it lacks still imports (the loader reports it).
CREATE TABLE exits (
    room_id     TEXT NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    direction   TEXT NOT NULL,
    target      TEXT NOT NULL,
    flags       TEXT NOT NULL DEFAULT '[]',
    description TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (room_id, direction)
) WITHOUT ROWID;

-- Visits are written once (INSERT OR IGNORE); room_id is not a foreign key
-- so that re-importing a world without a room keeps the exploration record.
CREATE TABLE visits (
    character_id INTEGER NOT NULL REFERENCES characters (id) ON DELETE CASCADE,
    room_id      TEXT    NOT NULL,
    first_at     INTEGER,
    PRIMARY KEY (character_id, room_id)
) WITHOUT ROWID;

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
