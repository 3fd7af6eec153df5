package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// writeLoad submits a batch touching every character, one after another,
// as the world loop would each tick, until stop is closed. It returns
// when the last one is submitted.
func writeLoad(db *DB, ids []int64, stop <-chan struct{}) *sync.WaitGroup {
	var wg sync.WaitGroup
	wg.Go(func() {
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			db.Submit(Batch{Characters: benchStates(i, ids),
				Changes: []LucidityChange{{CharacterID: ids[i%len(ids)], Delta: -1, Reason: "passive_flux", At: t0()}}})
			db.Flush(context.Background()) //nolint:errcheck // the test checks the commits
		}
	})
	return &wg
}

// TestBackupWhileWriting takes a backup while the writer commits, then
// opens the copy: it passes its check and holds every character.
func TestBackupWhileWriting(t *testing.T) {
	db := newDB(t)
	ids := bulkCharacters(t, db, "sleeper", 2000)
	stop := make(chan struct{})
	load := writeLoad(db, ids, stop)
	waitFor(t, "the first commits", func() bool { return db.Commits() > 2 })
	dest := filepath.Join(t.TempDir(), "copy.db")
	info, err := db.Backup(ctxT(t), dest)
	close(stop)
	load.Wait()
	if err != nil {
		t.Fatal(err)
	}
	if !info.OK || info.Size == 0 || info.Pages == 0 || info.Path != dest {
		t.Errorf("info %+v: want ok, a size and pages", info)
	}
	for _, leftover := range []string{dest + partialSuffix, dest + "-wal", dest + "-journal"} {
		if _, err := os.Stat(leftover); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s is left beside the backup", leftover)
		}
	}
	copyDB := openAt(t, dest)
	for _, i := range []int{0, 1999} {
		if c := storedCharacter(t, copyDB, ids[i]); c.Name != fmt.Sprintf("sleeper%d", i) {
			t.Errorf("character %d in the copy is %+v", ids[i], c)
		}
	}
}

// TestBackupFile backs up a database that another connection holds open.
func TestBackupFile(t *testing.T) {
	db := newDB(t)
	mustCreate(t, db, "Armitage")
	dest := filepath.Join(t.TempDir(), "copy.db")
	if _, err := BackupFile(ctxT(t), db.Path(), dest); err != nil {
		t.Fatal(err)
	}
	if _, err := openAt(t, dest).AccountByName(ctxT(t), "armitage"); err != nil {
		t.Errorf("the copy lacks Armitage: %v", err)
	}
	if _, err := BackupFile(ctxT(t), filepath.Join(t.TempDir(), "none.db"), dest+"2"); err == nil {
		t.Error("a backup of a database that does not exist succeeded")
	}
}

// TestBackupCancelled leaves no partial file behind.
func TestBackupCancelled(t *testing.T) {
	db := newDB(t)
	bulkCharacters(t, db, "c", 3000)
	ctx, cancel := context.WithCancel(ctxT(t))
	cancel()
	dest := filepath.Join(t.TempDir(), "copy.db")
	info, err := db.Backup(ctx, dest)
	if err == nil || info.OK || info.Err == "" {
		t.Fatalf("a cancelled backup: %+v, %v", info, err)
	}
	entries, _ := os.ReadDir(filepath.Dir(dest))
	if len(entries) != 0 {
		t.Errorf("left behind: %v", entries)
	}
}

// corruptFile writes garbage over the middle of a database file.
func corruptFile(t testing.TB, path string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, _ := f.Stat()
	garbage := make([]byte, 8192)
	for i := range garbage {
		garbage[i] = byte(i*7 + 3)
	}
	if _, err := f.WriteAt(garbage, st.Size()/2); err != nil {
		t.Fatal(err)
	}
}

// TestCheckBackup refuses every file that is not a sound mythosd database.
func TestCheckBackup(t *testing.T) {
	dir := t.TempDir()
	db := newDB(t)
	bulkCharacters(t, db, "c", 2000)
	good := filepath.Join(dir, "good.db")
	if _, err := db.Backup(ctxT(t), good); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "bad.db")
	if err := copyFile(good, bad); err != nil {
		t.Fatal(err)
	}
	corruptFile(t, bad)
	text := filepath.Join(dir, "notes.db")
	os.WriteFile(text, []byte("not a database at all, only notes"), 0o600)
	empty := filepath.Join(dir, "empty.db")
	os.WriteFile(empty, nil, 0o600)
	for _, tc := range []struct {
		name, path string
		ok         bool
	}{
		{"good", good, true},
		{"corrupt", bad, false},
		{"text", text, false},
		{"empty", empty, false},
		{"missing", filepath.Join(dir, "missing.db"), false},
		{"directory", dir, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := CheckBackup(ctxT(t), tc.path)
			if (err == nil) != tc.ok {
				t.Fatalf("CheckBackup = %v, want ok %v", err, tc.ok)
			}
		})
	}
}

