package telnet

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"sync"
	"sync/atomic"
	"time"

	"mythosd/world"
)

// ErrServerClosed is returned by Serve after Shutdown or Close.
var ErrServerClosed = errors.New("telnet: server closed")

// Defaults for the Server's fields left at zero.
const (
	// DefaultWriteTimeout bounds each write to a client.
	DefaultWriteTimeout = 10 * time.Second
	// DefaultOutboxSize is how many messages a connection queues before
	// its client counts as too slow and is dropped.
	DefaultOutboxSize = 128
)

// tooManyMessage is what a client over MaxConns gets before being closed.
const tooManyMessage = "Too many players are connected; try again later.\r\n"

// refuseTimeout bounds the write of tooManyMessage.
const refuseTimeout = time.Second

// Server is a telnet listener with the net/http shape. Set its fields, then
// call Serve; the fields must not change afterwards.
type Server struct {
	// Acceptor takes each new connection; it is required.
	Acceptor world.Acceptor
	// MaxConns caps the open connections; 0 means no cap. A client beyond
	// it is told so and closed.
	MaxConns int
	// WriteTimeout bounds each write to a client (DefaultWriteTimeout if 0).
	WriteTimeout time.Duration
	// OutboxSize is each connection's outbox (DefaultOutboxSize if 0).
	OutboxSize int
	// Options returns fresh options for each connection (if nil,
	// DefaultOptions, plus MSSPOption(MSSP) when MSSP is set).
	Options func() []Option
	// MSSP returns the server's figures for MSSP crawlers (NAME, PLAYERS,
	// UPTIME, ...), both by the telnet option and in reply to a plain
	// MSSP-REQUEST line; nil turns MSSP off. It must not block.
	MSSP func() map[string]string
	// Logger receives the server's logs (slog.Default() if nil).
	Logger *slog.Logger

	mu        sync.Mutex
	logger    *slog.Logger
	listeners map[*net.Listener]struct{}
	conns     map[*Conn]struct{}
	closed    bool
	done      chan struct{} // closed by Shutdown and Close
	idle      chan struct{} // closed when the last connection ends after Shutdown

	total   atomic.Int64
	refused atomic.Int64
}

// Serve accepts connections on l until Shutdown or Close, then returns
// ErrServerClosed. Any other accept error that is not temporary ends Serve
// and is returned. Serve closes l when it returns.
func (s *Server) Serve(l net.Listener) error {
	if s.Acceptor == nil {
		return errors.New("serve telnet: Server.Acceptor is nil")
	}
	defer l.Close() // may already be closed by Shutdown: the error means nothing
	if !s.trackListener(&l, true) {
		return ErrServerClosed
	}
	defer s.trackListener(&l, false)
	s.log().Info("listening", "addr", l.Addr().String())
	var delay time.Duration
	for {
		nc, err := l.Accept()
		if err == nil {
			delay = 0
			s.admit(nc)
			continue
		}
		if s.shuttingDown() {
			return ErrServerClosed
		}
		if !isTemporary(err) {
			return fmt.Errorf("accept telnet connection: %w", err)
		}
		delay = nextBackoff(delay)
		s.log().Warn("accept failed; retrying", "err", err, "delay", delay)
		if !s.pause(delay) {
			return ErrServerClosed
		}
	}
}

// Shutdown closes the listeners, then waits until every connection has
// ended or ctx is done; in that case it closes what remains and returns
// ctx's error. Connections are not told to end: the world does that.
func (s *Server) Shutdown(ctx context.Context) error {
	idle, err := s.stop()
	select {
	case <-idle:
		return err
	case <-ctx.Done():
		s.dropAll()
		return ctx.Err()
	}
}

// Close closes the listeners and every connection now, without flushing.
func (s *Server) Close() error {
	_, err := s.stop()
	s.dropAll()
	return err
}

