package ssh

import (
	"io"
	"os"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"

	"mythosd/world"
	"mythosd/world/netcore/nettest"
)

func TestMain(m *testing.M) {
	if ran, code := nettest.ServeClients(openIdleClient); ran {
		os.Exit(code)
	}
	os.Exit(m.Run())
}

// idleClients keeps the client process's sessions open.
var idleClients []*gossh.Client

// openIdleClient opens an idle session of the user "new" to addr.
func openIdleClient(addr string) error {
	cfg := &gossh.ClientConfig{User: NewUser, HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: ioTimeout}
	return openIdleSession(addr, cfg)
}

// openIdleSession opens a session with a PTY and a shell, and drains it.
func openIdleSession(addr string, cfg *gossh.ClientConfig) error {
	client, err := gossh.Dial("tcp", addr, cfg)
	if err != nil {
		return err
	}
	idleClients = append(idleClients, client)
	sess, err := client.NewSession()
	if err != nil {
		return err
	}
	out, err := sess.StdoutPipe()
	if err != nil {
		return err
	}
	if _, err := sess.StdinPipe(); err != nil {
		return err
	}
	if err := sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
		return err
	}
	if err := sess.Shell(); err != nil {
		return err
	}
	go io.Copy(io.Discard, out)
	return nil
}

// loggingInGame is the test game whose sessions log in at once, as a
// player's does when it enters the world: the login budget no longer
// applies to them.
type loggingInGame struct{ *testGame }

func (g loggingInGame) Accept(c world.Conn) world.LineHandler {
	c.LoggedIn()
	return g.testGame.Accept(c)
}

func (g loggingInGame) AcceptAuthenticated(c world.Conn, name string) world.LineHandler {
	c.LoggedIn()
	return g.testGame.AcceptAuthenticated(c, name)
}

// BenchmarkIdleConn measures the server memory (Go heap and stacks) of an
// idle logged-in SSH session showing its prompt: goroutines, buffers and
// the SSH state, as the difference between 1,000 and 5,000 sessions whose
// clients run in another process. It measures once, whatever -benchtime
// says.
func BenchmarkIdleConn(b *testing.B) {
	ts := startServer(b, func(s *Server) {
		game := s.Game.(*testGame)
		game.accepted = make(chan world.Conn, 5000)
		s.Game = loggingInGame{game}
	})
	for b.Loop() {
		// The measure is the metric below, taken once: the loop only
		// satisfies the benchmark harness (whose timer reset would clear
		// a metric reported before it).
	}
	open := nettest.Clients(b, ts.addr)
	total := 0
	nettest.PerConn(b, 1000, 5000, func(n int) {
		open(n)
		total += n
		nettest.WaitUntil(b, "sessions", func() bool { return ts.Stats().LoggedIn == total })
	})
}

// BenchmarkCommandRoundTrip measures a line typed over SSH and its answer
// coming back, through the Terminal, the outbox and the cipher. The player
// is logged in, as in the world: the login budget would otherwise cut the
// connection off after some hundreds of lines.
func BenchmarkCommandRoundTrip(b *testing.B) {
	ts := startServer(b, func(s *Server) { s.Game = loggingInGame{s.Game.(*testGame)} })
	p := ts.play(b, "alice", "xterm-256color", 80, gossh.Password("lanterns1"))
	p.expect("> ")
	for b.Loop() {
		p.do("look")
	}
}

// BenchmarkRender measures rendering a coloured room description for a
// 256-colour terminal.
func BenchmarkRender(b *testing.B) {
	st := newStyle("xterm-256color", "")
	text := "\x1b[1;38;2;200;180;120mArkham Sanitarium, Foyer\x1b[0m\n" +
		strings.Repeat("The walls breathe, slow and patient, and the lamps gutter. ", 8) + "\n" +
		"\x1b[38;2;120;160;200mExits: north, south, east.\x1b[0m\n"
	var buf []byte
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		buf = st.render(buf[:0], text)
	}
}
