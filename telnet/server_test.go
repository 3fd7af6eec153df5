package telnet

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"strings"
	"syscall"
	"testing"
	"time"

	"mythosd/world/netcore/nettest"

	"mythosd/world/netcore"
)

func TestServerMaxConns(t *testing.T) {
	acc := newTestAcceptor()
	s := &Server{Acceptor: acc, Limits: netcore.Limits{MaxConns: 2}}
	addr := startServer(t, s)
	first := dial(t, addr)
	first.expect(greeting)
	firstConn := acc.next(t)
	second := dial(t, addr)
	second.expect(greeting)
	acc.next(t)
	third := dial(t, addr)
	if got := third.readToEOF(); !strings.Contains(got, "Too many players") {
		t.Fatalf("third client got %q, want the refusal", got)
	}
	if got := s.Stats(); got.Open != 2 || got.Accepted != 2 || got.Refused[netcore.ReasonFull] != 1 {
		t.Fatalf("Stats() = %+v, want 2 open, 2 accepted, 1 refused full", got)
	}
	first.write("quit\r\n")
	first.readToEOF()
	acc.waitHangup(t, firstConn)
	nettest.WaitUntil(t, "the first connection to be forgotten", func() bool { return s.Stats().Open == 1 })
	fourth := dial(t, addr)
	fourth.expect(greeting)
	if got := s.Stats(); got.Open != 2 || got.Accepted != 3 || got.Refused[netcore.ReasonFull] != 1 {
		t.Fatalf("Stats() = %+v, want 2 open, 3 accepted, 1 refused full", got)
	}
}

// serveOn serves s on a fresh listener and returns its address and a
// channel that gets Serve's result.
func serveOn(tb testing.TB, s *Server) (string, <-chan error) {
	tb.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatalf("listen: %v", err)
	}
	served := make(chan error, 1)
	go func() { served <- s.Serve(l) }()
	tb.Cleanup(func() { _ = s.Close() })
	return l.Addr().String(), served
}

// waitServed waits for Serve to return ErrServerClosed.
func waitServed(tb testing.TB, served <-chan error) {
	tb.Helper()
	select {
	case err := <-served:
		if !errors.Is(err, ErrServerClosed) {
			tb.Fatalf("Serve returned %v, want ErrServerClosed", err)
		}
	case <-time.After(ioTimeout):
		tb.Fatal("Serve did not return")
	}
}

func TestServerShutdownWaitsForConnections(t *testing.T) {
	acc := newTestAcceptor()
	s := &Server{Acceptor: acc}
	addr, served := serveOn(t, s)
	c := dial(t, addr)
	c.expect(greeting)
	conn := acc.next(t)
	shut := make(chan error, 1)
	go func() { shut <- s.Shutdown(context.Background()) }()
	waitServed(t, served)
	if _, err := net.Dial("tcp", addr); err == nil {
		t.Error("the listener still accepts after Shutdown")
	}
	select {
	case err := <-shut:
		t.Fatalf("Shutdown returned %v while a connection is open", err)
	default:
	}
	c.write("look\r\n") // the open connection is still served
	c.expect("you said: look\r\n")
	conn.Send("The stars are right; goodbye.\n")
	conn.Close(netcore.CauseKicked)
	if got := c.readToEOF(); got != "The stars are right; goodbye.\r\n" {
		t.Fatalf("got %q before EOF", got)
	}
	select {
	case err := <-shut:
		if err != nil {
			t.Fatalf("Shutdown returned %v", err)
		}
	case <-time.After(ioTimeout):
		t.Fatal("Shutdown did not return once the connection ended")
	}
	acc.waitHangup(t, conn)
	if got := s.Stats().Open; got != 0 {
		t.Fatalf("%d connections left", got)
	}
}

