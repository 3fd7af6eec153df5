package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
)

// Blob tables hold world definitions as JSON by id: item prototypes, NPC
// definitions and spawns. The table names are constants of this package.

// readBlobs returns every row of table, decoded, in id order.
func readBlobs[T any](ctx context.Context, q querier, table string) ([]T, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, data FROM `+table+` ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", table, err)
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		var id, data string
		if err := rows.Scan(&id, &data); err != nil {
			return nil, fmt.Errorf("read %s: %w", table, err)
		}
		var v T
		if err := json.Unmarshal([]byte(data), &v); err != nil {
			return nil, fmt.Errorf("decode %s %s: %w", table, id, err)
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", table, err)
	}
	return out, nil
}

// importBlobs makes table hold exactly list, keyed by id, and returns how
// many rows it added, changed or removed; rows already equal are left
// alone, so importing the same list twice changes nothing.
func importBlobs[T any](ctx context.Context, tx *sql.Tx, table string, list []T, id func(T) string) (int, error) {
	old, err := storedBlobs(ctx, tx, table)
	if err != nil {
		return 0, err
	}
	changed := 0
	for _, v := range list {
		key := id(v)
		b, err := json.Marshal(v)
		if err != nil {
			return 0, fmt.Errorf("encode %s %s: %w", table, key, err)
		}
		prev, existed := old[key]
		delete(old, key)
		if existed && prev == string(b) {
			continue
		}
		changed++
		if _, err := tx.ExecContext(ctx, `INSERT INTO `+table+` (id, data) VALUES (?, ?)
			ON CONFLICT (id) DO UPDATE SET data = excluded.data`, key, string(b)); err != nil {
			return 0, fmt.Errorf("write %s %s: %w", table, key, err)
		}
	}
	for key := range old {
		if _, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE id = ?`, key); err != nil {
			return 0, fmt.Errorf("delete %s %s: %w", table, key, err)
		}
		changed++
	}
	return changed, nil
}

// storedBlobs returns table's rows as id -> JSON.
func storedBlobs(ctx context.Context, tx *sql.Tx, table string) (map[string]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, data FROM `+table)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", table, err)
	}
	defer rows.Close()
	old := map[string]string{}
	for rows.Next() {
		var id, data string
		if err := rows.Scan(&id, &data); err != nil {
			return nil, fmt.Errorf("read %s: %w", table, err)
		}
		old[id] = data
	}
	return old, rows.Err()
}
