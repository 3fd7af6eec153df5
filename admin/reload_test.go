package admin

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"mythosd/world"
)

func (r *recorder) StartReload(_ context.Context, force bool, by string) error {
	return r.note("StartReload(%v, %s)", force, by)
}

// TestReloadAction reloads the world with W once confirmed: Enter for a
// reload that refuses to undo building, force for one that does; any
// other answer is refused before anything runs.
func TestReloadAction(t *testing.T) {
	for _, tc := range []struct {
		name  string
		input string
		ask   string
		want  []string
	}{
		{"plain", "", "players staying connected? [y/N]", []string{"StartReload(false, " + testFP + ")"}},
		{"force", "force", "undoing builders' changes since the last import? [y/N]", []string{"StartReload(true, " + testFP + ")"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			acts := &recorder{}
			m := newModel(t, &source{snap: snapshot()}, acts, 120, 40)
			m = press(t, m, "W")
			if view := m.View(); !strings.Contains(view, "reload world · Enter, or force") {
				t.Fatalf("no prompt:\n%s", view)
			}
			m = press(t, typeText(t, m, tc.input), "enter")
			if view := m.View(); !strings.Contains(view, tc.ask) {
				t.Fatalf("no question %q:\n%s", tc.ask, view)
			}
			m = press(t, m, "y")
			if got := acts.recorded(); !slices.Equal(got, tc.want) {
				t.Errorf("calls %q, want %q", got, tc.want)
			}
			if view := m.View(); !strings.Contains(view, "world reload started") {
				t.Errorf("no status:\n%s", view)
			}
		})
	}
	acts := &recorder{}
	m := press(t, typeText(t, press(t, newModel(t, &source{snap: snapshot()}, acts, 120, 40), "W"), "now"), "enter")
	if view := m.View(); !strings.Contains(view, "press Enter, or type force") {
		t.Errorf("a bad answer is not refused:\n%s", view)
	}
	if got := acts.recorded(); len(got) != 0 {
		t.Errorf("ran on a bad answer: %q", got)
	}
}

// TestReloadAndStaffLines shows the last reload (none, ok, refused,
// running) and the staff, and on an 80x24 console with every line full
// keeps a session row and every key.
func TestReloadAndStaffLines(t *testing.T) {
	at := time.Date(2026, 12, 5, 2, 30, 0, 0, time.Local)
	for _, tc := range []struct {
		name string
		set  func(s *world.Snapshot)
		want []string
	}{
		{"none", func(*world.Snapshot) {}, []string{"Reload  none since the start", "Staff  admins none  builders none"}},
		{"ok", func(s *world.Snapshot) {
			s.Reload.Last = world.ReloadInfo{At: at, By: "Armitage", Source: "(shipped)", OK: true,
				Rooms: 141, Added: 2, Updated: 3, Removed: 1, CharsMoved: 4, ItemsMoved: 5}
			s.Staff = []world.StaffInfo{staff("Armitage", true, false), staff("Curwen", false, true), staff("Whateley", true, true)}
		}, []string{"ok at 2026-12-05 02:30:00 by Armitage", "from (shipped)", "rooms 141 (+2 ~3 -1)", "moved 4 chars 5 items",
			"admins Armitage, Whateley  builders Curwen, Whateley"}},
		{"refused", func(s *world.Snapshot) {
			s.Reload = world.ReloadStatus{Running: true, Last: world.ReloadInfo{At: at, By: "console", Err: "world x refused: 2 error(s)"}}
		}, []string{"refused at 2026-12-05 02:30:00 by console", "world x refused: 2 error(s)", "running now"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			snap := snapshot()
			tc.set(snap)
			view := newModel(t, &source{snap: snap}, &recorder{}, 120, 40).View()
			for _, w := range tc.want {
				if !strings.Contains(view, w) {
					t.Errorf("view lacks %q:\n%s", w, view)
				}
			}
		})
	}
	full := snapshot()
	full.Reload.Last = world.ReloadInfo{At: at, By: "Armitage", Source: "(shipped)", OK: true}
	full.Staff = []world.StaffInfo{staff("Armitage", true, false)}
	full.Backup.Taken = 1
	full.Bans = []world.BanInfo{{Target: "192.0.2.0/24"}}
	view := newModel(t, &source{snap: full}, &recorder{}, 80, 24).View()
	checkSize(t, view, 80, 24)
	for _, w := range []string{"Reload  ok", "Staff  admins Armitage", "Backup  ", "Bans (1)", "Alice"} {
		if !strings.Contains(view, w) {
			t.Errorf("80x24 view lacks %q:\n%s", w, view)
		}
	}
}

// staff is a staff member with the roles asked for (admin may not import
// store, whose Role type the roles have).
func staff(name string, admin, builder bool) world.StaffInfo {
	s := world.StaffInfo{Name: name}
	if admin {
		s.Roles = append(s.Roles, "admin")
	}
	if builder {
		s.Roles = append(s.Roles, "builder")
	}
	return s
}

// TestKeyLinesListEveryKey: every action key is on the full key line and
// on the compact pair, each of which fits 80 cells.
func TestKeyLinesListEveryKey(t *testing.T) {
	if w := len([]rune(compactKeys1)); w > 80 {
		t.Errorf("compact key line 1 is %d cells", w)
	}
	if w := len([]rune(compactKeys2)); w > 80 {
		t.Errorf("compact key line 2 is %d cells", w)
	}
	for _, r := range "ktlbxcauBRfW" {
		k := string(r)
		if _, ok := specFor(k); !ok {
			t.Fatalf("no action on %s", k)
		}
		for _, line := range []string{keyLine, compactKeys1 + "  " + compactKeys2} {
			if !slices.Contains(strings.Fields(line), k) {
				t.Errorf("key %s missing from %q", k, line)
			}
		}
	}
	for r := 'A'; r <= 'z'; r++ {
		if _, ok := specFor(string(r)); ok && !strings.ContainsRune("ktlbxcauBRfW", r) {
			t.Errorf("action key %c is not checked here", r)
		}
	}
}
