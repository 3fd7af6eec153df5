package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// AddCharacter makes another character named name for account accountID,
// standing in roomID with the given lucidity, unless the account already
// holds limit characters (ErrLimit). The name is taken (ErrExists) when a
// character has it, or another account does, without regard to case;
// ErrNotFound when there is no such account; ErrInvalid when it is blank.
func (db *DB) AddCharacter(ctx context.Context, accountID int64, name, roomID string, lucidity, limit int, now time.Time) (Character, error) {
	if strings.TrimSpace(name) == "" {
		return Character{}, fmt.Errorf("add character: blank name: %w", ErrInvalid)
	}
	now = normalTime(now)
	c := Character{AccountID: accountID, Name: name, RoomID: roomID, Lucidity: lucidity, CreatedAt: now, LastActive: now}
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		n, err := countCharacters(ctx, tx, accountID)
		if err != nil {
			return err
		}
		if n >= limit {
			return ErrLimit
		}
		if err := checkNotOtherAccount(ctx, tx, accountID, name); err != nil {
			return err
		}
		c.ID, err = insertCharacter(ctx, tx, c)
		return err
	})
	if err != nil {
		return Character{}, fmt.Errorf("add character %q to account %d: %w", name, accountID, err)
	}
	return c, nil
}

// countCharacters counts the characters of an account; ErrNotFound when
// the account does not exist.
func countCharacters(ctx context.Context, tx *sql.Tx, accountID int64) (int, error) {
	var n int
	err := tx.QueryRowContext(ctx, `SELECT count(c.id) FROM accounts a LEFT JOIN characters c ON c.account_id = a.id
		WHERE a.id = ? GROUP BY a.id`, accountID).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count characters: %w", notFound(err))
	}
	return n, nil
}

// checkNotOtherAccount returns ErrExists when name is the name of an
// account other than accountID.
func checkNotOtherAccount(ctx context.Context, tx *sql.Tx, accountID int64, name string) error {
	var taken bool
	err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM accounts WHERE name_key = ? AND id <> ?)`,
		nameKey(name), accountID).Scan(&taken)
	if err != nil {
		return fmt.Errorf("check account names: %w", err)
	}
	if taken {
		return ErrExists
	}
	return nil
}

// RenameCharacter gives character id the name newName, under the rules of
// AddCharacter (ErrExists, ErrInvalid; ErrNotFound when there is no such
// character), and moves the mutes of its old name to the new one in the
// same transaction, so that a rename does not escape a mute. It returns the
// old name. The chat log keeps the names things were said under.
func (db *DB) RenameCharacter(ctx context.Context, id int64, newName string) (string, error) {
	if strings.TrimSpace(newName) == "" {
		return "", fmt.Errorf("rename character %d: blank name: %w", id, ErrInvalid)
	}
	var old string
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		var accountID int64
		err := tx.QueryRowContext(ctx, `SELECT account_id, name FROM characters WHERE id = ?`, id).Scan(&accountID, &old)
		if err != nil {
			return notFound(err)
		}
		if err := checkNotOtherAccount(ctx, tx, accountID, newName); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE characters SET name = ?, name_key = ? WHERE id = ?`, newName, nameKey(newName), id)
		if isUniqueViolation(err) {
			return ErrExists
		}
		if err != nil {
			return fmt.Errorf("update name: %w", err)
		}
		return moveMutes(ctx, tx, old, newName)
	})
	if err != nil {
		return "", fmt.Errorf("rename character %d to %q: %w", id, newName, err)
	}
	return old, nil
}

// moveMutes points every mute of name old at name new.
func moveMutes(ctx context.Context, tx *sql.Tx, old, new string) error {
	if nameKey(old) == nameKey(new) {
		_, err := tx.ExecContext(ctx, `UPDATE mutes SET muted_name = ? WHERE muted_key = ?`, new, nameKey(old))
		return wrapIf("move mutes", err)
	}
	_, err := tx.ExecContext(ctx, `UPDATE OR REPLACE mutes SET muted_key = ?, muted_name = ? WHERE muted_key = ?`,
		nameKey(new), new, nameKey(old))
	return wrapIf("move mutes", err)
}

// wrapIf wraps err with what was being done, when it is not nil.
func wrapIf(doing string, err error) error {
	if err != nil {
		return fmt.Errorf("%s: %w", doing, err)
	}
	return nil
}

// DeleteCharacter deletes character id and, in the same transaction,
// unmakes every item it carries or wears with the contents of those
// items; its visits, facts and lucidity log go with it (cascade), and so
// do the mutes it set; the players' mutes of it free its name (see
// releaseMutes), so that its name is free again. It first waits for
// the write-behind writer, so nothing submitted for the character lands
// after it. The caller makes sure the world no longer holds the character.
// It returns how many items were unmade; ErrNotFound when there is no such
// character.
func (db *DB) DeleteCharacter(ctx context.Context, id int64) (int64, error) {
	if err := db.Flush(ctx); err != nil {
		return 0, fmt.Errorf("delete character %d: %w", id, err)
	}
	var items int64
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		var name string
		if err := tx.QueryRowContext(ctx, `SELECT name FROM characters WHERE id = ?`, id).Scan(&name); err != nil {
			return notFound(err)
		}
		var err error
		if items, err = deleteCarried(ctx, tx, id); err != nil {
			return err
		}
		if err := releaseMutes(ctx, tx, id, name); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM characters WHERE id = ?`, id)
		return wrapIf("delete row", err)
	})
	if err != nil {
		return 0, fmt.Errorf("delete character %d: %w", id, err)
	}
	return items, nil
}

// releaseMutes drops the mutes deleted character id set, and frees its
// name from the players' mutes of it: a mute that also holds the
// character's account stays, keyed "#id" (Mute.Gone), so that it still
// silences the account's other characters but nobody who takes the name
// later; one without an account goes. An admin's global mute stays as it
// is.
func releaseMutes(ctx context.Context, tx *sql.Tx, id int64, name string) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM mutes WHERE owner_id = ?`, id); err != nil {
		return fmt.Errorf("delete mutes: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE mutes SET muted_key = ? WHERE muted_key = ? AND owner_id <> ? AND muted_account <> 0`,
		"#"+strconv.FormatInt(id, 10), nameKey(name), GlobalMuteOwner); err != nil {
		return fmt.Errorf("keep mutes of the account: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM mutes WHERE muted_key = ? AND owner_id <> ?`, nameKey(name), GlobalMuteOwner); err != nil {
		return fmt.Errorf("delete mutes of the name: %w", err)
	}
	return nil
}

// deleteCarried deletes what character id carries and wears, and what is
// inside those items to any depth, and returns how many items that was.
func deleteCarried(ctx context.Context, tx *sql.Tx, id int64) (int64, error) {
	res, err := tx.ExecContext(ctx, `WITH RECURSIVE doomed (id) AS (
			SELECT id FROM items WHERE place IN (?, ?) AND holder = ?
			UNION SELECT i.id FROM items i JOIN doomed d ON i.place = ? AND i.holder = CAST(d.id AS TEXT)
		) DELETE FROM items WHERE id IN (SELECT id FROM doomed)`,
		PlaceInv, PlaceWorn, fmt.Sprint(id), PlaceIn)
	if err != nil {
		return 0, fmt.Errorf("delete items: %w", err)
	}
	return res.RowsAffected()
}
