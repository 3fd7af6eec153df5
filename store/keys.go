package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// MaxKeysPerAccount is how many public keys one account may register.
const MaxKeysPerAccount = 16

// ErrTooManyKeys reports that an account already holds MaxKeysPerAccount keys.
var ErrTooManyKeys = errors.New("too many keys")

// PlayerKey is a public key a player registered to log in over SSH.
type PlayerKey struct {
	ID int64
	// Fingerprint identifies the key, as OpenSSH shows it: "SHA256:...".
	Fingerprint string
	// PublicKey is the key in authorized_keys form, "type base64", without
	// options or comment.
	PublicKey string
	// Comment is the comment the player's authorized_keys line carried.
	Comment string
	AddedAt time.Time
}

// AddKey registers k for the account named account (without regard to
// case) and returns it with its ID. A key belongs to at most one account:
// ErrExists when its fingerprint is registered already, by anyone.
// ErrNotFound when there is no such account, ErrTooManyKeys when it holds
// MaxKeysPerAccount keys, ErrInvalid when the fingerprint or key is blank.
func (db *DB) AddKey(ctx context.Context, account string, k PlayerKey) (PlayerKey, error) {
	if strings.TrimSpace(k.Fingerprint) == "" || strings.TrimSpace(k.PublicKey) == "" {
		return PlayerKey{}, fmt.Errorf("add key for %q: blank fingerprint or key: %w", account, ErrInvalid)
	}
	k.AddedAt = normalTime(k.AddedAt)
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		id, err := accountIDTx(ctx, tx, account)
		if err != nil {
			return err
		}
		if err := checkKeyRoom(ctx, tx, id); err != nil {
			return err
		}
		k.ID, err = insertKey(ctx, tx, id, k)
		return err
	})
	if err != nil {
		return PlayerKey{}, fmt.Errorf("add key %s for %q: %w", k.Fingerprint, account, err)
	}
	return k, nil
}

// accountIDTx returns the id of the account named name, or ErrNotFound.
func accountIDTx(ctx context.Context, tx *sql.Tx, name string) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM accounts WHERE id = `+accountIDOfName, nameKey(name), nameKey(name)).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("account: %w", notFound(err))
	}
	return id, nil
}

// checkKeyRoom returns ErrTooManyKeys when the account holds its most keys.
func checkKeyRoom(ctx context.Context, tx *sql.Tx, accountID int64) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM player_keys WHERE account_id = ?`, accountID).Scan(&n); err != nil {
		return fmt.Errorf("count keys: %w", err)
	}
	if n >= MaxKeysPerAccount {
		return ErrTooManyKeys
	}
	return nil
}

func insertKey(ctx context.Context, tx *sql.Tx, accountID int64, k PlayerKey) (int64, error) {
	res, err := tx.ExecContext(ctx, `INSERT INTO player_keys (account_id, fingerprint, public_key, comment, added_at)
		VALUES (?, ?, ?, ?, ?)`, accountID, k.Fingerprint, k.PublicKey, k.Comment, toNanos(k.AddedAt))
	if isUniqueViolation(err) {
		return 0, ErrExists
	}
	if err != nil {
		return 0, fmt.Errorf("insert key: %w", err)
	}
	return res.LastInsertId()
}

// Keys returns the keys of the account named account, oldest first; none
// (and no error) when the account has none or does not exist.
func (db *DB) Keys(ctx context.Context, account string) ([]PlayerKey, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT k.id, k.fingerprint, k.public_key, k.comment, k.added_at
		FROM player_keys k JOIN accounts a ON a.id = k.account_id
		WHERE a.id = `+accountIDOfName+` ORDER BY k.id`, nameKey(account), nameKey(account))
	if err != nil {
		return nil, fmt.Errorf("keys of %q: %w", account, err)
	}
	defer rows.Close()
	var keys []PlayerKey
	for rows.Next() {
		var k PlayerKey
		var added sql.NullInt64
		if err := rows.Scan(&k.ID, &k.Fingerprint, &k.PublicKey, &k.Comment, &added); err != nil {
			return nil, fmt.Errorf("keys of %q: %w", account, err)
		}
		k.AddedAt = fromNanos(added)
		keys = append(keys, k)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("keys of %q: %w", account, err)
	}
	return keys, nil
}

// RemoveKey removes the key with fingerprint from the account named
// account; ErrNotFound when that account holds no such key.
func (db *DB) RemoveKey(ctx context.Context, account, fingerprint string) error {
	res, err := db.write.ExecContext(ctx, `DELETE FROM player_keys WHERE fingerprint = ?
		AND account_id = `+accountIDOfName, fingerprint, nameKey(account), nameKey(account))
	if err != nil {
		return fmt.Errorf("remove key %s of %q: %w", fingerprint, account, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("remove key %s of %q: %w", fingerprint, account, err)
	}
	if n == 0 {
		return fmt.Errorf("remove key %s of %q: %w", fingerprint, account, ErrNotFound)
	}
	return nil
}

// AccountByKeyFingerprint returns the account that registered the key with
// fingerprint, or ErrNotFound.
func (db *DB) AccountByKeyFingerprint(ctx context.Context, fingerprint string) (Account, error) {
	a, err := scanAccount(db.read.QueryRowContext(ctx, `SELECT `+accountColumns+`
		FROM player_keys k JOIN accounts a ON a.id = k.account_id WHERE k.fingerprint = ?`, fingerprint))
	if err != nil {
		return Account{}, fmt.Errorf("account of key %s: %w", fingerprint, err)
	}
	return a, nil
}
