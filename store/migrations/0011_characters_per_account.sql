-- mythosd:foreign-keys-off
-- 0011_characters_per_account: an account holds several characters. The
-- characters table is rebuilt without UNIQUE on account_id (SQLite cannot
-- drop a column constraint), with a name_key that makes character names
-- unique without regard to case across all characters. The migration runs
-- with foreign keys off, so dropping the old table cascades nowhere; the
-- runner checks every foreign key before it commits. Every existing
-- character stays with the account it has (its own, of the same name).

CREATE TABLE characters_new (
    id          INTEGER PRIMARY KEY,
    account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name        TEXT    NOT NULL CHECK (name <> ''),
    name_key    TEXT    NOT NULL UNIQUE,
    room_id     TEXT    NOT NULL,
    lucidity    INTEGER NOT NULL,
    created_at  INTEGER,
    last_active INTEGER,
    residual    INTEGER NOT NULL DEFAULT 0,
    attributes  TEXT    NOT NULL DEFAULT '',
    money       INTEGER NOT NULL DEFAULT 0,
    wounds      INTEGER NOT NULL DEFAULT 0,
    xp          INTEGER NOT NULL DEFAULT 0,
    prompt      TEXT    NOT NULL DEFAULT ''
);

INSERT INTO characters_new (id, account_id, name, name_key, room_id, lucidity, created_at, last_active,
        residual, attributes, money, wounds, xp, prompt)
    SELECT id, account_id, name, lower(name), room_id, lucidity, created_at, last_active,
        residual, attributes, money, wounds, xp, prompt
    FROM characters;

DROP TABLE characters;

ALTER TABLE characters_new RENAME TO characters;

CREATE INDEX characters_by_account ON characters (account_id, id);
