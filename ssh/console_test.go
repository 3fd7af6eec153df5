package ssh

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"mythosd/world/netcore/nettest"

	gossh "golang.org/x/crypto/ssh"

	"mythosd/world"
)

// consoleWait bounds every wait in the console's tests.
const consoleWait = 20 * time.Second

// fixedSource serves one snapshot.
type fixedSource struct{ snap *world.Snapshot }

func (f fixedSource) Snapshot() *world.Snapshot { return f.snap }

// actionLog is an admin.Actions that writes down each call.
type actionLog struct {
	mu    sync.Mutex
	calls []string
}

func (a *actionLog) note(s string) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.calls = append(a.calls, s)
	return nil
}

func (a *actionLog) Kick(_ context.Context, name, reason, by string) error {
	return a.note(fmt.Sprintf("kick %s %q %s", name, reason, by))
}

func (a *actionLog) Broadcast(_ context.Context, text, by string) error {
	return a.note(fmt.Sprintf("broadcast %q %s", text, by))
}

func (a *actionLog) Teleport(_ context.Context, name, room, by string) error {
	return a.note(fmt.Sprintf("teleport %s %s %s", name, room, by))
}

func (a *actionLog) SetLucidity(_ context.Context, name string, n int, by string) error {
	return a.note(fmt.Sprintf("lucidity %s %d %s", name, n, by))
}

func (a *actionLog) ScheduleShutdown(_ context.Context, d time.Duration, by string) error {
	return a.note(fmt.Sprintf("shutdown %v %s", d, by))
}

func (a *actionLog) CancelShutdown(_ context.Context, by string) error {
	return a.note("cancel " + by)
}

func (a *actionLog) Ban(_ context.Context, target string, d time.Duration, reason, by string) error {
	return a.note(fmt.Sprintf("ban %s %v %s by %s", target, d, reason, by))
}

func (a *actionLog) Unban(_ context.Context, target, by string) error {
	return a.note("unban " + target + " by " + by)
}

func (a *actionLog) recorded() []string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return slices.Clone(a.calls)
}

// consoleFixture is a running admin console with one authorized client key.
type consoleFixture struct {
	console *Console
	addr    string
	host    gossh.PublicKey
	key     gossh.Signer // authorized
	acts    *actionLog
	served  chan error
}

