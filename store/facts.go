package store

import (
	"context"
	"database/sql"
	"fmt"
)

// Facts returns the facts of character characterID by key; a character
// without facts, or unknown, has none. It reads through the write-behind
// writer: a fact submitted but not yet committed is returned with its new
// value, and one submitted as 0 is absent even while the database holds it.
func (db *DB) Facts(ctx context.Context, characterID int64) (map[string]int64, error) {
	overlay := db.w.facts(characterID) // before the database, as in CharacterByAccount
	facts, err := db.storedFacts(ctx, characterID)
	if err != nil {
		return nil, fmt.Errorf("facts of character %d: %w", characterID, err)
	}
	for key, v := range overlay {
		if v == 0 {
			delete(facts, key)
		} else {
			facts[key] = v
		}
	}
	return facts, nil
}

func (db *DB) storedFacts(ctx context.Context, characterID int64) (map[string]int64, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT key, value FROM character_facts WHERE character_id = ?`, characterID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	facts := map[string]int64{}
	for rows.Next() {
		var key string
		var v int64
		if err := rows.Scan(&key, &v); err != nil {
			return nil, err
		}
		facts[key] = v
	}
	return facts, rows.Err()
}

// facts returns the newest uncommitted value of each fact of character id,
// 0 for a fact to delete.
func (w *writer) facts(id int64) map[string]int64 {
	facts := map[string]int64{}
	w.overlay(func(p *pending) {
		for key, v := range p.facts.of(id) {
			facts[key] = v
		}
	})
	return facts
}

// writeFacts stores the facts of p, deleting those whose value is 0.
func writeFacts(ctx context.Context, tx *sql.Tx, p *pending) (int64, error) {
	if p.facts.n == 0 {
		return 0, nil
	}
	upsert, err := prepare(ctx, tx, "fact upsert", `INSERT INTO character_facts (character_id, key, value)
		SELECT ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM characters WHERE id = ?1)
		ON CONFLICT (character_id, key) DO UPDATE SET value = excluded.value`)
	if err != nil {
		return 0, err
	}
	defer upsert.close()
	del, err := prepare(ctx, tx, "fact delete", `DELETE FROM character_facts WHERE character_id = ? AND key = ?`)
	if err != nil {
		return 0, err
	}
	defer del.close()
	err = p.facts.eachSorted(func(char int64, key string, v int64) error {
		stmt, args := upsert, []any{char, key, v}
		if v == 0 {
			stmt, args = del, []any{char, key}
		}
		if err := stmt.exec(args...); err != nil {
			return fmt.Errorf("write fact %d %q: %w", char, key, err)
		}
		return nil
	})
	return upsert.rows + del.rows, err
}
