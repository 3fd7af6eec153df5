package netcore

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/netip"
	"sync"
	"time"
)

// ErrServerClosed is returned by Serve after Shutdown or Close.
var ErrServerClosed = errors.New("netcore: server closed")

// refuseTimeout bounds the write of a refusal line. A fresh socket's send
// buffer is empty, so the write does not wait in practice.
const refuseTimeout = time.Second

// Server accepts connections and admits them under its Limits, with the
// net/http shape: set its fields, call Serve; the fields must not change
// afterwards. Each admitted connection is served by Handle on a goroutine
// of its own; the connection is over when Handle returns.
type Server struct {
	// Name names the listener in logs ("telnet", "ssh", ...).
	Name string
	// Limits is what the server admits.
	Limits Limits
	// TLS, when set, makes every connection TLS; the handshake runs in
	// Handle's first read and counts against the login grace.
	TLS *tls.Config
	// Handle serves one admitted connection; required.
	Handle func(c *Conn)
	// Logger receives the server's logs (slog.Default() if nil).
	Logger *slog.Logger

	initOnce sync.Once
	count    counters
	handlers sync.WaitGroup

	mu        sync.Mutex
	closed    bool
	done      chan struct{} // closed by Shutdown and Close
	listeners map[net.Listener]struct{}
	conns     map[*Conn]struct{}
	perAddr   map[netip.Prefix]int
	login     loginList // connections still logging in, oldest first
	inWorld   int       // connections that logged in
}

// init sets up the zero Server on first use.
func (s *Server) init() {
	s.initOnce.Do(func() {
		s.done = make(chan struct{})
		s.listeners = make(map[net.Listener]struct{})
		s.conns = make(map[*Conn]struct{})
		s.perAddr = make(map[netip.Prefix]int)
	})
}

// logger returns the server's logger.
func (s *Server) logger() *slog.Logger {
	if s.Logger == nil {
		return slog.Default()
	}
	return s.Logger
}

// Serve accepts connections on l until Shutdown or Close, then returns
// ErrServerClosed. Any other accept error that is not temporary ends Serve
// and is returned. Serve closes l when it returns.
func (s *Server) Serve(l net.Listener) error {
	s.init()
	defer l.Close() // may already be closed by Shutdown: the error means nothing
	if s.isClosed() {
		return ErrServerClosed
	}
	if s.Handle == nil {
		return errors.New("serve " + s.Name + ": Server.Handle is nil")
	}
	if !s.trackListener(l, true) {
		return ErrServerClosed
	}
	defer s.trackListener(l, false)
	s.logger().Info("listening", "addr", l.Addr().String())
	var delay time.Duration
	for {
		nc, err := l.Accept()
		if err == nil {
			delay = 0
			s.admit(nc)
			continue
		}
		if s.isClosed() {
			return ErrServerClosed
		}
		if !isTemporary(err) {
			return fmt.Errorf("accept %s connection: %w", s.Name, err)
		}
		delay = nextBackoff(delay)
		s.logger().Warn("accept failed; retrying", "err", err, "delay", delay)
		if !s.pause(delay) {
			return ErrServerClosed
		}
	}
}

// Shutdown closes the listeners and ends the connections that no
// transport serves yet (an SSH handshake, say), then waits until every
// connection has ended or ctx is done; in that case it ends what remains
// and waits for their goroutines. Connections in the world are not told
// to end: the world does that.
func (s *Server) Shutdown(ctx context.Context) error {
	err := s.stop()
	s.endAll(CauseShutdown, true)
	idle := make(chan struct{})
	go func() {
		s.handlers.Wait()
		close(idle)
	}()
	select {
	case <-idle:
		return err
	case <-ctx.Done():
		s.endAll(CauseShutdown, false)
		<-idle
		return errors.Join(err, ctx.Err())
	}
}

// Close closes the listeners and ends every connection now.
func (s *Server) Close() error {
	err := s.stop()
	s.endAll(CauseShutdown, false)
	return err
}

// Stats returns the server's figures.
func (s *Server) Stats() Stats {
	s.init()
	var st Stats
	s.count.fill(&st)
	s.mu.Lock()
	st.Open = len(s.conns)
	st.LoggingIn = s.login.n
	st.LoggedIn = s.inWorld
	s.mu.Unlock()
	return st
}

// stop marks the server closed and closes its listeners.
func (s *Server) stop() error {
	s.init()
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.closed {
		s.closed = true
		close(s.done)
	}
	var err error
	for l := range s.listeners {
		if cerr := l.Close(); cerr != nil && err == nil && !errors.Is(cerr, net.ErrClosed) {
			err = fmt.Errorf("close %s listener: %w", s.Name, cerr)
		}
		delete(s.listeners, l)
	}
	return err
}

// endAll ends every connection, or only those no transport serves yet.
func (s *Server) endAll(cause Cause, onlyUnserved bool) {
	s.mu.Lock()
	conns := make([]*Conn, 0, len(s.conns))
	for c := range s.conns {
		conns = append(conns, c)
	}
	s.mu.Unlock()
	for _, c := range conns {
		if !onlyUnserved || !c.served() {
			c.End(cause)
		}
	}
}

// trackListener adds or removes l; adding fails once the server is closed.
func (s *Server) trackListener(l net.Listener, add bool) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !add {
		delete(s.listeners, l)
		return true
	}
	if s.closed {
		return false
	}
	s.listeners[l] = struct{}{}
	return true
}

// isClosed reports whether Shutdown or Close was called.
func (s *Server) isClosed() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.closed
}

// pause waits d before the next accept; false when the server closes
// meanwhile.
func (s *Server) pause(d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-s.done:
		return false
	}
}