// newSigner makes an ed25519 client key.
func newSigner(tb testing.TB) gossh.Signer {
	tb.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		tb.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// startConsole serves a console on loopback until the test ends; set may
// change its fields first.
func startConsole(tb testing.TB, set func(*Console)) *consoleFixture {
	tb.Helper()
	dir := tb.TempDir()
	host, err := LoadOrCreateHostKey(filepath.Join(dir, HostKeyFile))
	if err != nil {
		tb.Fatal(err)
	}
	f := &consoleFixture{key: newSigner(tb), acts: &actionLog{}, host: host.PublicKey(), served: make(chan error, 1)}
	keys := filepath.Join(dir, "admin_authorized_keys")
	if err := os.WriteFile(keys, gossh.MarshalAuthorizedKey(f.key.PublicKey()), 0o600); err != nil {
		tb.Fatal(err)
	}
	snap := &world.Snapshot{At: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), TickEvery: 100 * time.Millisecond,
		Ticks:    world.TickStats{Count: 4242, Window: 600},
		Sessions: []world.SessionInfo{{Name: "Alice", Transport: "telnet", Tier: "lucid", Lucidity: 90}}}
	f.console = &Console{HostKey: host, AuthorizedKeys: keys, Source: fixedSource{snap}, Actions: f.acts,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	if set != nil {
		set(f.console)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	f.addr = l.Addr().String()
	go func() { f.served <- f.console.Serve(l) }()
	tb.Cleanup(func() { f.console.Close() })
	return f
}

// dial connects with the given client authentication.
func (f *consoleFixture) dial(auth ...gossh.AuthMethod) (*gossh.Client, error) {
	return gossh.Dial("tcp", f.addr, &gossh.ClientConfig{
		User: "admin", Auth: auth, HostKeyCallback: gossh.FixedHostKey(f.host), Timeout: consoleWait,
	})
}

// screen is an admin session seen from the client: what it printed so far.
type screen struct {
	tb     testing.TB
	sess   *gossh.Session
	stdin  io.WriteCloser
	mu     sync.Mutex
	out    bytes.Buffer
	errOut bytes.Buffer
}

// lockedWriter appends to a buffer under the screen's lock.
type lockedWriter struct {
	mu  *sync.Mutex
	buf *bytes.Buffer
}

func (w lockedWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.Write(p)
}

// open logs in with the authorized key and starts a console of w x h
// (no PTY when w is 0).
func (f *consoleFixture) open(tb testing.TB, w, h int) *screen {
	tb.Helper()
	client, err := f.dial(gossh.PublicKeys(f.key))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { client.Close() })
	sess, err := client.NewSession()
	if err != nil {
		tb.Fatal(err)
	}
	s := &screen{tb: tb, sess: sess}
	sess.Stdout = lockedWriter{&s.mu, &s.out}
	sess.Stderr = lockedWriter{&s.mu, &s.errOut}
	if s.stdin, err = sess.StdinPipe(); err != nil {
		tb.Fatal(err)
	}
	if w > 0 {
		if err := sess.RequestPty("xterm-256color", h, w, gossh.TerminalModes{}); err != nil {
			tb.Fatal(err)
		}
	}
	if err := sess.Shell(); err != nil {
		tb.Fatal(err)
	}
	return s
}

// expect waits until the output holds want.
func (s *screen) expect(want string) {
	s.tb.Helper()
	deadline := time.Now().Add(consoleWait)
	for time.Now().Before(deadline) {
		s.mu.Lock()
		got := s.out.String() + s.errOut.String()
		s.mu.Unlock()
		if strings.Contains(got, want) {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.tb.Fatalf("console never showed %q; got %q / %q", want, s.out.String(), s.errOut.String())
}

// keys types into the console.
func (s *screen) keys(k string) {
	s.tb.Helper()
	if _, err := io.WriteString(s.stdin, k); err != nil {
		s.tb.Fatal(err)
	}
}

// TestConsoleShowsAndFollowsResize opens a console with a PTY, sees the
// snapshot's figures, resizes to the roomy layout and sees its frames.
func TestConsoleShowsAndFollowsResize(t *testing.T) {
	f := startConsole(t, nil)
	s := f.open(t, 100, 30)
	s.expect("4,242")
	s.expect("Alice")
	s.mu.Lock()
	framed := strings.Contains(s.out.String(), "╭")
	s.mu.Unlock()
	if framed {
		t.Fatal("100x30 should use the compact layout, without frames")
	}
	if err := s.sess.WindowChange(40, 120); err != nil {
		t.Fatal(err)
	}
	s.expect("╭")
	s.keys("q")
	if err := s.sess.Wait(); err != nil {
		t.Errorf("session after q: %v", err)
	}
}

// TestConsoleKickIsConfirmedAndAttributed kicks the selected player and
// checks the action carries the admin key's fingerprint.
func TestConsoleKickIsConfirmedAndAttributed(t *testing.T) {
	f := startConsole(t, nil)
	s := f.open(t, 80, 24)
	s.expect("Alice")
	s.keys("k")
	s.expect("reason")
	s.keys("idle too long\r")
	s.expect("[y/N]")
	if got := f.acts.recorded(); len(got) != 0 {
		t.Fatalf("acted before confirmation: %q", got)
	}
	s.keys("y")
	want := fmt.Sprintf("kick Alice %q %s", "idle too long", gossh.FingerprintSHA256(f.key.PublicKey()))
	nettest.WaitUntil(t, "the kick", func() bool { return slices.Contains(f.acts.recorded(), want) })
	s.expect("kicked Alice")
}

// TestConsoleRefusals checks that only an authorized key gets in: never a
// password, keyboard-interactive or no authentication.
func TestConsoleRefusals(t *testing.T) {
	f := startConsole(t, nil)
	password := gossh.Password("hunter2")
	interactive := gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) {
		return []string{"hunter2"}, nil
	})
	tests := []struct {
		name string
		auth []gossh.AuthMethod
	}{
		{"unknown key", []gossh.AuthMethod{gossh.PublicKeys(newSigner(t))}},
		{"password", []gossh.AuthMethod{password}},
		{"keyboard-interactive", []gossh.AuthMethod{interactive}},
		{"none", nil},
		{"unknown key then password", []gossh.AuthMethod{gossh.PublicKeys(newSigner(t)), password}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			client, err := f.dial(tt.auth...)
			if err == nil {
				client.Close()
				t.Fatal("logged in")
			}
			if !strings.Contains(err.Error(), "unable to authenticate") {
				t.Errorf("error %v, want an authentication failure", err)
			}
		})
	}
}

