package admin

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"mythosd/world"
)

// TestPanelsShowSnapshot checks that every panel shows the figures of the
// snapshot, at the smallest and the roomy size, and that the view fills the
// terminal exactly.
func TestPanelsShowSnapshot(t *testing.T) {
	later := snapshot()
	later.At = epoch.Add(2 * time.Second)
	setStore(later, 1520, 6050) // 10 commits/s, 25 rows/s
	want := map[string][]string{
		"header":  {"2026-03-14 21:07:07", testFP},
		"ticks":   {"12,345", "100ms", "over budget 6", "812µs", "1.90ms", "2.75ms", "4.10ms", "(600)"},
		"last 10": {"640µs", "700µs", "705µs", "731µs", "(10)"},
		"late":    {"last 655µs", "late 120µs", "max late 9.50ms"},
		"flux":    {"flux 42.0µs for 3 chars, 2 changed, pass 77"},
		"graph":   {"peak 731µs"},
		"cache":   {"Room cache", "29", "98.0%", "4,321", "87", "1.25ms", "90", "11"},
		"store":   {"Store writer", "3.40ms", "10.0", "25.0", "1,520", "6,050"},
		"table":   {"Sessions  3 of 3", "NAME", "ROOM", "LCD", "TIER", "IDLE"},
		"players": {"Alice", "Orne Library", "88", "lucid", "Bob", "deranged", "1m", "Carol", "uneasy", "2h00m"},
	}
	for _, size := range []struct{ w, h int }{{80, 24}, {120, 40}, {200, 60}} {
		src := &source{snap: snapshot()}
		m := newModel(t, src, &recorder{}, 0, 0)
		m = send(t, m, tea.WindowSizeMsg{Width: size.w, Height: size.h})
		src.set(later)
		m = send(t, m, refreshMsg{})
		view := m.View()
		for panel, figures := range want {
			for _, f := range figures {
				if !strings.Contains(view, f) {
					t.Errorf("%dx%d: %s panel lacks %q:\n%s", size.w, size.h, panel, f, view)
				}
			}
		}
		// A compact console leaves out the one-line panels with nothing to
		// tell, so that the sessions keep their rows.
		if bus := strings.Contains(view, "chat bus: not connected"); bus != m.roomy() {
			t.Errorf("%dx%d: empty bus line shown: %v, want %v:\n%s", size.w, size.h, bus, m.roomy(), view)
		}
		checkSize(t, view, size.w, size.h)
	}
}

// TestRoomyShowsEverySessionColumn checks the columns that only wide
// terminals get.
func TestRoomyShowsEverySessionColumn(t *testing.T) {
	m := newModel(t, &source{snap: snapshot()}, &recorder{}, 120, 40)
	view := m.View()
	for _, f := range []string{"TRANSPORT", "CLIENT", "ADDRESS", "telnet+tls", "TINTIN++", "10.0.0.3:40022", "xterm-256color"} {
		if !strings.Contains(view, f) {
			t.Errorf("120x40 lacks %q:\n%s", f, view)
		}
	}
	narrow := newModel(t, &source{snap: snapshot()}, &recorder{}, 80, 24).View()
	if strings.Contains(narrow, "ADDRESS") {
		t.Errorf("80x24 should drop the address column:\n%s", narrow)
	}
}

// checkSize fails unless view is h lines of at most w cells.
func checkSize(t testing.TB, view string, w, h int) {
	t.Helper()
	ls := lines(view)
	if len(ls) != h {
		t.Errorf("%dx%d: view has %d lines", w, h, len(ls))
	}
	for i, l := range ls {
		if lipgloss.Width(l) > w {
			t.Errorf("%dx%d: line %d is %d cells wide: %q", w, h, i, lipgloss.Width(l), l)
		}
	}
}

// TestEmptySnapshot checks the view before the world's first snapshot and
// with nobody playing.
func TestEmptySnapshot(t *testing.T) {
	for _, snap := range []*world.Snapshot{nil, {}} {
		m := newModel(t, &source{snap: snap}, &recorder{}, 80, 24)
		view := m.View()
		for _, f := range []string{"waiting for the first snapshot", "no one is playing", "Sessions  0 of 0"} {
			if !strings.Contains(view, f) {
				t.Errorf("lacks %q:\n%s", f, view)
			}
		}
		checkSize(t, view, 80, 24)
		if sp := press(t, m, "k"); sp.form != nil || !strings.Contains(sp.View(), "no session selected") {
			t.Errorf("kick with nobody selected:\n%s", sp.View())
		}
	}
}

// TestRefreshFollowsSource checks that each refresh shows the newest
// snapshot and asks for the next one.
func TestRefreshFollowsSource(t *testing.T) {
	src := &source{snap: snapshot()}
	m := newModel(t, src, &recorder{}, 120, 40)
	if m.Init() == nil {
		t.Fatal("Init starts no refresh")
	}
	next := snapshot()
	next.At = epoch.Add(time.Second)
	next.Ticks.Count = 12399
	src.set(next)
	updated, cmd := m.Update(refreshMsg{})
	if cmd == nil {
		t.Error("a refresh does not schedule the next")
	}
	if view := updated.View(); !strings.Contains(view, "12,399") {
		t.Errorf("tick count did not advance:\n%s", view)
	}
}

// TestResize checks that the view follows the terminal's size.
func TestResize(t *testing.T) {
	m := newModel(t, &source{snap: snapshot()}, &recorder{}, 120, 40)
	for _, size := range []struct{ w, h int }{{80, 24}, {132, 50}, {100, 30}, {120, 40}} {
		m = send(t, m, tea.WindowSizeMsg{Width: size.w, Height: size.h})
		checkSize(t, m.View(), size.w, size.h)
	}
}

