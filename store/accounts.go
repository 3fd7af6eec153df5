package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"
)

// nameKey is the form of a name that uniqueness and lookups compare.
func nameKey(name string) string {
	return strings.ToLower(name)
}

// CreateCharacter creates, in one transaction, an account named name and its
// first character of the same name, standing in roomID with the given
// lucidity. It returns ErrExists when the name is taken without regard to
// case (by an account or by any character) and ErrInvalid when the name is
// blank.
func (db *DB) CreateCharacter(ctx context.Context, name, passwordHash, roomID string, lucidity int, now time.Time) (Account, Character, error) {
	if strings.TrimSpace(name) == "" {
		return Account{}, Character{}, fmt.Errorf("create character: blank name: %w", ErrInvalid)
	}
	now = normalTime(now)
	a := Account{Name: name, PasswordHash: passwordHash, CreatedAt: now}
	c := Character{Name: name, RoomID: roomID, Lucidity: lucidity, CreatedAt: now, LastActive: now}
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		var err error
		if a.ID, err = insertAccount(ctx, tx, a); err != nil {
			return err
		}
		c.AccountID = a.ID
		c.ID, err = insertCharacter(ctx, tx, c)
		return err
	})
	if err != nil {
		return Account{}, Character{}, fmt.Errorf("create character %q: %w", name, err)
	}
	return a, c, nil
}

func insertAccount(ctx context.Context, tx *sql.Tx, a Account) (int64, error) {
	res, err := tx.ExecContext(ctx, `INSERT INTO accounts (name, name_key, password_hash, created_at)
		VALUES (?, ?, ?, ?)`, a.Name, nameKey(a.Name), a.PasswordHash, toNanos(a.CreatedAt))
	if isUniqueViolation(err) {
		return 0, ErrExists
	}
	if err != nil {
		return 0, fmt.Errorf("insert account: %w", err)
	}
	return res.LastInsertId()
}

func insertCharacter(ctx context.Context, tx *sql.Tx, c Character) (int64, error) {
	res, err := tx.ExecContext(ctx, `INSERT INTO characters (account_id, name, name_key, room_id, lucidity, residual, created_at, last_active)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, c.AccountID, c.Name, nameKey(c.Name), c.RoomID, c.Lucidity, c.Residual,
		toNanos(c.CreatedAt), toNanos(c.LastActive))
	if isUniqueViolation(err) {
		return 0, ErrExists
	}
	if err != nil {
		return 0, fmt.Errorf("insert character: %w", err)
	}
	return res.LastInsertId()
}

func isUniqueViolation(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && se.ExtendedCode == sqlite3.ErrConstraintUnique
}

// accountIDOfName is SQL for the id of the account a name opens: the
// account of that name, else the account of the character of that name.
// It takes the name key twice. Names are one namespace: a character's name
// is never another account's name, so a name opens at most one account.
const accountIDOfName = `COALESCE((SELECT id FROM accounts WHERE name_key = ?),
	(SELECT account_id FROM characters WHERE name_key = ?))`

// AccountByName returns the account that name opens, without regard to
// case: the account of that name, else the account holding the character
// of that name; ErrNotFound when there is neither.
func (db *DB) AccountByName(ctx context.Context, name string) (Account, error) {
	a, err := scanAccount(db.read.QueryRowContext(ctx, `SELECT `+accountColumns+`
		FROM accounts a WHERE a.id = `+accountIDOfName, nameKey(name), nameKey(name)))
	if err != nil {
		return Account{}, fmt.Errorf("account %q: %w", name, err)
	}
	return a, nil
}

// accountColumns are the columns scanAccount reads, of accounts aliased a.
const accountColumns = `a.id, a.name, a.password_hash, a.frozen, a.created_at,
	EXISTS (SELECT 1 FROM account_roles r WHERE r.account_id = a.id AND r.role = 'admin'),
	EXISTS (SELECT 1 FROM account_roles r WHERE r.account_id = a.id AND r.role = 'builder')`

// scanAccount reads one row of accountColumns; ErrNotFound when there is none.
func scanAccount(row *sql.Row) (Account, error) {
	var a Account
	var created sql.NullInt64
	if err := row.Scan(&a.ID, &a.Name, &a.PasswordHash, &a.Frozen, &created, &a.Admin, &a.Builder); err != nil {
		return Account{}, notFound(err)
	}
	a.CreatedAt = fromNanos(created)
	return a, nil
}

// notFound turns sql.ErrNoRows into ErrNotFound.
func notFound(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	return err
}

// inWriteTx runs fn in one transaction on the writer connection, committing
// when fn returns nil and rolling back otherwise.
func (db *DB) inWriteTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := fn(tx); err != nil {
		return errors.Join(err, rollback(tx))
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// rollback rolls tx back; a transaction already done is not an error.
func rollback(tx *sql.Tx) error {
	if err := tx.Rollback(); err != nil && !errors.Is(err, sql.ErrTxDone) {
		return fmt.Errorf("rollback: %w", err)
	}
	return nil
}
