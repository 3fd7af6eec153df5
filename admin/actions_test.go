package admin

import (
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// TestActionConfirmation drives each action through its prompt and its
// confirmation, and checks which Actions method ran, with what.
func TestActionConfirmation(t *testing.T) {
	tests := []struct {
		name   string
		keys   []string // before the text
		text   string   // typed at the prompt
		finish []string // after the text
		want   []string // calls recorded
		status string   // shown at the end
	}{
		{"kick selected", []string{"down", "k"}, "spamming the square", []string{"enter", "y"},
			[]string{`Kick(Bob, "spamming the square", ` + testFP + `)`}, "kicked Bob"},
		{"kick without reason", []string{"k"}, "", []string{"enter", "y"},
			[]string{`Kick(Alice, "` + defaultKickReason + `", ` + testFP + `)`}, "kicked Alice"},
		{"kick refused at confirmation", []string{"k"}, "x", []string{"enter", "n"}, nil, "cancelled"},
		{"kick escaped at prompt", []string{"k"}, "x", []string{"esc", "y"}, nil, "cancelled"},
		{"broadcast", []string{"b"}, "The stars are right.", []string{"enter", "y"},
			[]string{`Broadcast("The stars are right.", ` + testFP + `)`}, "broadcast sent"},
		{"broadcast empty", []string{"b"}, "  ", []string{"enter", "y"}, nil, "nothing to broadcast"},
		{"teleport", []string{"end", "t"}, "earth_kingsport_room_wharf_001", []string{"enter", "Y"},
			[]string{"Teleport(Carol, earth_kingsport_room_wharf_001, " + testFP + ")"}, "teleported Carol"},
		{"lucidity", []string{"down", "l"}, "-40", []string{"enter", "y"},
			[]string{"SetLucidity(Bob, -40, " + testFP + ")"}, "lucidity of Bob set to -40"},
		{"lucidity out of range", []string{"l"}, "150", []string{"enter", "y"}, nil, "from -100 to 100"},
		{"lucidity corrected", []string{"l"}, "abc", []string{"ctrl+u", "7", "0", "enter", "y"},
			[]string{"SetLucidity(Alice, 70, " + testFP + ")"}, "set to 70"},
		{"lucidity backspace", []string{"l"}, "55x", []string{"backspace", "enter", "y"},
			[]string{"SetLucidity(Alice, 55, " + testFP + ")"}, "set to 55"},
		{"shutdown default", []string{"x"}, "", []string{"enter", "y"},
			[]string{"ScheduleShutdown(1m0s, " + testFP + ")"}, "shutdown in 1m0s"},
		{"shutdown in 90s", []string{"x"}, "90", []string{"enter", "y"},
			[]string{"ScheduleShutdown(1m30s, " + testFP + ")"}, "shutdown in 1m30s"},
		{"shutdown bad delay", []string{"x"}, "soon", []string{"enter", "y"}, nil, "whole seconds"},
		{"cancel shutdown", []string{"c"}, "", []string{"y"},
			[]string{"CancelShutdown(" + testFP + ")"}, "shutdown cancelled"},
		{"ban for a while", []string{"a"}, "192.0.2.7 30 guessing passwords", []string{"enter", "y"},
			[]string{`Ban(192.0.2.7, 30m0s, "guessing passwords", ` + testFP + `)`}, "banned 192.0.2.7"},
		{"ban for ever", []string{"a"}, "192.0.2.0/24", []string{"enter", "y"},
			[]string{`Ban(192.0.2.0/24, 0s, "", ` + testFP + `)`}, "banned 192.0.2.0/24"},
		{"ban bad minutes", []string{"a"}, "192.0.2.7 99999999999", []string{"enter", "y"}, nil, "whole minutes"},
		{"ban nothing", []string{"a"}, " ", []string{"enter", "y"}, nil, "give an address"},
		{"unban", []string{"u"}, "192.0.2.0/24", []string{"enter", "y"},
			[]string{"Unban(192.0.2.0/24, " + testFP + ")"}, "ban of 192.0.2.0/24 lifted"},
		{"grant a role", []string{"R"}, "Armitage builder", []string{"enter", "y"},
			[]string{"SetRole(Armitage, builder, true, " + testFP + ")"}, "Armitage is now a builder"},
		{"revoke a role", []string{"R"}, "Armitage -ADMIN", []string{"enter", "y"},
			[]string{"SetRole(Armitage, admin, false, " + testFP + ")"}, "Armitage is no longer an admin"},
		{"no such role", []string{"R"}, "Armitage wizard", []string{"enter", "y"}, nil, `"wizard" is no role`},
		{"role without a name", []string{"R"}, "builder", []string{"enter", "y"}, nil, "give a name and a role"},
		{"freeze selected", []string{"down", "f"}, "freeze", []string{"enter", "y"},
			[]string{"SetFrozen(Bob, true, " + testFP + ")"}, "Bob frozen"},
		{"thaw selected", []string{"f"}, "thaw", []string{"enter", "y"},
			[]string{"SetFrozen(Alice, false, " + testFP + ")"}, "Alice thawed"},
		{"freeze bad answer", []string{"f"}, "melt", []string{"enter", "y"}, nil, "type freeze or thaw"},
		{"filtered target", []string{"/"}, "derby", []string{"enter", "k", "enter", "y"},
			[]string{`Kick(Carol, "` + defaultKickReason + `", ` + testFP + `)`}, "kicked Carol"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			acts := &recorder{}
			m := newModel(t, &source{snap: snapshot()}, acts, 120, 40)
			m = press(t, m, tt.keys...)
			m = typeText(t, m, tt.text)
			m = press(t, m, tt.finish...)
			if got := acts.recorded(); !slices.Equal(got, tt.want) {
				t.Errorf("calls %q, want %q", got, tt.want)
			}
			if view := m.View(); !strings.Contains(view, tt.status) {
				t.Errorf("status lacks %q:\n%s", tt.status, view)
			}
		})
	}
}

