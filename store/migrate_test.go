package store

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func migrationFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys["migrations/"+name] = &fstest.MapFile{Data: []byte(text)}
	}
	return fsys
}

func TestMigrationFailureNamesMigrationAndKeepsEarlierOnes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mythos.db")
	cfg := testConfig()
	cfg.migrations = migrationFS(map[string]string{
		"0001_good.sql": `CREATE TABLE a (x INTEGER);`,
		"0002_bad.sql":  `CREATE TABLE b (x INTEGER); INSERT INTO nowhere VALUES (1);`,
	})
	_, err := open(path, testLogger(t), cfg)
	if err == nil {
		t.Fatal("open with a failing migration succeeded")
	}
	for _, want := range []string{path, "0002_bad.sql", "nowhere"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
	raw := rawDB(t, path)
	if got := migrationCount(t, raw); got != 1 {
		t.Fatalf("recorded %d migrations, want 1 (0001 only)", got)
	}
	var n int
	if err := raw.QueryRow(`SELECT count(*) FROM sqlite_master WHERE name = 'b'`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("table of the failed migration exists (%d, %v): its transaction was not rolled back", n, err)
	}

	cfg.migrations = migrationFS(map[string]string{
		"0001_good.sql":  `CREATE TABLE a (x INTEGER);`,
		"0002_fixed.sql": `CREATE TABLE b (x INTEGER);`,
	})
	db, err := open(path, testLogger(t), cfg)
	if err != nil {
		t.Fatalf("open after fixing the migration: %v", err)
	}
	defer db.Close()
	if got := migrationCount(t, db.read); got != 2 {
		t.Fatalf("recorded %d migrations, want 2", got)
	}
}

func TestLoadMigrationsRefusesBadSets(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"none", map[string]string{"README": "x"}, "no migrations"},
		{"no number", map[string]string{"init.sql": ""}, "init.sql"},
		{"zero", map[string]string{"0000_zero.sql": ""}, "0000_zero.sql"},
		{"duplicate version", map[string]string{"0001_a.sql": "", "1_b.sql": ""}, "share version 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadMigrations(migrationFS(tt.files))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("loadMigrations = %v, want an error saying %q", err, tt.want)
			}
		})
	}
}

func TestEmbeddedMigrationsAreOrdered(t *testing.T) {
	ms, err := loadMigrations(migrationFiles)
	if err != nil {
		t.Fatal(err)
	}
	for i, m := range ms {
		if m.version != i+1 {
			t.Errorf("migration %s has version %d, want %d (no gaps)", m.name, m.version, i+1)
		}
	}
}

// rawDB opens path without the store, to inspect it.
func rawDB(t *testing.T, path string) *sql.DB {
	t.Helper()
	raw, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { raw.Close() })
	return raw
}
