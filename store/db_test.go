package store

import (
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestOpenMigrateReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "not", "yet", "there", "mythos.db")
	db, err := open(path, testLogger(t), testConfig())
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	ctx := ctxT(t)
	checkPragmas(t, db)
	if got := migrationCount(t, db.read); got != embeddedMigrations(t) {
		t.Fatalf("schema_migrations has %d rows, want %d", got, embeddedMigrations(t))
	}
	if err := db.MetaSet(ctx, "clock", "1926-10-31"); err != nil {
		t.Fatalf("meta set: %v", err)
	}
	if err := db.Close(); err != nil {
		t.Fatalf("close: %v", err)
	}

	db = openAt(t, path)
	if got := migrationCount(t, db.read); got != embeddedMigrations(t) {
		t.Fatalf("after reopen schema_migrations has %d rows, want %d", got, embeddedMigrations(t))
	}
	if v, err := db.MetaGet(ctx, "clock"); err != nil || v != "1926-10-31" {
		t.Fatalf("meta after reopen = %q, %v", v, err)
	}
	if err := db.Ping(ctx); err != nil {
		t.Fatalf("ping: %v", err)
	}
}

// checkPragmas checks WAL, foreign keys and the busy timeout on both pools,
// and that the reader pool refuses writes.
func checkPragmas(t *testing.T, db *DB) {
	t.Helper()
	ctx := ctxT(t)
	for name, pool := range map[string]*sql.DB{"read": db.read, "write": db.write} {
		var mode string
		var fk, busy int
		if err := pool.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
			t.Errorf("%s journal_mode = %q, %v; want wal", name, mode, err)
		}
		if err := pool.QueryRowContext(ctx, `PRAGMA foreign_keys`).Scan(&fk); err != nil || fk != 1 {
			t.Errorf("%s foreign_keys = %d, %v; want 1", name, fk, err)
		}
		if err := pool.QueryRowContext(ctx, `PRAGMA busy_timeout`).Scan(&busy); err != nil || busy != 5000 {
			t.Errorf("%s busy_timeout = %d, %v; want 5000", name, busy, err)
		}
	}
	if _, err := db.read.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES ('x', 'y')`); err == nil {
		t.Error("reader pool accepted a write")
	}
}

func migrationCount(t *testing.T, pool *sql.DB) int {
	t.Helper()
	var n int
	if err := pool.QueryRowContext(ctxT(t), `SELECT count(*) FROM schema_migrations`).Scan(&n); err != nil {
		t.Fatalf("count migrations: %v", err)
	}
	return n
}

func embeddedMigrations(t *testing.T) int {
	t.Helper()
	ms, err := loadMigrations(migrationFiles)
	if err != nil {
		t.Fatalf("load migrations: %v", err)
	}
	return len(ms)
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	notDB := filepath.Join(dir, "notes.db")
	writeFile(t, notDB, strings.Repeat("Ph'nglui mglw'nafh Cthulhu R'lyeh wgah'nagl fhtagn. ", 100))
	plainFile := filepath.Join(dir, "plain")
	writeFile(t, plainFile, "a file, not a directory")
	tests := []struct {
		name string
		path string
		want string // in the error besides the path
	}{
		{"not a sqlite file", notDB, "not a database"},
		{"parent is a file", filepath.Join(plainFile, "mythos.db"), "create directory"},
		{"path is a directory", dir, "unable to open"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkOpenFails(t, tt.path, tt.want)
		})
	}
	t.Run("empty path", func(t *testing.T) {
		if _, err := Open("", nil); !errors.Is(err, ErrInvalid) {
			t.Fatalf("Open(\"\") = %v, want ErrInvalid", err)
		}
	})
	t.Run("read-only directory", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("root writes into read-only directories")
		}
		ro := filepath.Join(t.TempDir(), "ro")
		if err := os.Mkdir(ro, 0o500); err != nil {
			t.Fatal(err)
		}
		checkOpenFails(t, filepath.Join(ro, "mythos.db"), "unable to open")
	})
}

func checkOpenFails(t *testing.T, path, want string) {
	t.Helper()
	db, err := Open(path, testLogger(t))
	if err == nil {
		db.Close()
		t.Fatalf("Open(%s) succeeded", path)
	}
	if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), want) {
		t.Fatalf("Open(%s) error %q should name the path and say %q", path, err, want)
	}
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mythos.db")
	db, err := open(path, testLogger(t), testConfig())
	if err != nil {
		t.Fatal(err)
	}
	execWrite(t, db, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, '9999_future.sql', 0)`)
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	_, err = Open(path, testLogger(t))
	if !errors.Is(err, ErrSchemaTooNew) {
		t.Fatalf("open newer database: %v, want ErrSchemaTooNew", err)
	}
	for _, want := range []string{path, "9999", "newer"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
}

func TestCloseTwiceAndUseAfterClose(t *testing.T) {
	db, err := open(filepath.Join(t.TempDir(), "mythos.db"), nil, testConfig())
	if err != nil {
		t.Fatal(err)
	}
	_, c := mustCreate(t, db, "Wilmarth")
	if err := db.Close(); err != nil {
		t.Fatalf("first close: %v", err)
	}
	if err := db.Close(); err != nil {
		t.Fatalf("second close: %v", err)
	}
	if db.Submit(Batch{Characters: map[int64]CharacterState{c.ID: {RoomID: "late"}}}) {
		t.Error("Submit after Close accepted the batch")
	}
	if _, err := db.AccountByName(ctxT(t), "Wilmarth"); err == nil {
		t.Error("AccountByName after Close succeeded")
	}
	if err := db.Ping(ctxT(t)); err == nil {
		t.Error("Ping after Close succeeded")
	}
	if err := db.Flush(ctxT(t)); err != nil {
		t.Errorf("Flush after Close with nothing pending: %v", err)
	}
}

func TestPathWithURICharacters(t *testing.T) {
	path := filepath.Join(t.TempDir(), "dir #1", "r'lyeh?mode=memory&x=%41.db")
	db := openAt(t, path)
	mustCreate(t, db, "Dyer")
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("database not at its path: %v", err)
	}
}
