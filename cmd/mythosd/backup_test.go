package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"mythosd/store"
)

// sleeper is the name of the i-th test character: Sleeperaa, Sleeperab, ...
// (names have letters only).
func sleeper(i int) string {
	return "Sleeper" + string(rune('a'+i/26%26)) + string(rune('a'+i%26))
}

// sleepers connects n telnet players, creating characters named sleeper(i)
// a few at a time (no more than the password hasher lets one address have
// waiting), and returns their clients.
func sleepers(t *testing.T, addr string, n int) []*rawClient {
	t.Helper()
	clients := make([]*rawClient, n)
	sem := make(chan struct{}, 4)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			c := dial(t, addr)
			c.createCharacter(sleeper(i), "lanterns1")
			clients[i] = c
		})
	}
	wg.Wait()
	if t.Failed() {
		t.FailNow()
	}
	return clients
}

// keepLooking has every client look, over and over, until stop is closed; each
// command makes its character dirty, so the store writer commits all the
// while.
func keepLooking(clients []*rawClient, stop <-chan struct{}) *sync.WaitGroup {
	var wg sync.WaitGroup
	for _, c := range clients {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				c.send("look")
				c.expect("Exits:")
			}
		})
	}
	return &wg
}

// runCLI runs a subcommand and returns its status and output.
func runCLI(run func([]string, func(string) string, io.Writer, io.Writer) int, args ...string) (int, string) {
	var out bytes.Buffer
	code := run(args, func(string) string { return "" }, &out, &out)
	return code, out.String()
}

// TestBackupWhilePlaying takes backups, with `mythosd backup` and in the
// server, while 200 players play and the writer commits; restore refuses
// while the server runs, and once it is stopped brings the backup back:
// its integrity is checked, every character is there and logs in.
func TestBackupWhilePlaying(t *testing.T) {
	const n = 200
	dir := t.TempDir()
	cfg := testConfig(dir)
	cfg.MaxConns = 2 * n
	srv := startServer(t, cfg)
	clients := sleepers(t, srv.addr("telnet"), n)
	stop := make(chan struct{})
	playing := keepLooking(clients, stop)
	commits := srv.db.Commits()
	waitCond(t, "commits while playing", func() bool { return srv.db.Commits() > commits+5 })

	out := filepath.Join(t.TempDir(), "b.db")
	if code, text := runCLI(runBackup, "-data", dir, "-out", out); code != 0 || !strings.Contains(text, "integrity ok") {
		t.Fatalf("backup: %d %s", code, text)
	}
	if code, text := runCLI(runBackup, "-data", dir, "-out", out); code != 1 || !strings.Contains(text, "already exists") {
		t.Errorf("a second backup over the first: %d %s", code, text)
	}
	inServer, err := srv.backups.Take(context.Background(), "test")
	if err != nil || !inServer.OK || filepath.Dir(inServer.Path) != filepath.Join(dir, "backups") {
		t.Errorf("backup in the server: %+v, %v", inServer, err)
	}
	if code, text := runCLI(runRestore, "-data", dir, "-from", out); code != 1 || !strings.Contains(text, "a server is running") {
		t.Errorf("restore while the server runs: %d %s", code, text)
	}
	close(stop)
	playing.Wait()
	stopServer(t, srv)

	code, text := runCLI(runRestore, "-data", dir, "-from", out)
	if code != 0 || !strings.Contains(text, "integrity ok") || !strings.Contains(text, "kept as") {
		t.Fatalf("restore: %d %s", code, text)
	}
	restored := startServer(t, testConfig(dir))
	for _, i := range []int{0, n / 2, n - 1} {
		c := dial(t, restored.addr("telnet"))
		if got := c.login(sleeper(i), "lanterns1"); !strings.Contains(got, "Exits:") {
			t.Errorf("%s after the restore: %q", sleeper(i), got)
		}
	}
	for i := range n {
		if _, err := restored.db.AccountByName(context.Background(), sleeper(i)); err != nil {
			t.Fatalf("%s is not in the restored database: %v", sleeper(i), err)
		}
	}
}

// TestRestoreRefusesCorrupt leaves the database alone when the backup is
// corrupt, missing or no database at all.
func TestRestoreRefusesCorrupt(t *testing.T) {
	dir := t.TempDir()
	srv := startServer(t, testConfig(dir))
	dial(t, srv.addr("telnet")).createCharacter("Armitage", "lanterns1")
	good := filepath.Join(t.TempDir(), "good.db")
	if code, text := runCLI(runBackup, "-data", dir, "-out", good); code != 0 {
		t.Fatalf("backup: %s", text)
	}
	stopServer(t, srv)
	raw, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	for i := len(raw) / 2; i < len(raw)/2+8192 && i < len(raw); i++ {
		raw[i] ^= 0x5a
	}
	bad := filepath.Join(t.TempDir(), "bad.db")
	os.WriteFile(bad, raw, 0o600)
	text := filepath.Join(t.TempDir(), "text.db")
	os.WriteFile(text, []byte("SQLite format 3\x00 but only this"), 0o600)
	for _, tc := range []struct{ name, from, want string }{
		{"corrupt", bad, "failed its check"},
		{"text", text, "failed its check"},
		{"missing", filepath.Join(dir, "none.db"), "no such file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out := runCLI(runRestore, "-data", dir, "-from", tc.from)
			if code != 1 || !strings.Contains(out, tc.want) {
				t.Errorf("restore: %d %s; want 1 and %q", code, out, tc.want)
			}
		})
	}
	if entries, _ := filepath.Glob(filepath.Join(dir, dbFile+".replaced-*")); len(entries) != 0 {
		t.Errorf("a refused restore moved the database aside: %v", entries)
	}
	db, err := store.Open(filepath.Join(dir, dbFile), slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.AccountByName(context.Background(), "armitage"); err != nil {
		t.Errorf("the database changed: %v", err)
	}
}

// TestBackupRestoreUsage answers bad arguments with the usage and status 2.
func TestBackupRestoreUsage(t *testing.T) {
	for _, tc := range []struct {
		name string
		run  func([]string, func(string) string, io.Writer, io.Writer) int
		args []string
	}{
		{"backup without -out", runBackup, []string{"-data", "x"}},
		{"backup with an argument", runBackup, []string{"-out", "f", "extra"}},
		{"backup with a bad flag", runBackup, []string{"-nope"}},
		{"restore without -from", runRestore, []string{"-data", "x"}},
		{"restore with an argument", runRestore, []string{"-from", "f", "extra"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if code, out := runCLI(tc.run, tc.args...); code != 2 || !strings.Contains(out, "-data") && !strings.Contains(out, "usage") {
				t.Errorf("status %d, output %q", code, out)
			}
		})
	}
}

// TestSecondServerRefused: the data directory's lock keeps a second server
// off a database in use.
func TestSecondServerRefused(t *testing.T) {
	dir := t.TempDir()
	startServer(t, testConfig(dir))
	_, err := start(context.Background(), testConfig(dir), slog.New(slog.DiscardHandler))
	if err == nil || !strings.Contains(err.Error(), "another mythosd is running") {
		t.Fatalf("second server: %v", err)
	}
}

// waitCond polls cond until it holds, or fails after waitLimit.
func waitCond(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(waitLimit)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(time.Millisecond)
	}
}
