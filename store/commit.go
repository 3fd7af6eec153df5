package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"time"
)

// commitStep writes one kind of item of a batch and returns the rows it
// changed.
type commitStep func(ctx context.Context, tx *sql.Tx, p *pending) (int64, error)

// commitPending writes p in one transaction: character states, visits not
// yet recorded, facts, lucidity log entries and meta values. Items of
// characters that do not exist are skipped rather than failing the batch
// forever. It returns the number of rows written.
func commitPending(db *sql.DB, p *pending) (int64, error) {
	// The writer has no caller to cancel it; Close waits for it instead.
	ctx := context.Background()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("begin: %w", err)
	}
	var n int64
	for _, step := range []commitStep{writeCharacters, writeVisits, writeFacts, writeChanges, writeMeta, writeItems, writeBans, writeChat, writeRoomEdits, writeWorldEdits} {
		m, err := step(ctx, tx, p)
		if err != nil {
			return 0, errors.Join(err, rollback(tx))
		}
		n += m
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
	stmt, err := prepare(ctx, tx, "character update",
		`UPDATE characters SET room_id = ?, lucidity = ?, residual = ?, last_active = ?,
			attributes = ?, money = ?, wounds = ?, xp = ?, prompt = ? WHERE id = ?`)
	if err != nil {
		return 0, err
	}
	defer stmt.close()
	for _, id := range sortedKeys(p.chars) {
		st := p.chars[id]
		if err := stmt.exec(st.RoomID, st.Lucidity, st.Residual, toNanos(st.LastActive),
			encodeAttributes(st.Attributes), st.Money, st.Wounds, st.XP, st.Prompt, id); err != nil {
			return 0, fmt.Errorf("update character %d: %w", id, err)
		}
	}
	return stmt.rows, nil
}

func writeVisits(ctx context.Context, tx *sql.Tx, p *pending) (int64, error) {
	if p.visits.n == 0 {
		return 0, nil
	}
	stmt, err := prepare(ctx, tx, "visit insert", `INSERT OR IGNORE INTO visits (character_id, room_id, first_at)
		SELECT ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM characters WHERE id = ?1)`)
	if err != nil {
		return 0, err
	}
	defer stmt.close()
	err = p.visits.eachSorted(func(char int64, room string, at time.Time) error {
		if err := stmt.exec(char, room, toNanos(at)); err != nil {
			return fmt.Errorf("insert visit %d %s: %w", char, room, err)
		}
		return nil
	})
	return stmt.rows, err
}

// batchStmt is a statement prepared in a transaction that runs once per
// item and counts the rows it changed.
type batchStmt struct {
	ctx  context.Context
	stmt *sql.Stmt
	rows int64
}

// prepare prepares query in tx; what names it in the error.
func prepare(ctx context.Context, tx *sql.Tx, what, query string) (*batchStmt, error) {
	stmt, err := tx.PrepareContext(ctx, query)
	if err != nil {
		return nil, fmt.Errorf("prepare %s: %w", what, err)
	}
	return &batchStmt{ctx: ctx, stmt: stmt}, nil
}

// exec runs the statement with args and adds the rows it changed.
func (s *batchStmt) exec(args ...any) error {
	res, err := s.stmt.ExecContext(s.ctx, args...)
	if err != nil {
		return err
	}
	s.rows += affected(res)
	return nil
}

func (s *batchStmt) close() {
	s.stmt.Close() //nolint:errcheck // closing a statement of a finished transaction cannot lose data
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
