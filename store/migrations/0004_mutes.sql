-- 0004_mutes: who muted whom. A receiver's mutes hide the muted sender's
-- chat from that receiver only; owner_id 0 holds the admins' global mutes.
-- Times are UTC unix nanoseconds (INTEGER); a NULL expiry never expires.

CREATE TABLE mutes (
    owner_id       INTEGER NOT NULL,
    muted_key      TEXT    NOT NULL CHECK (muted_key <> ''),
    muted_name     TEXT    NOT NULL,
    expires_at     INTEGER,
    created_at     INTEGER,
    created_by     TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (owner_id, muted_key)
);
