package ssh

import (
	"bytes"
	"fmt"
	"log/slog"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"mythosd/world/netcore/nettest"

	"mythosd/world/netcore"

	gossh "golang.org/x/crypto/ssh"

	"mythosd/world"
)

// login starts alice's session on a PTY and returns it at its prompt, with
// the world's side of the connection.
func login(t *testing.T, ts *testServer, termType string, width int) (*player, world.Conn) {
	t.Helper()
	p := ts.play(t, "alice", termType, width, gossh.Password("lanterns1"))
	p.expect("> ")
	return p, ts.game.next(t)
}

func TestInfoAndResize(t *testing.T) {
	ts := startServer(t, nil)
	p, _ := login(t, ts, "xterm-256color", 100)
	if got := p.do("info"); !strings.Contains(got, "transport=ssh client=xterm-256color remote=true") {
		t.Errorf("info = %q", got)
	}
	if got := p.do("width"); !strings.Contains(got, "width=100") {
		t.Errorf("width at start = %q, want 100", got)
	}
	for _, cols := range []int{132, 40, 20} {
		if err := p.Session.WindowChange(24, cols); err != nil {
			t.Fatal(err)
		}
		want := fmt.Sprintf("width=%d", cols)
		if !nettest.Poll(func() bool { return strings.Contains(p.do("width"), want) }) {
			t.Fatalf("the width never followed the window to %d columns", cols)
		}
	}
}

func TestPasswordIsNotEchoed(t *testing.T) {
	ts := startServer(t, nil)
	p, _ := login(t, ts, "xterm", 80)
	p.send("password")
	p.expect("Password: ")
	p.send("hunter22")
	got := p.expect("got a secret of 8 letters")
	if strings.Contains(got, "hunter22") {
		t.Errorf("the password was echoed: %q", got)
	}
	p.expect("> ")
	if got := p.do("visible again"); !strings.Contains(got, "visible again\r\n") {
		t.Errorf("echo did not come back after the password: %q", got)
	}
}

