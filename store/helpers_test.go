package store

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"path/filepath"
	"testing"
	"time"
)

// t0 is a fixed instant, in a zone other than UTC and with nanoseconds, so
// that round trips are tested exactly.
func t0() time.Time {
	return time.Date(1926, time.October, 31, 23, 59, 1, 123456789, time.FixedZone("EST", -5*3600))
}

// testConfig retries fast so that failure tests stay short.
func testConfig() config {
	cfg := defaultConfig()
	cfg.readConns = 2
	cfg.minBackoff = time.Millisecond
	cfg.maxBackoff = 20 * time.Millisecond
	cfg.closeTimeout = 5 * time.Second
	return cfg
}

func testLogger(t testing.TB) *slog.Logger {
	t.Helper()
	return slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))
}

// testWriter sends log lines to t.Log.
type testWriter struct{ t testing.TB }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(string(p))
	return len(p), nil
}

// openAt opens the database at path with testConfig and closes it when the
// test ends.
func openAt(t testing.TB, path string) *DB {
	t.Helper()
	db, err := open(path, testLogger(t), testConfig())
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	t.Cleanup(func() {
		if err := db.Close(); err != nil {
			t.Errorf("close: %v", err)
		}
	})
	return db
}

// newDB opens a fresh database in a temporary directory.
func newDB(t testing.TB) *DB {
	t.Helper()
	return openAt(t, filepath.Join(t.TempDir(), "mythos.db"))
}

func ctxT(t testing.TB) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// mustCreate creates a character named name in room "start".
func mustCreate(t testing.TB, db *DB, name string) (Account, Character) {
	t.Helper()
	a, c, err := db.CreateCharacter(ctxT(t), name, "hash-"+name, "start", 100, t0())
	if err != nil {
		t.Fatalf("create %s: %v", name, err)
	}
	return a, c
}

// waitFor polls cond until it holds or a deadline passes.
func waitFor(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(time.Millisecond)
	}
}

// storedCharacter reads a character straight from the database, bypassing
// the writer's pending state.
func storedCharacter(t testing.TB, db *DB, id int64) Character {
	t.Helper()
	c, err := db.characterRow(ctxT(t), id)
	if err != nil {
		t.Fatalf("read character %d: %v", id, err)
	}
	return c
}

// storedVisits counts the visit rows of a character in the database.
func storedVisits(t testing.TB, db *DB, id int64) int {
	t.Helper()
	var n int
	if err := db.read.QueryRowContext(ctxT(t), `SELECT count(*) FROM visits WHERE character_id = ?`, id).Scan(&n); err != nil {
		t.Fatalf("count visits: %v", err)
	}
	return n
}

// execWrite runs SQL on the writer connection (triggers that make commits fail).
func execWrite(t testing.TB, db *DB, query string) {
	t.Helper()
	if _, err := db.write.ExecContext(ctxT(t), query); err != nil {
		t.Fatalf("exec %q: %v", query, err)
	}
}

// bulkCharacters inserts n characters named prefix0.. in one transaction and
// returns their ids.
func bulkCharacters(t testing.TB, db *DB, prefix string, n int) []int64 {
	t.Helper()
	ids := make([]int64, 0, n)
	ctx := ctxT(t)
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		for i := range n {
			name := fmt.Sprintf("%s%d", prefix, i)
			aid, err := insertAccount(ctx, tx, Account{Name: name, CreatedAt: t0()})
			if err != nil {
				return err
			}
			cid, err := insertCharacter(ctx, tx, Character{AccountID: aid, Name: name, RoomID: "start", Lucidity: 100})
			if err != nil {
				return err
			}
			ids = append(ids, cid)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("bulk characters: %v", err)
	}
	return ids
}

// flush waits until everything submitted is committed.
func flush(t testing.TB, db *DB) {
	t.Helper()
	if err := db.Flush(ctxT(t)); err != nil {
		t.Fatalf("flush: %v", err)
	}
}

// stored reads a character's facts straight from the database.
func stored(t testing.TB, db *DB, id int64) map[string]int64 {
	t.Helper()
	facts, err := db.storedFacts(ctxT(t), id)
	if err != nil {
		t.Fatalf("read stored facts of %d: %v", id, err)
	}
	return facts
}

// facts reads a character's facts through the writer.
func facts(t testing.TB, db *DB, id int64) map[string]int64 {
	t.Helper()
	got, err := db.Facts(ctxT(t), id)
	if err != nil {
		t.Fatalf("facts of %d: %v", id, err)
	}
	return got
}

// lucidityLog reads up to 100 committed log entries of a character.
func lucidityLog(t testing.TB, db *DB, id int64) []LucidityChange {
	t.Helper()
	log, err := db.LucidityLog(ctxT(t), id, 100)
	if err != nil {
		t.Fatalf("lucidity log of %d: %v", id, err)
	}
	return log
}

// change is a LucidityChange with its time normalised as the store reads it back.
func change(id int64, delta int, reason string, at time.Time) LucidityChange {
	return LucidityChange{CharacterID: id, Delta: delta, Reason: reason, At: normalTime(at)}
}
