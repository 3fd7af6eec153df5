-- 0005_bans: addresses refused at accept. target is an address or a CIDR
-- prefix in canonical form ("192.0.2.7/32", "2001:db8::/48"). Times are
-- UTC unix nanoseconds (INTEGER); a NULL expiry never expires.

CREATE TABLE bans (
    target     TEXT    PRIMARY KEY CHECK (target <> ''),
    expires_at INTEGER,
    reason     TEXT    NOT NULL DEFAULT '',
    created_by TEXT    NOT NULL DEFAULT '',
    created_at INTEGER
);
