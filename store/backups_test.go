package store

import (
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// stepClock is a clock that moves one minute at each reading.
type stepClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *stepClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(time.Minute)
	return c.t
}

func newBackups(t testing.TB, db *DB, keep int) (*Backups, string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "backups")
	clock := &stepClock{t: time.Date(2026, 12, 5, 2, 0, 0, 0, time.UTC)}
	b := NewBackups(db, dir, keep, clock.now, testLogger(t))
	t.Cleanup(b.Close)
	return b, dir
}

// TestBackupsKeep keeps only the newest backups, and leaves other files in
// the directory alone.
func TestBackupsKeep(t *testing.T) {
	db := newDB(t)
	mustCreate(t, db, "Armitage")
	b, dir := newBackups(t, db, 3)
	os.MkdirAll(dir, 0o750)
	mine := filepath.Join(dir, "operator-notes.db")
	os.WriteFile(mine, []byte("mine"), 0o600)
	var infos []BackupInfo
	for range 5 {
		info, err := b.Take(ctxT(t), "test")
		if err != nil {
			t.Fatal(err)
		}
		infos = append(infos, info)
	}
	kept, err := b.List()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{infos[2].Path, infos[3].Path, infos[4].Path}
	if len(kept) != 3 || kept[0] != want[0] || kept[2] != want[2] {
		t.Errorf("kept %v, want %v", kept, want)
	}
	if _, err := os.Stat(mine); err != nil {
		t.Errorf("a file not made by Backups was deleted: %v", err)
	}
	st := b.Status()
	if st.Taken != 5 || st.Failed != 0 || st.Running || st.Last.Path != infos[4].Path || !st.Last.OK || st.Last.By != "test" {
		t.Errorf("status %+v", st)
	}
	if filepath.Base(infos[0].Path) != "mythos-20261205T020100.000Z.db" {
		t.Errorf("named %s", infos[0].Path)
	}
}

// TestBackupsSchedule takes a backup at each tick and refuses a second one
// while one runs.
func TestBackupsSchedule(t *testing.T) {
	db := newDB(t)
	bulkCharacters(t, db, "c", 500)
	b, _ := newBackups(t, db, 2)
	ticks := make(chan time.Time)
	b.Schedule(ticks)
	for i := 1; i <= 3; i++ {
		ticks <- time.Time{}
		waitFor(t, "a scheduled backup", func() bool { return b.Status().Taken == i })
	}
	if kept, _ := b.List(); len(kept) != 2 {
		t.Errorf("kept %d backups, want 2", len(kept))
	}
	if b.Status().Last.By != "schedule" {
		t.Errorf("last %+v, want by schedule", b.Status().Last)
	}
	if !b.begin() {
		t.Fatal("begin refused with nothing running")
	}
	if b.Start("admin", nil) {
		t.Error("Start accepted a second backup")
	}
	if _, err := b.Take(ctxT(t), "admin"); !errors.Is(err, ErrBackupRunning) {
		t.Errorf("Take while running: %v", err)
	}
}

// TestBackupsStartReports calls done with the result, and a failure
// counts, is kept in the status and leaves no file.
func TestBackupsStartReports(t *testing.T) {
	db := newDB(t)
	b, dir := newBackups(t, db, 2)
	got := make(chan BackupInfo, 1)
	if !b.Start("Armitage", func(i BackupInfo) { got <- i }) {
		t.Fatal("Start refused")
	}
	if info := <-got; !info.OK || info.By != "Armitage" {
		t.Errorf("reported %+v", info)
	}
	// A file where the directory should be makes the next one fail.
	os.RemoveAll(dir)
	os.WriteFile(dir, nil, 0o600)
	if !b.Start("Armitage", func(i BackupInfo) { got <- i }) {
		t.Fatal("Start refused")
	}
	if info := <-got; info.OK || info.Err == "" {
		t.Errorf("reported %+v, want a failure", info)
	}
	if st := b.Status(); st.Failed != 1 || st.Taken != 1 || st.Last.OK {
		t.Errorf("status %+v", st)
	}
	b.Close()
	if b.Start("late", nil) {
		t.Error("Start accepted after Close")
	}
}