func TestServerShutdownContextDone(t *testing.T) {
	acc := newTestAcceptor()
	s := &Server{Acceptor: acc}
	addr, served := serveOn(t, s)
	c := dial(t, addr)
	c.expect(greeting)
	conn := acc.next(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.Shutdown(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("Shutdown returned %v, want context.Canceled", err)
	}
	waitServed(t, served)
	c.readToEnd()
	acc.waitHangup(t, conn)
}

func TestServerShutdownWithoutConnections(t *testing.T) {
	s := &Server{Acceptor: newTestAcceptor()}
	_, served := serveOn(t, s)
	ctx, cancel := context.WithTimeout(context.Background(), ioTimeout)
	defer cancel()
	if err := s.Shutdown(ctx); err != nil {
		t.Fatalf("Shutdown returned %v", err)
	}
	waitServed(t, served)
}

func TestServerCloseDoesNotWait(t *testing.T) {
	acc := newTestAcceptor()
	s := &Server{Acceptor: acc}
	addr, served := serveOn(t, s)
	c := dial(t, addr)
	c.expect(greeting)
	conn := acc.next(t)
	if err := s.Close(); err != nil {
		t.Fatalf("Close returned %v", err)
	}
	waitServed(t, served)
	c.readToEnd()
	acc.waitHangup(t, conn)
	if err := s.Close(); err != nil {
		t.Fatalf("second Close returned %v", err)
	}
	nettest.WaitUntil(t, "connections to end", func() bool { return s.Stats().Open == 0 })
}

func TestServeAfterClose(t *testing.T) {
	s := &Server{Acceptor: newTestAcceptor()}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Serve(l); !errors.Is(err, ErrServerClosed) {
		t.Fatalf("Serve returned %v, want ErrServerClosed", err)
	}
	if _, err := l.Accept(); !errors.Is(err, net.ErrClosed) {
		t.Fatalf("the listener was not closed: %v", err)
	}
}

func TestServeWithoutAcceptor(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if err := new(Server).Serve(l); err == nil || errors.Is(err, ErrServerClosed) {
		t.Fatalf("Serve without an Acceptor returned %v", err)
	}
}

// faultyListener fails its first accepts with err, then accepts for real.
type faultyListener struct {
	net.Listener
	failures chan error
}

func (l *faultyListener) Accept() (net.Conn, error) {
	select {
	case err := <-l.failures:
		return nil, err
	default:
		return l.Listener.Accept()
	}
}

func TestServerAcceptErrors(t *testing.T) {
	tests := []struct {
		name      string
		errs      []error
		wantServe bool // Serve keeps going
		wantLog   string
	}{
		{"temporary errors back off", []error{syscall.EMFILE, syscall.ENFILE, syscall.ECONNABORTED}, true, "accept failed; retrying"},
		{"permanent error ends Serve", []error{syscall.EINVAL}, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var logs logBuffer
			acc := newTestAcceptor()
			s := &Server{Acceptor: acc, Logger: logs.logger()}
			inner, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			l := &faultyListener{Listener: inner, failures: make(chan error, len(tt.errs))}
			for _, e := range tt.errs {
				l.failures <- &net.OpError{Op: "accept", Net: "tcp", Err: e}
			}
			served := make(chan error, 1)
			go func() { served <- s.Serve(l) }()
			t.Cleanup(func() { _ = s.Close() })
			if !tt.wantServe {
				select {
				case err := <-served:
					if err == nil || errors.Is(err, ErrServerClosed) || !errors.Is(err, syscall.EINVAL) {
						t.Fatalf("Serve returned %v, want the accept error", err)
					}
				case <-time.After(ioTimeout):
					t.Fatal("Serve did not return")
				}
				return
			}
			c := dial(t, inner.Addr().String())
			c.expect(greeting)
			if n := strings.Count(logs.String(), tt.wantLog); n != len(tt.errs) {
				t.Fatalf("log has %d %q, want %d:\n%s", n, tt.wantLog, len(tt.errs), logs.String())
			}
			_ = s.Close()
			waitServed(t, served)
		})
	}
}

// TestServerCloseDuringBackoff closes the server while Serve waits after a
// temporary error: Serve returns at once with ErrServerClosed.
func TestServerCloseDuringBackoff(t *testing.T) {
	s := &Server{Acceptor: newTestAcceptor(), Logger: slog.New(slog.DiscardHandler)}
	inner, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	l := &faultyListener{Listener: inner, failures: make(chan error, 100)}
	for range 100 {
		l.failures <- &net.OpError{Op: "accept", Net: "tcp", Err: syscall.EMFILE}
	}
	served := make(chan error, 1)
	go func() { served <- s.Serve(l) }()
	nettest.WaitUntil(t, "Serve to back off", func() bool { return len(l.failures) < 95 })
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	waitServed(t, served)
}
