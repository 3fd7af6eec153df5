package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
)

// commitPending writes p in one transaction: characters' room, lucidity and
// last activity, and visits not yet recorded. Visits of characters that do
// not exist are skipped rather than failing the batch forever. It returns
// the number of rows written.
func commitPending(db *sql.DB, p *pending) (int64, error) {
	// The writer has no caller to cancel it; Close waits for it instead.
	ctx := context.Background()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("begin: %w", err)
	}
	n, err := writeCharacters(ctx, tx, p)
	if err == nil {
		var m int64
		m, err = writeVisits(ctx, tx, p)
		n += m
	}
	if err != nil {
		return 0, errors.Join(err, rollback(tx))
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("commit: %w", err)
	}
	return n, nil
}

func writeCharacters(ctx context.Context, tx *sql.Tx, p *pending) (int64, error) {
	if len(p.chars) == 0 {
		return 0, nil
	}
	stmt, err := tx.PrepareContext(ctx, `UPDATE characters SET room_id = ?, lucidity = ?, last_active = ? WHERE id = ?`)
	if err != nil {
		return 0, fmt.Errorf("prepare character update: %w", err)
	}
	defer stmt.Close()
	var n int64
	for _, id := range sortedKeys(p.chars) {
		st := p.chars[id]
		res, err := stmt.ExecContext(ctx, st.RoomID, st.Lucidity, toNanos(st.LastActive), id)
		if err != nil {
			return 0, fmt.Errorf("update character %d: %w", id, err)
		}
		n += affected(res)
	}
	return n, nil
}

func writeVisits(ctx context.Context, tx *sql.Tx, p *pending) (int64, error) {
	if p.nVisits == 0 {
		return 0, nil
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO visits (character_id, room_id, first_at)
		SELECT ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM characters WHERE id = ?1)`)
	if err != nil {
		return 0, fmt.Errorf("prepare visit insert: %w", err)
	}
	defer stmt.Close()
	var n int64
	for _, char := range sortedKeys(p.visits) {
		rooms := p.visits[char]
		for _, room := range sortedKeys(rooms) {
			res, err := stmt.ExecContext(ctx, char, room, toNanos(rooms[room]))
			if err != nil {
				return 0, fmt.Errorf("insert visit %d %s: %w", char, room, err)
			}
			n += affected(res)
		}
	}
	return n, nil
}

// affected is the row count of res; the driver always knows it.
func affected(res sql.Result) int64 {
	n, err := res.RowsAffected()
	if err != nil {
		return 0
	}
	return n
}

// sortedKeys returns m's keys in order, so commits touch rows in a stable order.
func sortedKeys[K int64 | string, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
