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
	at := toNanos(cutoff)
	var last sql.NullInt64
	if err := db.read.QueryRowContext(ctx, `SELECT max(id) FROM lucidity_log WHERE at < ?`, at).Scan(&last); err != nil {
		return 0, fmt.Errorf("prune lucidity log: find the rows to go: %w", err)
	}
	var total int64
	for last.Valid {
		res, err := db.write.ExecContext(ctx, `DELETE FROM lucidity_log WHERE id IN (
			SELECT id FROM lucidity_log WHERE id <= ? AND at < ? ORDER BY id LIMIT ?)`, last.Int64, at, pruneBatch)
		if err != nil {
			return total, fmt.Errorf("prune lucidity log before %s: %w", cutoff.UTC().Format(time.RFC3339), err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return total, fmt.Errorf("prune lucidity log: %w", err)
		}
		total += n
		if n < pruneBatch {
			break
		}
	}
	return total, nil
}
