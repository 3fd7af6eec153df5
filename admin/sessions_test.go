package admin

import (
	"slices"
	"strings"
	"testing"

	"mythosd/world"
)

// TestSortAndFilter checks the session table's order and filter, both in
// the model and on screen.
func TestSortAndFilter(t *testing.T) {
	tests := []struct {
		name   string
		keys   []string
		filter string
		want   []string
	}{
		{"by name", nil, "", []string{"Alice", "Bob", "Carol"}},
		{"by name reversed", []string{"r"}, "", []string{"Carol", "Bob", "Alice"}},
		{"by transport", []string{"s"}, "", []string{"Bob", "Alice", "Carol"}},
		{"by client", []string{"s", "s"}, "", []string{"Alice", "Carol", "Bob"}},
		{"by room", []string{"s", "s", "s"}, "", []string{"Carol", "Alice", "Bob"}},
		{"by lucidity", []string{"s", "s", "s", "s"}, "", []string{"Bob", "Carol", "Alice"}},
		{"by lucidity reversed", []string{"s", "s", "s", "s", "r"}, "", []string{"Alice", "Carol", "Bob"}},
		{"by idle", []string{"s", "s", "s", "s", "s"}, "", []string{"Alice", "Bob", "Carol"}},
		{"by address", []string{"s", "s", "s", "s", "s", "s"}, "", []string{"Bob", "Alice", "Carol"}},
		{"sort wraps to name", []string{"s", "s", "s", "s", "s", "s", "s"}, "", []string{"Alice", "Bob", "Carol"}},
		{"filter by transport", nil, "TELNET", []string{"Alice", "Carol"}},
		{"filter by tier", nil, "derang", []string{"Bob"}},
		{"filter by room id", nil, "sanitarium", []string{"Bob"}},
		{"filter by address", nil, "10.0.0.9", []string{"Carol"}},
		{"filter and sort", []string{"r"}, "telnet", []string{"Carol", "Alice"}},
		{"filter matches none", nil, "yog-sothoth", []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := newModel(t, &source{snap: snapshot()}, &recorder{}, 120, 40)
			m = press(t, m, tt.keys...)
			if tt.filter != "" {
				m = press(t, m, "/")
				m = typeText(t, m, tt.filter)
				m = press(t, m, "enter")
			}
			var got []string
			for _, s := range m.shown() {
				got = append(got, s.Name)
			}
			if !slices.Equal(got, tt.want) && !(len(got) == 0 && len(tt.want) == 0) {
				t.Fatalf("order %q, want %q", got, tt.want)
			}
			view := m.View()
			checkOrder(t, view, tt.want)
			if len(tt.want) == 0 && !strings.Contains(view, "no session matches the filter") {
				t.Errorf("empty result not explained:\n%s", view)
			}
		})
	}
}

// checkOrder fails unless the names appear in the view's table in order.
func checkOrder(t testing.TB, view string, names []string) {
	t.Helper()
	_, table, _ := strings.Cut(view, "NAME")
	at := 0
	for _, n := range names {
		i := strings.Index(table[at:], " "+n+" ")
		if i < 0 {
			t.Fatalf("%s not in table after position %d:\n%s", n, at, table)
		}
		at += i + len(n)
	}
}

// TestFilterEscClears checks that Esc drops the filter, while typing it and
// after.
func TestFilterEscClears(t *testing.T) {
	m := newModel(t, &source{snap: snapshot()}, &recorder{}, 80, 24)
	m = press(t, m, "/")
	m = typeText(t, m, "bob")
	if len(m.shown()) != 1 || !strings.Contains(m.View(), "filter bob█") {
		t.Fatalf("filter not applied while typing:\n%s", m.View())
	}
	m = press(t, m, "esc")
	if len(m.shown()) != 3 {
		t.Errorf("esc while typing left %d sessions", len(m.shown()))
	}
	m = press(t, m, "/")
	m = typeText(t, m, "bob")
	m = press(t, m, "enter", "esc")
	if len(m.shown()) != 3 {
		t.Errorf("esc after the filter left %d sessions", len(m.shown()))
	}
}

// TestSelectionFollowsName checks that the selection stays on its player
// when the order changes, and moves to the first when its player leaves.
func TestSelectionFollowsName(t *testing.T) {
	src := &source{snap: snapshot()}
	m := newModel(t, src, &recorder{}, 120, 40)
	m = press(t, m, "down", "down", "down") // Carol, the last
	m = press(t, m, "r")                    // Carol is now first
	if got := m.target(); got != "Carol" {
		t.Fatalf("selected %q after reversing, want Carol", got)
	}
	next := snapshot()
	next.Sessions = slices.DeleteFunc(next.Sessions, func(s world.SessionInfo) bool { return s.Name == "Carol" })
	src.set(next)
	m = send(t, m, refreshMsg{})
	if got := m.target(); got != "Bob" {
		t.Errorf("selected %q after Carol left, want Bob (first in reversed order)", got)
	}
}

// TestTableScrollsToSelection checks that a long table keeps the selected
// row in sight.
func TestTableScrollsToSelection(t *testing.T) {
	s := snapshot()
	s.Sessions = nil
	for i := range 40 {
		s.Sessions = append(s.Sessions, world.SessionInfo{Name: "P" + string(rune('A'+i/26)) + string(rune('a'+i%26)), Tier: "lucid"})
	}
	m := newModel(t, &source{snap: s}, &recorder{}, 80, 24)
	m = press(t, m, "end")
	view := m.View()
	if !strings.Contains(view, "▸ PBn") {
		t.Errorf("last row not in sight:\n%s", view)
	}
	checkSize(t, view, 80, 24)
}