func TestLineEditingAndHistory(t *testing.T) {
	ts := startServer(t, nil)
	p, _ := login(t, ts, "xterm", 80)
	tests := []struct {
		name, keys, want string
	}{
		{"backspace", "hellp\x7fo\r", "You typed: hello"},
		{"history up", "\x1b[A\r", "You typed: hello"},
		{"cursor left and insert", "ac\x1b[Db\r", "You typed: abc"},
		{"ctrl-u clears", "wrong\x15right\r", "You typed: right"},
		{"ctrl-c clears too", "wrong\x03right\r", "You typed: right"},
		{"history twice up", "\x1b[A\x1b[A\r", "You typed: abc"},
		{"crlf is one line", "one\r\n", "You typed: one"},
		{"invalid utf-8 dropped", "caf\xc3\xa9 \xff!\r", "You typed: café !"},
	}
	for _, tt := range tests {
		p.typeKeys(tt.keys)
		if got := p.expect("\r\n> "); !strings.Contains(got, tt.want) {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
	if got := p.do(""); strings.Contains(got, "You typed: one\r\n> You typed") {
		t.Errorf("CR LF gave two lines: %q", got)
	}
}

func TestOutputWhileTypingRedrawsLine(t *testing.T) {
	ts := startServer(t, nil)
	p, conn := login(t, ts, "xterm", 80)
	p.typeKeys("abc")
	p.expect("abc")
	conn.Send("A shadow passes.\n")
	p.expect("A shadow passes.\r\n> abc")
	p.typeKeys("d\r")
	if got := p.expect("\r\n> "); !strings.Contains(got, "You typed: abcd") {
		t.Fatalf("the line typed across the message was lost: %q", got)
	}
}

func TestRenderingForTheTerminal(t *testing.T) {
	ts := startServer(t, nil)
	tests := []struct {
		termType string
		set      func(world.Styler)
		want     string
		mode     world.ColorMode
	}{
		{"xterm-256color", nil, "\x1b[38;5;196mred\x1b[0m and plain bytes", world.Color256},
		{"xterm-direct", nil, "\x1b[38;2;255;0;0mred\x1b[0m and plain bytes", world.ColorTrue},
		{"xterm", nil, "\x1b[91mred\x1b[0m and plain bytes", world.Color16},
		{"dumb", nil, "red and plain bytes", world.ColorNone},
		{"xterm-256color", func(s world.Styler) { s.SetColorMode(world.ColorNone) }, "red and plain bytes", world.ColorNone},
		{"xterm", func(s world.Styler) { s.SetColorMode(world.ColorTrue) }, "\x1b[38;2;255;0;0mred", world.ColorTrue},
		{"xterm-256color", func(s world.Styler) { s.SetScreenReader(true) }, "red and plain bytes", world.Color256},
	}
	for _, tt := range tests {
		t.Run(tt.termType, func(t *testing.T) {
			p, conn := login(t, ts, tt.termType, 80)
			styler := conn.(world.Styler)
			if tt.set != nil {
				tt.set(styler)
			}
			got := p.do("colour")
			if !strings.Contains(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			for _, bad := range []string{"\x1b[2J", "\a", "\x00", "\u0085", "\xff", "\r\r"} {
				if strings.Contains(got, bad) {
					t.Errorf("output holds %q: %q", bad, got)
				}
			}
			if mode, _ := styler.Style(); mode != tt.mode {
				t.Errorf("Style() mode = %v, want %v", mode, tt.mode)
			}
		})
	}
}

func TestSessionEnds(t *testing.T) {
	tests := []struct {
		name     string
		end      func(p *player, conn world.Conn)
		want     string // what the player sees last, if anything
		exitZero bool
	}{
		{"quit closes after the farewell", func(p *player, _ world.Conn) { p.send("quit") }, "Bye.", true},
		{"the world closes", func(_ *player, c world.Conn) { c.Send("Farewell.\n"); c.Close(netcore.CauseQuit) }, "Farewell.", true},
		{"ctrl-d", func(p *player, _ world.Conn) { p.typeKeys("\x04") }, "", true},
		{"client hangs up", func(p *player, _ world.Conn) { p.Client.Close() }, "", false},
		{"a panic in the handler", func(p *player, _ world.Conn) { p.send("panic") }, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := startServer(t, nil)
			p, conn := login(t, ts, "xterm", 80)
			other, _ := login(t, ts, "xterm", 80)
			tt.end(p, conn)
			if tt.want != "" {
				p.expect(tt.want)
			}
			err := p.wait()
			if tt.exitZero && err != nil {
				t.Errorf("session ended with %v, want exit status 0", err)
			}
			ts.game.waitHangup(t, conn)
			if conn.Send("too late\n") {
				t.Error("Send on an ended session reported success")
			}
			if got := other.do("still here"); !strings.Contains(got, "You typed: still here") {
				t.Errorf("another session suffered: %q", got)
			}
		})
	}
}

// lockedBuffer is a log destination safe for concurrent use.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestClientThatStopsReadingIsDropped(t *testing.T) {
	tests := []struct {
		name       string
		outbox     int
		messages   int
		size       int
		wantReason string
	}{
		{"outbox overflows", 4, 1000, 100, "cause=slow_client"},
		{"write deadline passes", 1024, 80, 64 << 10, "cause=slow_client"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			logs := &lockedBuffer{}
			ts := startServer(t, func(s *Server) {
				s.OutboxSize = tt.outbox
				s.WriteTimeout = 100 * time.Millisecond
				s.Logger = slog.New(slog.NewTextHandler(logs, nil))
			})
			client, err := ts.dial(t, "alice", gossh.Password("lanterns1"))
			if err != nil {
				t.Fatal(err)
			}
			sess, err := client.NewSession()
			if err != nil {
				t.Fatal(err)
			}
			if _, err := sess.StdoutPipe(); err != nil { // never read
				t.Fatal(err)
			}
			if _, err := sess.StdinPipe(); err != nil { // kept open: no end of input
				t.Fatal(err)
			}
			if err := sess.RequestPty("xterm", 24, 80, gossh.TerminalModes{}); err != nil {
				t.Fatal(err)
			}
			if err := sess.Shell(); err != nil {
				t.Fatal(err)
			}
			conn := ts.game.next(t)
			text := strings.Repeat("x", tt.size) + "\n"
			for range tt.messages {
				conn.Send(text)
			}
			if !nettest.Poll(func() bool { return !conn.Send(text) }) {
				t.Fatal("Send still succeeds for a client that reads nothing")
			}
			ts.game.waitHangup(t, conn)
			if !nettest.Poll(func() bool { return strings.Contains(logs.String(), tt.wantReason) }) {
				t.Errorf("log lacks %q:\n%s", tt.wantReason, logs.String())
			}
		})
	}
}

