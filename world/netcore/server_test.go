package netcore

import (
	"bufio"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"strings"
	"syscall"
	"testing"
	"time"

	"mythosd/world/netcore/nettest"
)

// startCore serves s on 127.0.0.1:0 until the test ends; Handle reads
// until the client or the core ends the connection, logging in on the line
// "login".
func startCore(tb testing.TB, s *Server) string {
	tb.Helper()
	if s.Handle == nil {
		s.Handle = func(c *Conn) {
			c.SetStop(func() { c.Close() })
			r := bufio.NewReader(c)
			for {
				line, err := r.ReadString('\n')
				if err != nil {
					return
				}
				if strings.TrimSpace(line) == "login" {
					c.LoggedIn()
				}
			}
		}
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	served := make(chan error, 1)
	go func() { served <- s.Serve(l) }()
	tb.Cleanup(func() {
		s.Close()
		if err := <-served; !errors.Is(err, ErrServerClosed) {
			tb.Errorf("Serve = %v", err)
		}
	})
	return l.Addr().String()
}

func dialCore(tb testing.TB, addr string) net.Conn {
	tb.Helper()
	nc, err := net.DialTimeout("tcp", addr, nettest.Timeout)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { nc.Close() })
	return nc
}

// statsAre waits until the server's stats satisfy ok.
func statsAre(tb testing.TB, s *Server, what string, ok func(Stats) bool) {
	tb.Helper()
	nettest.WaitFor(tb, what, func() error {
		if st := s.Stats(); !ok(st) {
			return fmt.Errorf("stats %+v", st)
		}
		return nil
	})
}

func TestAdmission(t *testing.T) {
	tests := []struct {
		name   string
		limits Limits
		open   int // connections opened and left silent first
		login  int // of those, how many log in
		reason Reason
		want   string
	}{
		{"full", Limits{MaxConns: 2}, 2, 0, ReasonFull, "Too many players"},
		{"per address", Limits{MaxPerAddr: 2}, 2, 0, ReasonPerAddr, "from your address"},
		{"login budget", Limits{MaxLogin: 2, LoginGrace: time.Hour}, 3, 1, ReasonLoginBudget, "logging in"},
		{"banned", Limits{Banned: func(a netip.Addr) bool { return a.IsLoopback() }}, 0, 0, ReasonBanned, "banned"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &Server{Name: "test", Limits: tt.limits}
			addr := startCore(t, s)
			for i := range tt.open {
				nc := dialCore(t, addr)
				if i < tt.login {
					fmt.Fprintln(nc, "login")
					statsAre(t, s, "the login", func(st Stats) bool { return st.LoggedIn == i+1 })
				}
			}
			statsAre(t, s, "the first connections", func(st Stats) bool { return st.Open == tt.open })
			nc := dialCore(t, addr)
			got, closed := readAll(nc)
			if !closed || !strings.Contains(got, tt.want) {
				t.Fatalf("the refused client read %q (closed %v), want %q", got, closed, tt.want)
			}
			if st := s.Stats(); st.Refused[tt.reason] != 1 || st.Accepted != int64(tt.open) {
				t.Errorf("stats %+v, want 1 refused for %v", st, tt.reason)
			}
		})
	}
}

// readAll reads nc to its end.
func readAll(nc net.Conn) (string, bool) {
	var b strings.Builder
	nc.SetReadDeadline(time.Now().Add(nettest.Timeout))
	buf := make([]byte, 512)
	for {
		n, err := nc.Read(buf)
		b.Write(buf[:n])
		if err != nil {
			var ne net.Error
			return b.String(), !(errors.As(err, &ne) && ne.Timeout())
		}
	}
}

// TestDisplaceOldest fills the login budget; once its oldest connection
// has waited DisplaceAfter, a newcomer takes its place.
func TestDisplaceOldest(t *testing.T) {
	s := &Server{Name: "test", Limits: Limits{MaxLogin: 2, LoginGrace: time.Hour, DisplaceAfter: 10 * time.Millisecond}}
	addr := startCore(t, s)
	oldest := dialCore(t, addr)
	statsAre(t, s, "the oldest", func(st Stats) bool { return st.Open == 1 })
	dialCore(t, addr)
	statsAre(t, s, "the second", func(st Stats) bool { return st.Open == 2 })
	time.Sleep(20 * time.Millisecond) // past DisplaceAfter: what the test is about
	dialCore(t, addr)
	if _, closed := readAll(oldest); !closed {
		t.Fatal("the oldest connection was not displaced")
	}
	statsAre(t, s, "the displacement", func(st Stats) bool {
		return st.Ended[CauseDisplaced] == 1 && st.Open == 2 && st.LoggingIn == 2
	})
}

// TestLoginGraceAndBudget ends a silent connection at the grace and a
// chatty one at the byte budget, and spares one that logged in.
func TestLoginGraceAndBudget(t *testing.T) {
	s := &Server{Name: "test", Limits: Limits{LoginGrace: 200 * time.Millisecond, LoginBytes: 1024}}
	addr := startCore(t, s)
	player := dialCore(t, addr)
	fmt.Fprintln(player, "login")
	statsAre(t, s, "the login", func(st Stats) bool { return st.LoggedIn == 1 })
	silent := dialCore(t, addr)
	chatty := dialCore(t, addr)
	go func() {
		for range 100 {
			if _, err := chatty.Write([]byte(strings.Repeat("x", 100) + "\n")); err != nil {
				return
			}
		}
	}()
	for _, nc := range []net.Conn{silent, chatty} {
		if _, closed := readAll(nc); !closed {
			t.Fatal("a connection that did not log in stayed open")
		}
	}
	statsAre(t, s, "the ends", func(st Stats) bool {
		return st.Ended[CauseLoginGrace] == 1 && st.Ended[CauseLoginFailed] == 1 && st.Open == 1
	})
	fmt.Fprintln(player, strings.Repeat("y", 4096)) // past the budget, but logged in
	if st := s.Stats(); st.Open != 1 {
		t.Errorf("the player was dropped: %+v", st)
	}
}

// TestSendBuffer checks that SendBuffer fixes the kernel send buffer.
func TestSendBuffer(t *testing.T) {
	got := make(chan int, 1)
	s := &Server{Name: "test", Limits: Limits{SendBuffer: 64 << 10}, Handle: func(c *Conn) {
		raw, err := c.raw.(*net.TCPConn).SyscallConn()
		if err != nil {
			got <- -1
			return
		}
		raw.Control(func(fd uintptr) {
			n, _ := syscall.GetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_SNDBUF)
			got <- n
		})
	}}
	dialCore(t, startCore(t, s))
	if n := <-got; n != 2*(64<<10) { // Linux doubles what it is given, for its bookkeeping
		t.Errorf("SO_SNDBUF = %d, want %d", n, 2*(64<<10))
	}
}