// TestConfirmationAsks checks that the question names the action and its
// target before anything runs.
func TestConfirmationAsks(t *testing.T) {
	acts := &recorder{}
	m := newModel(t, &source{snap: snapshot()}, acts, 120, 40)
	m = press(t, m, "down", "k")
	m = typeText(t, m, "flooding")
	if view := m.View(); !strings.Contains(view, "kick Bob · reason (Enter for none): flooding") {
		t.Errorf("prompt not shown:\n%s", view)
	}
	m = press(t, m, "enter")
	if view := m.View(); !strings.Contains(view, "Kick Bob (reason: flooding)? [y/N]") {
		t.Errorf("question not shown:\n%s", view)
	}
	if got := acts.recorded(); len(got) != 0 {
		t.Errorf("ran before confirmation: %q", got)
	}
}

// TestActionFailureShown checks that an action's error reaches the status.
func TestActionFailureShown(t *testing.T) {
	acts := &recorder{err: errTest}
	m := newModel(t, &source{snap: snapshot()}, acts, 80, 24)
	m = press(t, m, "k", "enter", "y")
	if view := m.View(); !strings.Contains(view, "failed: test failure") {
		t.Errorf("failure not shown:\n%s", view)
	}
}

// TestActionKeysIgnoredWhileTyping checks that action keys typed into a
// prompt are text, not new actions.
func TestActionKeysIgnoredWhileTyping(t *testing.T) {
	acts := &recorder{}
	m := newModel(t, &source{snap: snapshot()}, acts, 80, 24)
	m = press(t, m, "b")
	m = typeText(t, m, "kxqtl")
	m = press(t, m, "enter", "y")
	want := []string{`Broadcast("kxqtl", ` + testFP + `)`}
	if got := acts.recorded(); !slices.Equal(got, want) {
		t.Errorf("calls %q, want %q", got, want)
	}
}

// TestPromptInputCapped checks that a prompt takes at most maxInput runes.
func TestPromptInputCapped(t *testing.T) {
	m := newModel(t, &source{snap: snapshot()}, &recorder{}, 80, 24)
	m = press(t, m, "b")
	m = typeText(t, m, strings.Repeat("ä", maxInput+50))
	if got := len(m.form.input); got != maxInput {
		t.Errorf("input holds %d runes, want %d", got, maxInput)
	}
}

// TestRunesArrivingTogether checks that keys read in one chunk ("x0"
// typed quickly) act one by one.
func TestRunesArrivingTogether(t *testing.T) {
	acts := &recorder{}
	m := newModel(t, &source{snap: snapshot()}, acts, 80, 24)
	m = send(t, m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("x45")})
	m = press(t, m, "enter", "y")
	want := []string{"ScheduleShutdown(45s, " + testFP + ")"}
	if got := acts.recorded(); !slices.Equal(got, want) {
		t.Errorf("calls %q, want %q", got, want)
	}
}

// TestPasteNeverActs checks that pasted text goes into a prompt but never
// starts or confirms an action.
func TestPasteNeverActs(t *testing.T) {
	acts := &recorder{}
	paste := func(text string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(text), Paste: true} }
	m := newModel(t, &source{snap: snapshot()}, acts, 80, 24)
	m = send(t, m, paste("cy"))
	if m.form != nil || len(acts.recorded()) != 0 {
		t.Fatalf("a paste while browsing acted: %q", acts.recorded())
	}
	m = press(t, m, "b")
	m = send(t, m, paste("kxy"))
	m = press(t, m, "enter")
	m = send(t, m, paste("y"))
	if len(acts.recorded()) != 0 || m.form == nil {
		t.Fatalf("a paste confirmed or cancelled: %q", acts.recorded())
	}
	m = press(t, m, "esc", "b")
	m = send(t, m, paste("kxy"))
	m = press(t, m, "enter", "y")
	want := []string{`Broadcast("kxy", ` + testFP + `)`}
	if got := acts.recorded(); !slices.Equal(got, want) {
		t.Errorf("calls %q, want %q", got, want)
	}
}