// TestRestore replaces a database with a backup and keeps the old one
// aside; it refuses while the database is locked and when the backup is
// corrupt, leaving the database as it was.
func TestRestore(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "mythos.db")
	db := openAt(t, path)
	mustCreate(t, db, "Armitage")
	backup := filepath.Join(dir, "b.db")
	if _, err := db.Backup(ctxT(t), backup); err != nil {
		t.Fatal(err)
	}
	mustCreate(t, db, "Wilmarth")
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 12, 5, 3, 0, 0, 0, time.UTC)

	unlock, err := Lock(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Restore(ctxT(t), path, backup, now); !errors.Is(err, ErrInUse) {
		t.Errorf("restore while locked: %v, want ErrInUse", err)
	}
	unlock()
	bad := filepath.Join(dir, "bad.db")
	copyFile(backup, bad)
	corruptFile(t, bad)
	if _, err := Restore(ctxT(t), path, bad, now); !errors.Is(err, ErrBadBackup) {
		t.Errorf("restore of a corrupt file: %v, want ErrBadBackup", err)
	}

	aside, err := Restore(ctxT(t), path, backup, now)
	if err != nil {
		t.Fatal(err)
	}
	if want := path + ".replaced-20261205T030000Z"; aside != want {
		t.Errorf("aside = %q, want %q", aside, want)
	}
	restored := openAt(t, path)
	if _, err := restored.AccountByName(ctxT(t), "armitage"); err != nil {
		t.Errorf("restored database lacks Armitage: %v", err)
	}
	if _, err := restored.AccountByName(ctxT(t), "wilmarth"); !errors.Is(err, ErrNotFound) {
		t.Errorf("restored database has Wilmarth, made after the backup: %v", err)
	}
	if _, err := openAt(t, aside).AccountByName(ctxT(t), "wilmarth"); err != nil {
		t.Errorf("the database kept aside lacks Wilmarth: %v", err)
	}
}

// TestLockExcludes lets one holder at a time.
func TestLockExcludes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mythos.db")
	unlock, err := Lock(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Lock(path); !errors.Is(err, ErrInUse) {
		t.Fatalf("second lock: %v, want ErrInUse", err)
	}
	unlock()
	unlock2, err := Lock(path)
	if err != nil {
		t.Fatalf("lock after unlock: %v", err)
	}
	unlock2()
}

// TestBackupIsOneMoment: the writer commits between two steps of a
// backup, and the copy is the state of the moment the backup began, not a
// mix, and needed no restart.
func TestBackupIsOneMoment(t *testing.T) {
	db := newDB(t)
	ids := bulkCharacters(t, db, "c", 25_000) // more than one step of pages
	ctx := ctxT(t)
	src, err := db.read.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	path := filepath.Join(t.TempDir(), "copy.db")
	dst, err := openPool(ctx, fileURI(path, commonParams()), 1)
	if err != nil {
		t.Fatal(err)
	}
	defer dst.Close()
	dconn, err := dst.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer dconn.Close()
	pauses := 0
	commit := func(ctx context.Context) error {
		pauses++
		if pauses > 1 {
			return nil
		}
		last := ids[len(ids)-1]
		db.Submit(Batch{Characters: map[int64]CharacterState{ids[0]: state(ids[0], "elsewhere", 50, t0()),
			last: state(last, "elsewhere", 50, t0())}})
		return db.Flush(ctx) // would time out if the backup blocked the writer
	}
	var info BackupInfo
	if err := inReadTx(ctx, src, func() error { return stepBackup(ctx, src, dconn, &info, commit) }); err != nil {
		t.Fatal(err)
	}
	dconn.Close()
	dst.Close()
	if pauses == 0 || info.Pages <= backupPages {
		t.Fatalf("%d pages, %d pauses: the backup took one step", info.Pages, pauses)
	}
	copied := openAt(t, path)
	for _, id := range []int64{ids[0], ids[len(ids)-1]} {
		if got := storedCharacter(t, db, id).RoomID; got != "elsewhere" {
			t.Errorf("the live database has character %d in %q, want the committed change", id, got)
		}
		if got := storedCharacter(t, copied, id).RoomID; got != "start" {
			t.Errorf("the copy has character %d in %q, want the state when the backup began", id, got)
		}
	}
}

// TestRestoreSchemaTooNew backs up a database that a newer mythosd
// migrated, but refuses to restore it.
func TestRestoreSchemaTooNew(t *testing.T) {
	db := newDB(t)
	execWrite(t, db, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, '9999_future.sql', 0)`)
	dest := filepath.Join(t.TempDir(), "b.db")
	if _, err := db.Backup(ctxT(t), dest); err != nil {
		t.Fatalf("backup of a newer schema: %v", err)
	}
	path := filepath.Join(t.TempDir(), "mythos.db")
	if _, err := Restore(ctxT(t), path, dest, time.Now()); !errors.Is(err, ErrSchemaTooNew) {
		t.Fatalf("restore of a newer schema: %v, want ErrSchemaTooNew", err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the refused restore wrote the database: %v", err)
	}
}
