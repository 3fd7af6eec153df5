package admin

import (
	"slices"
	"strings"
	"testing"
	"time"

	"mythosd/world"
)

// TestBackupAction starts a backup with B once confirmed, and not when
// refused.
func TestBackupAction(t *testing.T) {
	acts := &recorder{}
	m := newModel(t, &source{snap: snapshot()}, acts, 120, 40)
	m = press(t, m, "B", "n")
	if got := acts.recorded(); len(got) != 0 {
		t.Fatalf("ran though refused: %q", got)
	}
	m = press(t, m, "B")
	if view := m.View(); !strings.Contains(view, "Start a backup of the database now? [y/N]") {
		t.Fatalf("no question:\n%s", view)
	}
	m = press(t, m, "y")
	if got, want := acts.recorded(), []string{"StartBackup(" + testFP + ")"}; !slices.Equal(got, want) {
		t.Errorf("calls %q, want %q", got, want)
	}
	if view := m.View(); !strings.Contains(view, "backup started") {
		t.Errorf("no status:\n%s", view)
	}
}

// TestBackupLine shows no backup, a good one, a failed one and one running,
// at both console sizes.
func TestBackupLine(t *testing.T) {
	at := time.Date(2026, 12, 5, 2, 30, 0, 0, time.Local)
	for _, tc := range []struct {
		name string
		set  func(s *world.Snapshot)
		want []string
	}{
		{"none", func(*world.Snapshot) {}, []string{"Backup  none since the start", "taken 0  failed 0"}},
		{"ok", func(s *world.Snapshot) {
			b := &s.Backup
			b.Last.At, b.Last.OK, b.Last.By, b.Last.Size, b.Last.Took = at, true, "schedule", 3<<20+1<<19, 1500*time.Millisecond
			b.Taken = 4
		}, []string{"ok at 2026-12-05 02:30:00 by schedule", "size 3.5 MiB", "took 1.50s", "taken 4"}},
		{"failed", func(s *world.Snapshot) {
			b := &s.Backup
			b.Last.At, b.Last.By, b.Last.Err = at, "Alice", "disk full"
			b.Failed, b.Running = 1, true
		}, []string{"failed at 2026-12-05 02:30:00 by Alice", "disk full", "running now", "failed 1"}},
	} {
		for _, size := range []struct{ w, h int }{{80, 24}, {120, 40}} {
			t.Run(tc.name, func(t *testing.T) {
				snap := snapshot()
				tc.set(snap)
				view := newModel(t, &source{snap: snap}, &recorder{}, size.w, size.h).View()
				line := lineWith(view, "Backup  ")
				if tc.name == "none" && size.w < 100 {
					if line != "" {
						t.Errorf("%dx%d: the compact console shows an empty backup line %q", size.w, size.h, line)
					}
					return // the compact console leaves out what has nothing to tell
				}
				for _, want := range tc.want {
					if size.w < 100 && want != tc.want[0] {
						continue // the narrow console cuts the line
					}
					if !strings.Contains(line, want) {
						t.Errorf("%dx%d: backup line %q lacks %q", size.w, size.h, line, want)
					}
				}
			})
		}
	}
}

// lineWith returns the first line of view that contains s.
func lineWith(view, s string) string {
	for line := range strings.SplitSeq(view, "\n") {
		if strings.Contains(line, s) {
			return line
		}
	}
	return ""
}

func TestBytes(t *testing.T) {
	for n, want := range map[int64]string{0: "0 B", 1023: "1023 B", 1024: "1.0 KiB", 5 << 20: "5.0 MiB", 3 << 30: "3.0 GiB", 5 << 40: "5120.0 GiB"} {
		if got := bytes(n); got != want {
			t.Errorf("bytes(%d) = %q, want %q", n, got, want)
		}
	}
}

// plainActions are Actions that cannot start a backup.
type plainActions struct{ Actions }

// TestBackupActionUnsupported answers B clearly when the actions cannot
// start a backup.
func TestBackupActionUnsupported(t *testing.T) {
	m := newModel(t, &source{snap: snapshot()}, plainActions{&recorder{}}, 120, 40)
	m = press(t, m, "B", "y")
	if view := m.View(); !strings.Contains(view, "cannot start backups") {
		t.Errorf("no refusal shown:\n%s", view)
	}
}
