package telnet

import (
	"math/rand/v2"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"mythosd/world/netcore/nettest"

	"mythosd/world/netcore"

	"mythosd/world"
)

// connect starts a server with a test world and connects one client past
// the greeting. It returns the client, the server-side connection and the
// world.
func connect(tb testing.TB, s *Server) (*client, world.Conn, *testAcceptor) {
	tb.Helper()
	acc := newTestAcceptor()
	s.Acceptor = acc
	addr := startServer(tb, s)
	c := dial(tb, addr)
	c.expect(greeting)
	return c, acc.next(tb), acc
}

func TestConnLines(t *testing.T) {
	tests := []struct {
		name string
		send string
		want string
	}{
		{"CR LF", "look\r\n", "you said: look\r\n"},
		{"split over writes", "lo", "you said: look\r\n"},
		{"CR NUL", "north\r\x00", "you said: north\r\n"},
		{"bare LF", "say hi\n", "you said: say hi\r\n"},
		{"IAC IAC", "a\xff\xffb\r\n", "you said: a\uFFFDb\r\n"},
		{"invalid UTF-8", "caf\xe9\r\n", "you said: caf\uFFFD\r\n"},
		{"backspace", "lookk\b\r\n", "you said: look\r\n"},
	}
	c, _, _ := connect(t, &Server{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c.tb = t
			c.write(tt.send)
			if tt.name == "split over writes" {
				c.write("ok\r")
				c.write("\n")
			}
			c.expect(tt.want)
		})
	}
}

func TestConnPassword(t *testing.T) {
	c, _, _ := connect(t, &Server{})
	c.write("password\r\n")
	c.expect("\xff\xfb\x01Password: \xff\xf9")
	c.write("\xff\xfd\x01secret\r\n") // DO ECHO, then the password
	c.expect("you said: secret\r\n")
	c.write("password\r\n") // echo is already off: no second WILL ECHO
	c.expect("Password: \xff\xf9")
	c.write("echo\r\n")
	c.expect("\xff\xfc\x01")
	c.write("\xff\xfe\x01echo\r\n") // DONT ECHO; asking again sends nothing
	c.write("x\r\n")
	c.expect("you said: x\r\n")
}

func TestConnClientRefusesEcho(t *testing.T) {
	c, _, _ := connect(t, &Server{})
	c.write("password\r\n")
	c.expect("\xff\xfb\x01Password: \xff\xf9")
	c.write("\xff\xfe\x01echo\r\nx\r\n") // DONT ECHO: nothing to undo
	c.expect("you said: x\r\n")
}

func TestConnSuppressGoAhead(t *testing.T) {
	c, _, _ := connect(t, &Server{})
	c.write("\xff\xfd\x03") // DO SGA
	c.expect("\xff\xfb\x03")
	c.write("\xff\xfd\x03\xff\xfd\x18password\r\n") // DO SGA again, DO TTYPE
	c.write("x\r\n")
	c.expect("\xff\xfc\x18\xff\xfb\x01Password: you said: x\r\n")
	c.write("\xff\xfe\x03") // DONT SGA: GA comes back
	c.expect("\xff\xfc\x03")
	c.write("password\r\n")
	c.expect("Password: \xff\xf9")
}

func TestConnOptionPlugin(t *testing.T) {
	s := &Server{Options: func() []Option { return append(DefaultOptions(), &testOption{}) }}
	acc := newTestAcceptor()
	s.Acceptor = acc
	c := dial(t, startServer(t, s))
	c.expect(offers + "\xff\xfb\xc8Welcome.\r\n") // the offer comes before the world speaks
	c.write("\xff\xfd\xc8\xff\xfa\xc8ping\xff\xf0password\r\n")
	c.expect("\xff\xfa\xc8po\xff\xffng\xff\xf0\xff\xfb\x01Password: \xff\xef")
}

func TestConnLineTooLong(t *testing.T) {
	c, conn, _ := connect(t, &Server{})
	conn.LoggedIn() // past the byte budget of a connection logging in
	huge := strings.Repeat("a", 1<<20)
	go func() { _, _ = c.nc.Write([]byte(huge + "\r\nlook\r\n")) }()
	got := c.readUntil("you said: look\r\n")
	if want := "Line too long (over 4096 bytes); it was ignored.\r\nyou said: look\r\n"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	c.write(strings.Repeat("b", MaxLineBytes) + "\r\n")
	c.expect("you said: " + strings.Repeat("b", MaxLineBytes) + "\r\n")
}

func TestConnRandomBytes(t *testing.T) {
	acc := newTestAcceptor()
	addr := startServer(t, &Server{Acceptor: acc})
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 4 {
		c := dial(t, addr)
		c.expect(greeting)
		conn := acc.next(t)
		junk := make([]byte, 256<<10)
		for j := range junk {
			junk[j] = byte(rng.Uint32())
			if i%2 == 1 && j%7 == 0 {
				junk[j] = cmdIAC // many broken commands
			}
		}
		go func() {
			_, _ = c.nc.Write(junk)
			_ = c.nc.(*net.TCPConn).CloseWrite()
		}()
		c.readToEnd()
		acc.waitHangup(t, conn)
	}
	c := dial(t, addr)
	c.expect(greeting)
	c.write("look\r\n")
	c.expect("you said: look\r\n")
}