// TestQuit checks the keys that leave the console and the server's
// closing message.
func TestQuit(t *testing.T) {
	for _, msg := range []tea.Msg{keyMsg("q"), keyMsg("ctrl+c"), ClosingMsg{}} {
		m := newModel(t, &source{snap: snapshot()}, &recorder{}, 80, 24)
		next, cmd := m.Update(msg)
		if cmd == nil {
			t.Fatalf("%#v: no command", msg)
		}
		if _, ok := cmd().(tea.QuitMsg); !ok {
			t.Errorf("%#v does not quit", msg)
		}
		if _, closing := msg.(ClosingMsg); closing && !strings.Contains(next.View(), "shutting down") {
			t.Errorf("closing is not shown:\n%s", next.View())
		}
	}
}

// TestGraphShowsTheTicks checks that the tick graph draws the snapshot's
// tick durations, scaled to the slowest.
func TestGraphShowsTheTicks(t *testing.T) {
	src := &source{snap: snapshot()}
	m := newModel(t, src, &recorder{}, 120, 40)
	s := snapshot()
	for i := 1; i <= 5; i++ {
		s.TickDurations = append(s.TickDurations, time.Duration(i)*time.Millisecond)
	}
	src.set(s)
	m = send(t, m, refreshMsg{})
	if view := m.View(); !strings.Contains(view, "peak 5.00ms") || !strings.Contains(view, "█") {
		t.Errorf("graph does not show the peak:\n%s", view)
	}
}

// TestBusPanel checks the bus line with and without NATS.
func TestBusPanel(t *testing.T) {
	tests := []struct {
		name string
		bus  world.BusStats
		want []string
	}{
		{"in process", world.BusStats{}, []string{"chat bus: not connected"}},
		{"embedded", world.BusStats{Node: "arkham-1", Connected: true, Server: "nats://127.0.0.1:4222", Embedded: true,
			In: 1234, Out: 567, Dropped: 3, Reconnects: 2},
			[]string{"NATS connected", "node arkham-1", "server nats://127.0.0.1:4222 (embedded)", "in 1,234", "out 567", "dropped 3", "reconnects 2"}},
		{"down", world.BusStats{Node: "kingsport", Server: "nats://10.0.0.2:4222"}, []string{"NATS disconnected", "node kingsport"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := snapshot()
			s.Bus = tt.bus
			view := newModel(t, &source{snap: s}, &recorder{}, 140, 40).View()
			for _, w := range tt.want {
				if !strings.Contains(view, w) {
					t.Errorf("bus line lacks %q:\n%s", w, view)
				}
			}
		})
	}
}

// TestStoreHealthAndBans checks the store's health and the list of bans,
// in the roomy and the compact layout.
func TestStoreHealthAndBans(t *testing.T) {
	at := time.Date(2026, 12, 5, 3, 4, 5, 0, time.UTC)
	tests := []struct {
		name   string
		adjust func(*world.Snapshot)
		want   []string
	}{
		{"saving", func(s *world.Snapshot) { s.Store.LastGood = at }, []string{"saving", "03:04:05", "Bans  none"}},
		{"failing, compact", func(s *world.Snapshot) {
			s.Store.Failing, s.Store.FailingSince, s.Store.LastError = true, at, "commit: disk I/O error"
			s.Bans = []world.BanInfo{{Target: "192.0.2.0/24"}}
		}, []string{"failing", "disk I/O", "Bans (1)", "192.0.2.0/24 forever"}},
		{"failing", func(s *world.Snapshot) {
			s.Store.Failing, s.Store.FailingSince, s.Store.LastError = true, at, "commit: disk I/O error"
			s.Bans = []world.BanInfo{{Target: "192.0.2.0/24"}, {Target: "2001:db8::/48", Expires: at}}
		}, []string{"failing since 03:04:05", "never", "disk I/O", "Bans (2)", "192.0.2.0/24 forever", "2001:db8::/48 until 12-05 03:04"}},
		{"mutes with bans", func(s *world.Snapshot) {
			s.Bans = []world.BanInfo{{Target: "192.0.2.0/24"}}
			s.Mutes = []world.MuteInfo{{Name: "Wilbur", By: "Armitage"}, {Name: "Zadok", Expires: at, By: "Armitage"}}
		}, []string{"Bans (1)", "192.0.2.0/24 forever", "Muted (2)", "Wilbur forever by Armitage", "Zadok until 12-05 03:04 by Armitage"}},
		{"mutes only, compact", func(s *world.Snapshot) {
			s.Mutes = []world.MuteInfo{{Name: "Wilbur", By: "Armitage"}}
		}, []string{"Bans  none", "Muted (1)", "Wilbur forever"}},
	}
	for _, tt := range tests {
		sizes := [][2]int{{140, 40}}
		if strings.Contains(tt.name, "compact") {
			sizes = [][2]int{{80, 24}}
		}
		for _, size := range sizes {
			t.Run(fmt.Sprintf("%s %dx%d", tt.name, size[0], size[1]), func(t *testing.T) {
				s := snapshot()
				tt.adjust(s)
				view := newModel(t, &source{snap: s}, &recorder{}, size[0], size[1]).View()
				for _, w := range tt.want {
					if !strings.Contains(view, w) {
						t.Errorf("view lacks %q:\n%s", w, view)
					}
				}
			})
		}
	}
}
