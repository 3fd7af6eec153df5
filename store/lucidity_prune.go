package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// pruneBatch is how many lucidity log rows one pruning transaction deletes,
// so that the write-behind writer waits for at most one short transaction.
const pruneBatch = 500

// PruneLucidityLog deletes the lucidity changes written before cutoff and
// returns how many it deleted. A reader finds the newest row to go (ids
// follow time, as the writer inserts oldest first); the rows up to it are
// then deleted by id range in transactions of at most pruneBatch rows on
// the writer's connection, so the write-behind writer never waits long.
// Rows with no time are kept; a zero cutoff deletes nothing.
func (db *DB) PruneLucidityLog(ctx context.Context, cutoff time.Time) (int64, error) {
	return db.pruneBefore(ctx, "lucidity_log", "lucidity log", cutoff)
}

// pruneBefore deletes the rows of table (a log with an id that follows
// time and a time column at) written before cutoff, as PruneLucidityLog
// describes; what names the log in errors. table is one of this package's
// names, never input.
func (db *DB) pruneBefore(ctx context.Context, table, what string, cutoff time.Time) (int64, error) {
	at := toNanos(cutoff)
	var last sql.NullInt64
	if err := db.read.QueryRowContext(ctx, `SELECT max(id) FROM `+table+` WHERE at < ?`, at).Scan(&last); err != nil {
		return 0, fmt.Errorf("prune %s: find the rows to go: %w", what, err)
	}
	var total int64
	for last.Valid {
		res, err := db.write.ExecContext(ctx, `DELETE FROM `+table+` WHERE id IN (
			SELECT id FROM `+table+` WHERE id <= ? AND at < ? ORDER BY id LIMIT ?)`, last.Int64, at, pruneBatch)
		if err != nil {
			return total, fmt.Errorf("prune %s before %s: %w", what, cutoff.UTC().Format(time.RFC3339), err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return total, fmt.Errorf("prune %s: %w", what, err)
		}
		total += n
		if n < pruneBatch {
			break
		}
	}
	return total, nil
}