func TestEndlessEscapeSequenceEndsSession(t *testing.T) {
	ts := startServer(t, nil)
	p, conn := login(t, ts, "xterm", 80)
	other, _ := login(t, ts, "xterm", 80)
	p.typeKeys("\x1b[" + strings.Repeat("1;", 200))
	ts.game.waitHangup(t, conn)
	if got := other.do("still here"); !strings.Contains(got, "You typed: still here") {
		t.Errorf("another session suffered: %q", got)
	}
}

// TestColorTermFromEnv checks that a COLORTERM the client sends before its
// shell raises an xterm's colours to 24-bit, and that one too long to be
// real is ignored.
func TestColorTermFromEnv(t *testing.T) {
	ts := startServer(t, nil)
	tests := []struct {
		name, value string
		want        world.ColorMode
	}{
		{"truecolor", "truecolor", world.ColorTrue},
		{"24bit", "24bit", world.ColorTrue},
		{"too long", strings.Repeat("truecolor", 10), world.Color16},
		{"none", "", world.Color16},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			client, err := ts.dial(t, "alice", gossh.Password("lanterns1"))
			if err != nil {
				t.Fatalf("dial: %v", err)
			}
			defer client.Close()
			sess, err := client.NewSession()
			if err != nil {
				t.Fatalf("new session: %v", err)
			}
			if tt.value != "" {
				if err := sess.Setenv("COLORTERM", tt.value); err != nil {
					t.Fatalf("setenv: %v", err)
				}
			}
			if err := sess.RequestPty("xterm", 40, 80, gossh.TerminalModes{}); err != nil {
				t.Fatalf("pty: %v", err)
			}
			if err := sess.Shell(); err != nil {
				t.Fatalf("shell: %v", err)
			}
			if mode, _ := ts.game.next(t).(world.Styler).Style(); mode != tt.want {
				t.Errorf("colour mode %v, want %v", mode, tt.want)
			}
		})
	}
}

// TestIdleSessionHasNoWriteLoop checks that the write loop runs on demand:
// it ends once the prompt is drawn, starts again for the answer to a line,
// and ends again.
func TestIdleSessionHasNoWriteLoop(t *testing.T) {
	ts := startServer(t, nil)
	p, _ := login(t, ts, "xterm", 80)
	for _, line := range []string{"", "info"} {
		if line != "" {
			if got := p.do(line); !strings.Contains(got, "transport=ssh") {
				t.Fatalf("answer to %q = %q", line, got)
			}
		}
		if !nettest.Poll(func() bool { return !strings.Contains(allStacks(), "ssh.(*Conn).writeLoop") }) {
			t.Fatalf("a write loop still runs while the session is idle (after %q)", line)
		}
	}
}

// allStacks returns the stacks of every goroutine.
func allStacks() string {
	buf := make([]byte, 1<<20)
	return string(buf[:runtime.Stack(buf, true)])
}
