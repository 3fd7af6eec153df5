package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
)

// LucidityLog returns up to limit committed lucidity changes of character
// characterID, newest first (by time, then by order of writing). It reads
// the database only: changes submitted but not yet committed are not
// included (Flush first to see them). A limit below 1 is ErrInvalid.
func (db *DB) LucidityLog(ctx context.Context, characterID int64, limit int) ([]LucidityChange, error) {
	if limit < 1 {
		return nil, fmt.Errorf("lucidity log of character %d: limit %d: %w", characterID, limit, ErrInvalid)
	}
	rows, err := db.read.QueryContext(ctx, `SELECT delta, reason, at FROM lucidity_log
		WHERE character_id = ? ORDER BY at DESC, id DESC LIMIT ?`, characterID, limit)
	if err != nil {
		return nil, fmt.Errorf("lucidity log of character %d: %w", characterID, err)
	}
	defer rows.Close()
	var log []LucidityChange
	for rows.Next() {
		c := LucidityChange{CharacterID: characterID}
		var at sql.NullInt64
		if err := rows.Scan(&c.Delta, &c.Reason, &at); err != nil {
			return nil, fmt.Errorf("lucidity log of character %d: %w", characterID, err)
		}
		c.At = fromNanos(at)
		log = append(log, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("lucidity log of character %d: %w", characterID, err)
	}
	return log, nil
}

// writeChanges inserts the lucidity changes of p, one row per character
// and reason, oldest first so that row ids follow time.
func writeChanges(ctx context.Context, tx *sql.Tx, p *pending) (int64, error) {
	if p.changes.n == 0 {
		return 0, nil
	}
	stmt, err := prepare(ctx, tx, "lucidity log insert", `INSERT INTO lucidity_log (character_id, delta, reason, at)
		SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM characters WHERE id = ?1)`)
	if err != nil {
		return 0, err
	}
	defer stmt.close()
	for _, c := range changesByTime(p) {
		if err := stmt.exec(c.CharacterID, c.Delta, c.Reason, toNanos(c.At)); err != nil {
			return 0, fmt.Errorf("log lucidity change %d %q: %w", c.CharacterID, c.Reason, err)
		}
	}
	return stmt.rows, nil
}

// changesByTime lists the changes of p by time, then character, then reason.
func changesByTime(p *pending) []LucidityChange {
	list := make([]LucidityChange, 0, p.changes.n)
	p.changes.each(func(_ int64, _ string, c LucidityChange) { list = append(list, c) })
	slices.SortFunc(list, func(a, b LucidityChange) int {
		if c := a.At.Compare(b.At); c != 0 {
			return c
		}
		if c := cmp.Compare(a.CharacterID, b.CharacterID); c != 0 {
			return c
		}
		return cmp.Compare(a.Reason, b.Reason)
	})
	return list
}
