-- 0003_player_keys: public keys that players register in game (keys add)
-- to log in over SSH without a password. A key opens at most one account.
-- Times are UTC unix nanoseconds (INTEGER); NULL stands for the zero time.

CREATE TABLE player_keys (
    id          INTEGER PRIMARY KEY,
    account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    fingerprint TEXT    NOT NULL UNIQUE CHECK (fingerprint <> ''),
    public_key  TEXT    NOT NULL CHECK (public_key <> ''),
    comment     TEXT    NOT NULL DEFAULT '',
    added_at    INTEGER
);

CREATE INDEX player_keys_account ON player_keys (account_id, id);
