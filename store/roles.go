package store

import (
	"context"
	"fmt"
)

// Role is a right an account holds beyond playing. Every account plays;
// RoleBuilder and RoleAdmin are granted and revoked.
type Role string

// The roles.
const (
	RolePlayer  Role = "player"
	RoleBuilder Role = "builder"
	RoleAdmin   Role = "admin"
)

// ParseRole reads a role that can be granted (builder or admin), without
// regard to case; ErrInvalid for any other word.
func ParseRole(s string) (Role, error) {
	switch r := Role(nameKey(s)); r {
	case RoleBuilder, RoleAdmin:
		return r, nil
	default:
		return "", fmt.Errorf("role %q (builder or admin): %w", s, ErrInvalid)
	}
}

// SetRole grants (grant true) or revokes role to or from the account named
// name, without regard to case; ErrNotFound when there is none, ErrInvalid
// for a role that is not granted (player). Granting a role held, or
// revoking one not held, is no error.
func (db *DB) SetRole(ctx context.Context, name string, role Role, grant bool) error {
	if _, err := ParseRole(string(role)); err != nil {
		return fmt.Errorf("set role of %q: %w", name, err)
	}
	q := `INSERT OR IGNORE INTO account_roles (account_id, role) SELECT id, ? FROM accounts WHERE id = ` + accountIDOfName
	if !grant {
		q = `DELETE FROM account_roles WHERE role = ? AND account_id = ` + accountIDOfName
	}
	if _, err := db.AccountByName(ctx, name); err != nil {
		return fmt.Errorf("set role %s of %q: %w", role, name, err)
	}
	if _, err := db.write.ExecContext(ctx, q, string(role), nameKey(name), nameKey(name)); err != nil {
		return fmt.Errorf("set role %s of %q: %w", role, name, err)
	}
	return nil
}

// SetAdmin grants (admin true) or revokes the admin role of the account
// named name, without regard to case; ErrNotFound when there is none.
func (db *DB) SetAdmin(ctx context.Context, name string, admin bool) error {
	return db.SetRole(ctx, name, RoleAdmin, admin)
}

// SetFrozen freezes (frozen true) or thaws the account named name, without
// regard to case; ErrNotFound when there is none.
func (db *DB) SetFrozen(ctx context.Context, name string, frozen bool) error {
	return db.updateAccount(ctx, "set frozen", name, `UPDATE accounts SET frozen = ? WHERE id = `+accountIDOfName, frozen)
}

// SetPassword replaces the password hash of the account named name;
// ErrNotFound when there is none.
func (db *DB) SetPassword(ctx context.Context, name, hash string) error {
	return db.updateAccount(ctx, "set password", name, `UPDATE accounts SET password_hash = ? WHERE id = `+accountIDOfName, hash)
}

// updateAccount runs q, an UPDATE of one account taking value and the name
// key; ErrNotFound when it changes nothing.
func (db *DB) updateAccount(ctx context.Context, what, name, q string, value any) error {
	res, err := db.write.ExecContext(ctx, q, value, nameKey(name), nameKey(name))
	if err != nil {
		return fmt.Errorf("%s of %q: %w", what, name, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("%s of %q: %w", what, name, err)
	}
	if n == 0 {
		return fmt.Errorf("%s of %q: %w", what, name, ErrNotFound)
	}
	return nil
}