func TestConnPanicEndsOnlyItsConnection(t *testing.T) {
	var logs logBuffer
	acc := newTestAcceptor()
	addr := startServer(t, &Server{Acceptor: acc, Logger: logs.logger()})
	calm := dial(t, addr)
	calm.expect(greeting)
	acc.next(t)
	wild := dial(t, addr)
	wild.expect(greeting)
	wildConn := acc.next(t)
	wild.write("panic\r\nlook\r\n")
	if rest := wild.readToEOF(); rest != "" {
		t.Fatalf("after the panic the client got %q", rest)
	}
	acc.waitHangup(t, wildConn)
	calm.write("look\r\n")
	calm.expect("you said: look\r\n")
	for _, want := range []string{"panic in Line", "test handler panics", "stack="} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("log lacks %q:\n%s", want, logs.String())
		}
	}
}

func TestConnCloseFlushes(t *testing.T) {
	c, conn, acc := connect(t, &Server{})
	c.write("quit\r\nlook\r\n")
	if rest := c.readToEOF(); rest != "Bye.\r\n" {
		t.Fatalf("got %q before EOF, want %q", rest, "Bye.\r\n")
	}
	acc.waitHangup(t, conn)
	if conn.Send("late\n") {
		t.Error("Send after Close returned true")
	}
	if conn.Prompt("> ") {
		t.Error("Prompt after Close returned true")
	}
	conn.SetEcho(false) // harmless once closed
}

func TestConnCloseFromManyGoroutines(t *testing.T) {
	c, conn, acc := connect(t, &Server{})
	conn.Send("one\n")
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			conn.Close(netcore.CauseQuit)
			conn.Send("more\n")
		})
	}
	wg.Wait()
	if rest := c.readToEOF(); rest != "one\r\n" {
		t.Fatalf("got %q before EOF, want %q", rest, "one\r\n")
	}
	acc.waitHangup(t, conn)
}

func TestConnHalfClose(t *testing.T) {
	c, conn, acc := connect(t, &Server{})
	c.write("look\r\n")
	if err := c.nc.(*net.TCPConn).CloseWrite(); err != nil {
		t.Fatal(err)
	}
	if rest := c.readToEOF(); rest != "you said: look\r\n" {
		t.Fatalf("got %q, want the answer to look", rest)
	}
	acc.waitHangup(t, conn)
}

func TestConnSlowClient(t *testing.T) {
	tests := []struct {
		name    string
		outbox  int
		timeout time.Duration
		text    string
		once    bool // send one message, else send until Send fails
	}{
		{"outbox full", 4, ioTimeout, strings.Repeat("x", 64<<10) + "\n", false},
		{"write timeout", 0, 500 * time.Millisecond, strings.Repeat("x", 32<<20), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var logs logBuffer
			acc := newTestAcceptor()
			srv := &Server{Acceptor: acc, OutboxSize: tt.outbox, WriteTimeout: tt.timeout, Logger: logs.logger()}
			addr := startServer(t, srv)
			slow := dial(t, addr) // never reads
			if err := slow.nc.(*net.TCPConn).SetReadBuffer(4096); err != nil {
				t.Fatal(err)
			}
			slowConn := acc.next(t)
			fast := dial(t, addr)
			fast.expect(greeting)
			fastConn := acc.next(t)
			if tt.once {
				slowConn.Send(tt.text)
			} else {
				nettest.WaitUntil(t, "Send to fail", func() bool { return !slowConn.Send(tt.text) })
			}
			acc.waitHangup(t, slowConn)
			fastConn.Send("still here\n")
			fast.expect("still here\r\n")
			nettest.WaitUntil(t, "the slow client's end to be counted", func() bool {
				return srv.Stats().Ended[netcore.CauseSlowClient] == 1
			})
			if !strings.Contains(logs.String(), "cause=slow_client") {
				t.Errorf("log lacks the end with its cause:\n%s", logs.String())
			}
			if slowConn.Send("more\n") {
				t.Error("Send to a dropped client returned true")
			}
		})
	}
}

// TestConnFloodIsPaced pastes many lines at once into a small outbox: the
// read loop waits for the answers to go out instead of dropping the client.
func TestConnFloodIsPaced(t *testing.T) {
	c, _, _ := connect(t, &Server{OutboxSize: 4})
	const lines = 2000
	go func() { _, _ = c.nc.Write([]byte(strings.Repeat("x\r\n", lines) + "done\r\n")) }()
	got := c.readUntil("you said: done\r\n")
	if n := strings.Count(got, "you said: x\r\n"); n != lines {
		t.Fatalf("got %d answers, want %d", n, lines)
	}
}

// firstAcceptor misbehaves with the first connection, then hands the
// others to a testAcceptor.
type firstAcceptor struct {
	*testAcceptor
	first   atomic.Bool
	refuse  bool // refuse the first connection politely, else panic
	refused string
}

func (a *firstAcceptor) Accept(c world.Conn) world.LineHandler {
	if a.first.Swap(true) {
		return a.testAcceptor.Accept(c)
	}
	if !a.refuse {
		panic("test acceptor panics")
	}
	c.Send(a.refused)
	return nil
}

func TestConnAcceptorMisbehaves(t *testing.T) {
	tests := []struct {
		name   string
		refuse bool
		want   string
	}{
		// A panic drops the connection at once: the offers may or may
		// not have gone out before.
		{"panics", false, ""},
		{"refuses", true, offers + "Go away.\r\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			acc := &firstAcceptor{testAcceptor: newTestAcceptor(), refuse: tt.refuse, refused: "Go away.\n"}
			addr := startServer(t, &Server{Acceptor: acc})
			first := dial(t, addr)
			got := first.readToEOF()
			if !tt.refuse {
				got = strings.TrimPrefix(got, offers)
			}
			if got != tt.want {
				t.Fatalf("first client got %q, want %q", got, tt.want)
			}
			second := dial(t, addr)
			second.expect(greeting)
			second.write("look\r\n")
			second.expect("you said: look\r\n")
		})
	}
}
