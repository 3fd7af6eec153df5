package world

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mythosd/store"
)

// adminForBackup creates name and logs them back in as an admin.
func (tw *testWorld) adminForBackup(t testing.TB, name, password string) *player {
	t.Helper()
	p := tw.create(t, name)
	p.do("quit")
	if err := tw.db.SetAdmin(context.Background(), name, true); err != nil {
		t.Fatal(err)
	}
	tw.tick()
	tw.flush(t)
	admin, _ := tw.login(t, name, password)
	return admin
}

// awaitText collects what p is sent until it holds want, or fails.
func (p *player) awaitText(t testing.TB, want string) string {
	t.Helper()
	var seen strings.Builder
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(seen.String(), want) {
		if time.Now().After(deadline) {
			t.Fatalf("never saw %q; saw %q", want, seen.String())
		}
		seen.WriteString(p.conn.take())
		time.Sleep(time.Millisecond)
	}
	return seen.String()
}

// TestAdminBackup: `admin backup` is no command to a player; to an admin
// it starts a backup off the loop and tells them when it is done; the
// console's StartBackup starts another, and the snapshot shows both.
func TestAdminBackup(t *testing.T) {
	dir := t.TempDir()
	var backups *store.Backups
	tw := newTestWorldWith(t, dir, func(cfg *Config) {
		backups = store.NewBackups(cfg.Store.(*store.DB), filepath.Join(dir, "backups"), 5, nil, nil)
		cfg.Backups = backups
	})
	t.Cleanup(backups.Close) // before the world and its store stop
	bob := tw.create(t, "Bob")
	wantContains(t, bob.do("admin backup"), "grope for the meaning")
	if got := tw.Snapshot().Backup.Taken; got != 0 {
		t.Fatalf("a player's admin backup took %d backups", got)
	}

	admin := tw.adminForBackup(t, "Alice", "secret1")
	wantContains(t, admin.do("admin backup"), "Backup started")
	done := admin.awaitText(t, "Backup done: ")
	wantContains(t, done, filepath.Join(dir, "backups", "mythos-"))
	if st := tw.Snapshot().Backup; st.Taken != 1 || !st.Last.OK || st.Last.By != "Alice" {
		t.Errorf("snapshot backup %+v", st)
	}
	if err := tw.StartBackup(context.Background(), "console-key"); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for tw.Snapshot().Backup.Taken != 2 {
		if time.Now().After(deadline) {
			t.Fatalf("the console's backup never finished: %+v", tw.Snapshot().Backup)
		}
		time.Sleep(time.Millisecond)
	}
	if by := tw.Snapshot().Backup.Last.By; by != "console-key" {
		t.Errorf("last backup by %q", by)
	}
}

// TestAdminBackupOff: without backups configured both ways refuse clearly.
func TestAdminBackupOff(t *testing.T) {
	tw := newTestWorld(t, "")
	admin := tw.adminForBackup(t, "Alice", "secret1")
	wantContains(t, admin.do("admin backup"), "takes no backups")
	if err := tw.StartBackup(context.Background(), "key"); !errors.Is(err, ErrNoBackups) {
		t.Errorf("StartBackup = %v, want ErrNoBackups", err)
	}
}
