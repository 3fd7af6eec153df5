package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mythosd/store"
)

// TestGrantRole runs grant-role on a database holding one account: the
// roles it grants and revokes are what the store then reads.
func TestGrantRole(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, dbFile)
	db, err := store.Open(path, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := db.CreateCharacter(context.Background(), "Whateley", "hash", "ward", 100, time.Unix(0, 0)); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args           []string
		code           int
		out            string
		admin, builder bool
	}{
		{[]string{"-data", dir, "whateley", "builder"}, 0, "whateley is now a builder", false, true},
		{[]string{"-data", dir, "Whateley", "ADMIN"}, 0, "Whateley is now an admin", true, true},
		{[]string{"-data", dir, "-revoke", "Whateley", "builder"}, 0, "Whateley is no longer a builder", true, false},
		{[]string{"-data", dir, "Whateley", "wizard"}, 2, `no role "wizard"`, true, false},
		{[]string{"-data", dir, "Whateley", "player"}, 2, `no role "player"`, true, false},
		{[]string{"-data", dir, "nobody", "admin"}, 1, `no account called "nobody"`, true, false},
		{[]string{"-data", dir, "Whateley"}, 2, "usage: mythosd grant-role", true, false},
		{[]string{"-data", dir, "-revoke", "Whateley", "admin"}, 0, "Whateley is no longer an admin", false, false},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		code := runGrantRole(tt.args, noEnv, &stdout, &stderr)
		if code != tt.code || !strings.Contains(stdout.String()+stderr.String(), tt.out) {
			t.Errorf("grant-role %q = %d, %q %q; want %d with %q", tt.args, code, stdout.String(), stderr.String(), tt.code, tt.out)
		}
		db, err := store.Open(path, slog.New(slog.NewTextHandler(io.Discard, nil)))
		if err != nil {
			t.Fatal(err)
		}
		a, err := db.AccountByName(context.Background(), "Whateley")
		db.Close()
		if err != nil || a.Admin != tt.admin || a.Builder != tt.builder {
			t.Errorf("after grant-role %q: %+v, %v; want admin %v builder %v", tt.args, a, err, tt.admin, tt.builder)
		}
	}
}
