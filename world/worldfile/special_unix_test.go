//go:build unix

package worldfile

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func TestLoadRefusesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "earth", "arkham_city", "northside")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	// Opening a FIFO would block until a writer comes: it must not be read.
	if err := syscall.Mkfifo(filepath.Join(sub, "room_a.json"), 0o644); err != nil {
		t.Fatal(err)
	}
	w, rep, err := Load(os.DirFS(dir))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	checkProblems(t, rep.Problems, []wantProblem{{roomA, "", Error, "not a regular file"}})
	if len(w.Rooms) != 0 {
		t.Errorf("loaded %d rooms from a FIFO", len(w.Rooms))
	}
}