// admit serves nc, or refuses it when the server is full or closed.
func (s *Server) admit(nc net.Conn) {
	cfg := s.connConfig()
	s.mu.Lock()
	switch {
	case s.closed:
		s.mu.Unlock()
		_ = nc.Close() // shutting down; nothing to report
		return
	case s.MaxConns > 0 && len(s.conns) >= s.MaxConns:
		s.mu.Unlock()
		s.refuse(nc)
		return
	}
	c := newConn(nc, cfg)
	s.conns[c] = struct{}{}
	s.mu.Unlock()
	s.total.Add(1)
	go s.serveConn(c)
}

// serveConn runs c and forgets it once it has ended.
func (s *Server) serveConn(c *Conn) {
	c.run(s.Acceptor)
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.conns, c)
	if len(s.conns) == 0 && s.idle != nil {
		close(s.idle)
		s.idle = nil
	}
}

// refuse tells a client over MaxConns to come back later and closes it.
func (s *Server) refuse(nc net.Conn) {
	s.refused.Add(1)
	s.log().Info("connection refused: too many players", "remote", nc.RemoteAddr().String(),
		"max_conns", s.MaxConns)
	// A fresh socket's send buffer is empty: the write does not wait, and
	// its error would change nothing.
	_ = nc.SetWriteDeadline(time.Now().Add(refuseTimeout))
	_, _ = nc.Write([]byte(tooManyMessage))
	_ = nc.Close()
}

// connConfig returns the settings for a new connection.
func (s *Server) connConfig() connConfig {
	cfg := connConfig{
		logger:       s.log(),
		writeTimeout: s.WriteTimeout,
		outboxSize:   s.OutboxSize,
		mssp:         s.MSSP,
	}
	if cfg.writeTimeout <= 0 {
		cfg.writeTimeout = DefaultWriteTimeout
	}
	if cfg.outboxSize <= 0 {
		cfg.outboxSize = DefaultOutboxSize
	}
	switch {
	case s.Options != nil:
		cfg.options = s.Options()
	case s.MSSP != nil:
		cfg.options = append(DefaultOptions(), MSSPOption(s.MSSP))
	default:
		cfg.options = DefaultOptions()
	}
	return cfg
}

// stop marks the server closed and closes its listeners. It returns a
// channel closed once no connection is left, and the first close error.
func (s *Server) stop() (<-chan struct{}, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.initLocked()
	if !s.closed {
		s.closed = true
		close(s.done)
	}
	var err error
	for l := range s.listeners {
		if cerr := (*l).Close(); cerr != nil && err == nil {
			err = fmt.Errorf("close telnet listener: %w", cerr)
		}
		delete(s.listeners, l)
	}
	if len(s.conns) == 0 {
		idle := make(chan struct{})
		close(idle)
		return idle, err
	}
	if s.idle == nil {
		s.idle = make(chan struct{})
	}
	return s.idle, err
}

// dropAll closes every connection now.
func (s *Server) dropAll() {
	s.mu.Lock()
	conns := make([]*Conn, 0, len(s.conns))
	for c := range s.conns {
		conns = append(conns, c)
	}
	s.mu.Unlock()
	for _, c := range conns {
		c.drop(slog.LevelDebug, reasonServerClosed)
	}
}

// trackListener adds or removes l; adding fails once the server is closed.
func (s *Server) trackListener(l *net.Listener, add bool) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.initLocked()
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

// shuttingDown reports whether Shutdown or Close was called.
func (s *Server) shuttingDown() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.closed
}

// pause waits d before the next accept; it returns false when the server
// closes meanwhile.
func (s *Server) pause(d time.Duration) bool {
	s.mu.Lock()
	s.initLocked()
	done := s.done
	s.mu.Unlock()
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-done:
		return false
	}
}

// log returns the server's logger.
func (s *Server) log() *slog.Logger {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.initLocked()
	return s.logger
}

// initLocked sets up the zero Server on first use.
func (s *Server) initLocked() {
	if s.done != nil {
		return
	}
	base := s.Logger
	if base == nil {
		base = slog.Default()
	}
	s.logger = base.With("component", "telnet")
	s.listeners = make(map[*net.Listener]struct{})
	s.conns = make(map[*Conn]struct{})
	s.done = make(chan struct{})
}