// TestConsoleKeysReadAtLogin checks that a key removed from the file is
// refused at the next login, without a restart.
func TestConsoleKeysReadAtLogin(t *testing.T) {
	f := startConsole(t, nil)
	c, err := f.dial(gossh.PublicKeys(f.key))
	if err != nil {
		t.Fatal(err)
	}
	c.Close()
	if err := os.WriteFile(f.console.AuthorizedKeys, []byte("# nobody\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if c, err := f.dial(gossh.PublicKeys(f.key)); err == nil {
		c.Close()
		t.Fatal("a removed key still gets in")
	}
}

// TestConsoleNeedsPTY checks that a session without a PTY is refused with
// its reason.
func TestConsoleNeedsPTY(t *testing.T) {
	f := startConsole(t, nil)
	s := f.open(t, 0, 0)
	s.expect("needs a terminal")
	var exit *gossh.ExitError
	if err := s.sess.Wait(); !errors.As(err, &exit) || exit.ExitStatus() != 1 {
		t.Errorf("exit %v, want status 1", err)
	}
}

// TestConsoleShutdownClosesConsoles checks that Shutdown tells each open
// console and ends it, and that Serve then returns ErrServerClosed.
func TestConsoleShutdownClosesConsoles(t *testing.T) {
	f := startConsole(t, nil)
	s := f.open(t, 80, 24)
	s.expect("Alice")
	ctx, cancel := context.WithTimeout(context.Background(), consoleWait)
	defer cancel()
	if err := f.console.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	s.expect("the server is shutting down")
	s.sess.Wait()
	if err := <-f.served; !errors.Is(err, ErrServerClosed) {
		t.Errorf("Serve returned %v", err)
	}
	if c, err := f.dial(gossh.PublicKeys(f.key)); err == nil {
		c.Close()
		t.Error("connected after shutdown")
	}
}

// TestConsoleConnectionCap checks that connections past MaxConns are
// closed, and that a closed one frees its place.
func TestConsoleConnectionCap(t *testing.T) {
	f := startConsole(t, func(c *Console) { c.MaxConns = 1 })
	first, err := f.dial(gossh.PublicKeys(f.key))
	if err != nil {
		t.Fatal(err)
	}
	if c, err := f.dial(gossh.PublicKeys(f.key)); err == nil {
		c.Close()
		t.Fatal("a second connection got in past the cap")
	}
	first.Close()
	nettest.WaitUntil(t, "the place to free", func() bool {
		c, err := f.dial(gossh.PublicKeys(f.key))
		if err == nil {
			c.Close()
		}
		return err == nil
	})
}

func TestReadAuthorizedKeys(t *testing.T) {
	a, b := newSigner(t), newSigner(t)
	line := func(s gossh.Signer) string { return string(gossh.MarshalAuthorizedKey(s.PublicKey())) }
	tests := []struct {
		name string
		text string
		keys int
		bad  []int
	}{
		{"empty", "", 0, nil},
		{"two keys", line(a) + line(b), 2, nil},
		{"comments and blanks", "# admins\n\n" + line(a) + "   \n", 1, nil},
		{"options and comment", `from="127.0.0.1" ` + strings.TrimSpace(line(a)) + " alice@host\n", 1, nil},
		{"bad line skipped", "ssh-ed25519 notbase64!\n" + line(b) + "garbage\n", 1, []int{1, 3}},
		{"no final newline", strings.TrimSpace(line(a)), 1, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "keys")
			if err := os.WriteFile(path, []byte(tt.text), 0o600); err != nil {
				t.Fatal(err)
			}
			keys, bad, err := ReadAuthorizedKeys(path)
			if err != nil {
				t.Fatal(err)
			}
			if len(keys) != tt.keys || !slices.Equal(bad, tt.bad) {
				t.Errorf("%d keys, bad lines %v; want %d and %v", len(keys), bad, tt.keys, tt.bad)
			}
		})
	}
	if _, _, err := ReadAuthorizedKeys(filepath.Join(t.TempDir(), "missing")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
}
