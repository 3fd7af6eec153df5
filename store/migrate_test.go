package store

import (
	"database/sql"
	"path/filepath"
	"strconv"
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
	// Versions are handed out to branches ahead of time (0005 bans, 0006
	// items), so a branch may miss one of another's; they only ever rise.
	for i, m := range ms {
		if m.version <= i || (i > 0 && m.version <= ms[i-1].version) {
			t.Errorf("migration %s has version %d after %d", m.name, m.version, i)
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

// embeddedUpTo returns the embedded migrations up to version last.
func embeddedUpTo(t *testing.T, last int) fstest.MapFS {
	t.Helper()
	ms, err := loadMigrations(migrationFiles)
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, m := range ms {
		if m.version <= last {
			fsys[migrationDir+"/"+m.name] = &fstest.MapFile{Data: []byte(m.sql)}
		}
	}
	return fsys
}

// TestMigrationFrom0001KeepsData fills a database that has only the first
// migration, then opens it with every migration: the data stays and the
// lucidity columns and tables work.
func TestMigrationFrom0001KeepsData(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mythos.db")
	cfg := testConfig()
	cfg.migrations = embeddedUpTo(t, 1)
	old, err := open(path, testLogger(t), cfg)
	if err != nil {
		t.Fatal(err)
	}
	// What a mythosd of schema 0001 wrote, in its SQL.
	at := t0().UnixNano()
	execWrite(t, old, `INSERT INTO accounts (id, name, name_key, password_hash, created_at)
		VALUES (7, 'Tillinghast', 'tillinghast', 'hash', `+strconv.FormatInt(at, 10)+`)`)
	execWrite(t, old, `INSERT INTO characters (id, account_id, name, room_id, lucidity, created_at, last_active)
		VALUES (11, 7, 'Tillinghast', 'benevolent_street', 64, `+strconv.FormatInt(at, 10)+`, NULL)`)
	execWrite(t, old, `INSERT INTO visits (character_id, room_id, first_at) VALUES (11, 'benevolent_street', NULL)`)
	execWrite(t, old, `INSERT INTO meta (key, value) VALUES ('clock', '1920')`)
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}
	a, c := Account{ID: 7}, Character{ID: 11}

	db := openAt(t, path)
	if got := migrationCount(t, db.read); got != embeddedMigrations(t) {
		t.Fatalf("%d migrations recorded after upgrade, want %d", got, embeddedMigrations(t))
	}
	got, err := db.CharacterByAccount(ctxT(t), a.ID)
	want := Character{ID: c.ID, AccountID: a.ID, Name: "Tillinghast", RoomID: "benevolent_street", Lucidity: 64,
		CreatedAt: t0().UTC()}
	if err != nil || got != want {
		t.Fatalf("character after upgrade = %+v, %v; want %+v", got, err, want)
	}
	if n := storedVisits(t, db, c.ID); n != 1 {
		t.Errorf("%d visits after upgrade, want 1", n)
	}
	checkMeta(t, db, "clock", "1920", db.storedMeta)
	db.Submit(Batch{Characters: map[int64]CharacterState{c.ID: withResidual(state(c.ID, "attic", 63, t0()), 420)},
		Facts:   []Fact{{c.ID, "encounters.cosmic", 1}},
		Changes: []LucidityChange{change(c.ID, -1, "encounter_cosmic", t0())}})
	flush(t, db)
	if got := storedCharacter(t, db, c.ID); got.Residual != 420 {
		t.Errorf("residual after upgrade %d, want 420", got.Residual)
	}
	if f, l := stored(t, db, c.ID), lucidityLog(t, db, c.ID); f["encounters.cosmic"] != 1 || len(l) != 1 {
		t.Errorf("facts %v and log %v after upgrade", f, l)
	}
}
