package world

import (
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"time"
)

// hostile carries control sequences a terminal would obey: 8-bit CSI
// (U+009B) and OSC (U+009D), 7-bit ESC, a bell and a backspace.
const hostile = "hi\u009b2J\u009d0;pwned\a there\x1b[2J\b!"

func TestControlsNeverReachAnotherPlayer(t *testing.T) {
	for _, setup := range []struct {
		name string
		make func(*testing.T) (*testWorld, map[string]*player)
	}{{"in process", chatWorld}, {"over the bus", chatWorldOverBus}} {
		t.Run(setup.name, func(t *testing.T) {
			_, ps := setup.make(t)
			bob := ps["Bob"]
			bob.conn.raw = true // keep what the world sent, escapes and all
			for _, line := range []string{"say " + hostile, "emote " + hostile, "pose " + hostile,
				"local " + hostile, "global " + hostile, "whisper bob " + hostile} {
				ps["Alice"].do(line)
				got := waitOutput(t, bob.conn, "there")
				for _, bad := range []string{"\u009b", "\u009d", "\a", "\b", "\x1b[2J"} {
					if strings.Contains(got, bad) {
						t.Errorf("%q reached Bob with %q: %q", line, bad, got)
					}
				}
				wantContains(t, got, "hi2J0;pwned there[2J!")
			}
		})
	}
}

// waitOutput polls c until its output holds want, and returns it all.
func waitOutput(t testing.TB, c *testConn, want string) string {
	t.Helper()
	var got strings.Builder
	waitUntil(t, func() bool { got.WriteString(c.take()); return strings.Contains(got.String(), want) })
	return got.String()
}

func TestCleanText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text, Zoë & ünïcode ☥", "plain text, Zoë & ünïcode ☥"},
		{"tab\tkept", "tab\tkept"},
		{"\u0080\u0085\u009b\u009f", ""},
		{"\u00a0nbsp\u00c2", "\u00a0nbsp\u00c2"},
		{"\x00\x1b\x7f", ""},
		{hostile, "hi2J0;pwned there[2J!"},
	}
	for _, tt := range tests {
		if got := cleanText(tt.in); got != tt.want {
			t.Errorf("cleanText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDataPackagesCarryNoControls(t *testing.T) {
	m, err := decodeChat([]byte(`{"ch":"say","from":"Al\u009bice","text":"` + strings.ReplaceAll(jsonString(hostile), `"`, "") + `"}`), "")
	if err != nil {
		t.Fatal(err)
	}
	if m.From != "Alice" || m.Text != "hi2J0;pwned there[2J!" {
		t.Fatalf("decoded %+v", m)
	}
}

func jsonString(s string) string { b, _ := json.Marshal(s); return string(b) }

func FuzzCleanText(f *testing.F) {
	f.Add(hostile)
	f.Add("\xc2\x9b\xc2")
	f.Fuzz(func(t *testing.T, s string) {
		got := cleanText(s)
		for _, r := range got {
			if isControl(r) {
				t.Fatalf("cleanText(%q) kept %U", s, r)
			}
		}
		if !needsCleaning(s) && got != s {
			t.Fatalf("clean text changed: %q to %q", s, got)
		}
	})
}

func BenchmarkCleanText(b *testing.B) {
	line := "say The stars are right tonight, and the lamps along the Miskatonic burn low."
	for b.Loop() {
		cleanText(line)
	}
}

func TestCommandFloodIsLimitedWithoutDelayingOthers(t *testing.T) {
	tw := newTestWorldWith(t, "", func(c *Config) { c.CmdRate, c.CmdBurst, c.CmdMaxWait = 20, 60, 200*time.Millisecond })
	flooder, other := tw.create(t, "Flooder"), tw.create(t, "Other")
	for range 60 { // the burst
		wantContains(t, flooder.do("look"), "Ward")
	}
	// Beyond the burst the flooder's reader waits, and only it.
	done := make(chan string)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); done <- flooder.do("look") }()
	waitUntil(t, func() bool { return tw.clock.timersWaiting() == 1 })
	for range 20 {
		wantContains(t, other.do("look"), "Ward")
	}
	tw.clock.advance(50 * time.Millisecond)
	wantContains(t, <-done, "Ward")
	// Held back without letup for CmdMaxWait, its commands are refused, once told.
	for i := 0; ; i++ {
		got := make(chan string)
		go func() { got <- flooder.do("look") }()
		out, returned := "", false
		waitUntil(t, func() bool {
			select {
			case out = <-got:
				returned = true
				return true
			default:
				return tw.clock.timersWaiting() == 1 // waiting its turn
			}
		})
		if returned {
			if !strings.Contains(out, "faster than the world") {
				t.Fatalf("command %d after the burst: %q", i, out)
			}
			if again := flooder.do("look"); again != "" {
				t.Fatalf("told twice, or ran: %q", again)
			}
			wg.Wait()
			// Once the flooder pauses, the budget is whole again.
			tw.clock.advance(3 * time.Second)
			wantContains(t, flooder.do("look"), "Ward")
			return
		}
		tw.clock.advance(50 * time.Millisecond)
		wantContains(t, <-got, "Ward")
		if i > 10 {
			t.Fatal("never refused")
		}
	}
}

func TestCmdRate(t *testing.T) {
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	r := newCmdRate(20, 3, time.Second)
	for i := range 3 {
		if wait, refuse := r.take(start); wait != 0 || refuse {
			t.Fatalf("burst command %d: wait %v, refuse %v", i, wait, refuse)
		}
	}
	if wait, _ := r.take(start); wait != 50*time.Millisecond {
		t.Fatalf("beyond the burst: wait %v, want 50ms", wait)
	}
	// A reader that keeps waiting its turn is held back without letup.
	now, waited := start.Add(50*time.Millisecond), 1
	for {
		wait, refuse := r.take(now)
		if refuse {
			break
		}
		if wait != 50*time.Millisecond {
			t.Fatalf("held back: wait %v, want 50ms", wait)
		}
		now, waited = now.Add(wait), waited+1
	}
	if waited != 20 {
		t.Fatalf("refused after %d waits, want 20 (a second at 20 a second)", waited)
	}
	if _, refuse := r.take(now.Add(10 * time.Millisecond)); !refuse {
		t.Fatal("not refused until the budget has filled up")
	}
	if wait, refuse := r.take(now.Add(time.Second)); wait != 0 || refuse {
		t.Fatalf("after a pause: wait %v, refuse %v", wait, refuse)
	}
}

func BenchmarkCmdRate(b *testing.B) {
	r := newCmdRate(defaultCmdRate, defaultCmdBurst, defaultCmdMaxWait)
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for b.Loop() {
		now = now.Add(100 * time.Millisecond)
		r.take(now)
	}
}
