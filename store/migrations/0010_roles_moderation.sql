-- 0010_roles_moderation: roles beyond playing (builder, admin) in their own
-- table, the former is_admin flag becoming the admin role; the frozen flag
-- of an account (its commands refused until thawed).

CREATE TABLE account_roles (
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    role       TEXT    NOT NULL CHECK (role IN ('builder', 'admin')),
    PRIMARY KEY (account_id, role)
) WITHOUT ROWID;

INSERT INTO account_roles (account_id, role) SELECT id, 'admin' FROM accounts WHERE is_admin = 1;

ALTER TABLE accounts DROP COLUMN is_admin;

ALTER TABLE accounts ADD COLUMN frozen INTEGER NOT NULL DEFAULT 0 CHECK (frozen IN (0, 1));
