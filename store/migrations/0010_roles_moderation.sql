-- 0010_roles_moderation: roles beyond playing (builder, admin) in their own
-- table, the former is_admin flag becoming the admin role; the frozen flag
-- of an account (its commands refused until thawed); the chat log.

CREATE TABLE account_roles (
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    role       TEXT    NOT NULL CHECK (role IN ('builder', 'admin')),
    PRIMARY KEY (account_id, role)
) WITHOUT ROWID;

INSERT INTO account_roles (account_id, role) SELECT id, 'admin' FROM accounts WHERE is_admin = 1;

ALTER TABLE accounts DROP COLUMN is_admin;

ALTER TABLE accounts ADD COLUMN frozen INTEGER NOT NULL DEFAULT 0 CHECK (frozen IN (0, 1));

-- The chat log, for moderation: who said what on which channel, in which
-- room ('' for none), when. Kept for -chatlog-keep, then pruned.
CREATE TABLE chat_log (
    id      INTEGER PRIMARY KEY,
    at      INTEGER NOT NULL,
    who     TEXT    NOT NULL,
    who_key TEXT    NOT NULL,
    channel TEXT    NOT NULL,
    text    TEXT    NOT NULL,
    room    TEXT    NOT NULL DEFAULT ''
);

CREATE INDEX chat_log_who_at ON chat_log (who_key, at);
CREATE INDEX chat_log_at ON chat_log (at);
