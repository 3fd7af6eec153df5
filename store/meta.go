package store

import (
	"context"
	"database/sql"
	"fmt"
)

// MetaWorldEdited is the meta key that holds when a builder last changed
// the stored world in the game (RFC 3339, UTC). Changes made after the last
// import or export are in no world folder yet: an import would lose them.
const MetaWorldEdited = "world_edited_at"

// MetaGet returns the value stored under key, or ErrNotFound. It reads
// through the write-behind writer: a value submitted in a Batch but not yet
// committed is what it returns.
func (db *DB) MetaGet(ctx context.Context, key string) (string, error) {
	if v, ok := db.w.meta(key); ok {
		return v, nil
	}
	return db.storedMeta(ctx, key)
}

// storedMeta reads the committed value of key.
func (db *DB) storedMeta(ctx context.Context, key string) (string, error) {
	var v string
	if err := db.read.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = ?`, key).Scan(&v); err != nil {
		return "", fmt.Errorf("meta %s: %w", key, notFound(err))
	}
	return v, nil
}

// MetaSet stores value under key at once, replacing any value there. It
// bypasses the write-behind writer: a value for the same key submitted in a
// Batch and not yet committed replaces it when it commits, so give each key
// one way of writing.
func (db *DB) MetaSet(ctx context.Context, key, value string) error {
	if _, err := db.write.ExecContext(ctx, upsertMeta, key, value); err != nil {
		return fmt.Errorf("set meta %s: %w", key, err)
	}
	return nil
}

const upsertMeta = `INSERT INTO meta (key, value) VALUES (?, ?)
	ON CONFLICT (key) DO UPDATE SET value = excluded.value`

// meta returns the newest uncommitted value of key, if any.
func (w *writer) meta(key string) (v string, ok bool) {
	w.overlay(func(p *pending) {
		if s, found := p.meta[key]; found {
			v, ok = s, true
		}
	})
	return v, ok
}

// writeMeta stores the meta values of p.
func writeMeta(ctx context.Context, tx *sql.Tx, p *pending) (int64, error) {
	if len(p.meta) == 0 {
		return 0, nil
	}
	stmt, err := prepare(ctx, tx, "meta upsert", upsertMeta)
	if err != nil {
		return 0, err
	}
	defer stmt.close()
	for _, key := range sortedKeys(p.meta) {
		if err := stmt.exec(key, p.meta[key]); err != nil {
			return 0, fmt.Errorf("set meta %s: %w", key, err)
		}
	}
	return stmt.rows, nil
}
