package ssh

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"mythosd/ssh/sshtest"

	"mythosd/world/netcore/nettest"

	"mythosd/world/netcore"

	gossh "golang.org/x/crypto/ssh"

	"mythosd/world"
)

// ioTimeout bounds every wait of a test; it only turns a hang into a
// failure and is never what a test measures.
const ioTimeout = 10 * time.Second

// testGame is a tiny world for the transport: it knows a few passwords and
// keys, greets, echoes lines and obeys a few commands, and records
// connections and hangups.
type testGame struct {
	passwords map[string]string // name -> password
	keys      map[string]string // fingerprint -> name
	accepted  chan world.Conn

	mu      sync.Mutex // guards keys and hangups
	hangups map[world.Conn]int
}

func newTestGame() *testGame {
	return &testGame{
		passwords: map[string]string{"alice": "lanterns1"},
		keys:      map[string]string{},
		accepted:  make(chan world.Conn, 64),
		hangups:   map[world.Conn]int{},
	}
}

// Accept is the dialogue of the user "new".
func (g *testGame) Accept(c world.Conn) world.LineHandler {
	c.Send("Welcome, stranger.\n")
	c.Prompt("new> ")
	g.accepted <- c
	return &testHandler{c: c, g: g}
}

// AcceptAuthenticated enters an authenticated player.
func (g *testGame) AcceptAuthenticated(c world.Conn, name string) world.LineHandler {
	c.Send("Welcome back, " + name + ".\n")
	c.Prompt("> ")
	g.accepted <- c
	return &testHandler{c: c, g: g}
}

func (g *testGame) CheckPassword(_ context.Context, _, name, password string) error {
	if pw, ok := g.passwords[strings.ToLower(name)]; ok && pw == password {
		return nil
	}
	return world.ErrBadLogin
}

func (g *testGame) CheckKey(_ context.Context, name, fingerprint string) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if owner, ok := g.keys[fingerprint]; ok && strings.EqualFold(owner, name) {
		return nil
	}
	return world.ErrBadLogin
}

// next returns the next accepted connection.
func (g *testGame) next(tb testing.TB) world.Conn {
	tb.Helper()
	select {
	case c := <-g.accepted:
		return c
	case <-time.After(ioTimeout):
		tb.Fatal("no session was accepted")
		return nil
	}
}

func (g *testGame) hangupCount(c world.Conn) int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.hangups[c]
}

// waitHangup waits until c was hung up, and checks it was exactly once.
func (g *testGame) waitHangup(tb testing.TB, c world.Conn) {
	tb.Helper()
	nettest.WaitUntil(tb, "hangup", func() bool { return g.hangupCount(c) > 0 })
	if n := g.hangupCount(c); n != 1 {
		tb.Errorf("Hangup called %d times, want 1", n)
	}
}

// testHandler answers lines for testGame.
type testHandler struct {
	c        world.Conn
	g        *testGame
	password bool
}

func (h *testHandler) Line(line string) {
	if h.password {
		h.password = false
		h.c.SetEcho(true)
		h.c.Send(fmt.Sprintf("\ngot a secret of %d letters\n", len(line)))
		h.c.Prompt("> ")
		return
	}
	if h.command(line) {
		h.c.Prompt("> ")
	}
}

// command obeys one line; false when no prompt should follow.
func (h *testHandler) command(line string) bool {
	switch line {
	case "panic":
		panic("test handler panics")
	case "password":
		h.password = true
		h.c.SetEcho(false)
		h.c.Prompt("Password: ")
		return false
	case "width":
		h.c.Send(fmt.Sprintf("width=%d\n", h.c.Info().Width))
	case "info":
		i := h.c.Info()
		h.c.Send(fmt.Sprintf("transport=%s client=%s remote=%t\n", i.Transport, i.Client, i.RemoteAddr != ""))
	case "colour":
		h.c.Send("\x1b[38;2;255;0;0mred\x1b[0m and \x1b[2Jplain\a\r\x00\u0085 bytes\n")
	case "quit":
		h.c.Send("Bye.\n")
		h.c.Close(netcore.CauseQuit)
		return false
	default:
		h.c.Send("You typed: " + line + "\n")
	}
	return true
}

