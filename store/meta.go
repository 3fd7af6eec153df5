package store

import (
	"context"
	"fmt"
)

// MetaGet returns the value stored under key, or ErrNotFound.
func (db *DB) MetaGet(ctx context.Context, key string) (string, error) {
	var v string
	if err := db.read.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = ?`, key).Scan(&v); err != nil {
		return "", fmt.Errorf("meta %s: %w", key, notFound(err))
	}
	return v, nil
}

// MetaSet stores value under key, replacing any value there.
func (db *DB) MetaSet(ctx context.Context, key, value string) error {
	if _, err := db.write.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value); err != nil {
		return fmt.Errorf("set meta %s: %w", key, err)
	}
	return nil
}