func (h *testHandler) Hangup() {
	h.g.mu.Lock()
	h.g.hangups[h.c]++
	h.g.mu.Unlock()
}

// testServer is a running player server on loopback.
type testServer struct {
	*Server
	game   *testGame
	addr   string
	served chan error
}

// startServer serves on 127.0.0.1:0 with a fresh host key; set changes the
// server before it starts. It is shut down when the test ends.
func startServer(tb testing.TB, set func(*Server)) *testServer {
	tb.Helper()
	_, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		tb.Fatal(err)
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		tb.Fatal(err)
	}
	game := newTestGame()
	srv := &Server{
		Game: game, HostKey: signer, LoginDelay: time.Millisecond,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	}
	if set != nil {
		set(srv)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	ts := &testServer{Server: srv, game: game, addr: l.Addr().String(), served: make(chan error, 1)}
	go func() { ts.served <- srv.Serve(l) }()
	tb.Cleanup(func() { ts.stop(tb) })
	return ts
}

// stop closes the server and checks that Serve ended as it should.
func (ts *testServer) stop(tb testing.TB) {
	tb.Helper()
	if err := ts.Close(); err != nil {
		tb.Errorf("close: %v", err)
	}
	select {
	case err := <-ts.served:
		if !errors.Is(err, ErrServerClosed) {
			tb.Errorf("Serve returned %v, want ErrServerClosed", err)
		}
		ts.served <- err
	case <-time.After(ioTimeout):
		tb.Error("Serve did not return")
	}
}

// clientConfig is a client config for user with auth, trusting the
// server's host key.
func (ts *testServer) clientConfig(user string, auth ...gossh.AuthMethod) *gossh.ClientConfig {
	return &gossh.ClientConfig{
		User:            user,
		Auth:            auth,
		HostKeyCallback: gossh.FixedHostKey(ts.HostKey.PublicKey()),
		Timeout:         ioTimeout,
	}
}

// dial connects as user with auth.
func (ts *testServer) dial(tb testing.TB, user string, auth ...gossh.AuthMethod) (*gossh.Client, error) {
	tb.Helper()
	client, err := gossh.Dial("tcp", ts.addr, ts.clientConfig(user, auth...))
	if err == nil {
		tb.Cleanup(func() { client.Close() })
	}
	return client, err
}

// player is the shared PTY client (sshtest), with this package's names.
type player struct{ *sshtest.Player }

// play logs in as user with auth and starts a shell on a PTY of termType,
// width columns.
func (ts *testServer) play(tb testing.TB, user, termType string, width int, auth ...gossh.AuthMethod) *player {
	tb.Helper()
	client, err := ts.dial(tb, user, auth...)
	if err != nil {
		tb.Fatalf("dial as %s: %v", user, err)
	}
	return startShell(tb, client, termType, width)
}

// startShell opens a session with a PTY and a shell on client.
func startShell(tb testing.TB, client *gossh.Client, termType string, width int) *player {
	tb.Helper()
	return &player{sshtest.Start(tb, client, termType, width)}
}

// typeKeys sends raw keystrokes.
func (p *player) typeKeys(keys string) { p.TB.Helper(); p.Type(keys) }

// send types a line and presses Enter.
func (p *player) send(line string) { p.TB.Helper(); p.Send(line) }

// expect waits until want has arrived and returns everything up to it.
func (p *player) expect(want string) string { p.TB.Helper(); return p.Expect(want) }

// do sends a command and returns the output up to the next prompt.
func (p *player) do(line string) string {
	p.TB.Helper()
	p.Send(line)
	return p.Expect("\r\n> ")
}

// wait waits for the session to end and returns its error.
func (p *player) wait() error { p.TB.Helper(); return p.Wait() }

// newClientKey makes a client key and registers it for name when name is
// not "".
func (ts *testServer) newClientKey(tb testing.TB, name string) gossh.Signer {
	tb.Helper()
	_, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		tb.Fatal(err)
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		tb.Fatal(err)
	}
	if name != "" {
		ts.game.mu.Lock()
		ts.game.keys[gossh.FingerprintSHA256(signer.PublicKey())] = name
		ts.game.mu.Unlock()
	}
	return signer
}
