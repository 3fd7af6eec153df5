package ssh

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"sync"
	"sync/atomic"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	gliderssh "github.com/gliderlabs/ssh"
	gossh "golang.org/x/crypto/ssh"

	"mythosd/admin"
)

const (
	// defaultConsoleConns caps the admin console's connections when
	// MaxConns is not set.
	defaultConsoleConns = 8
	// consoleIdleTimeout drops a connection that neither reads nor writes
	// for this long: a stalled handshake, a client that stopped reading.
	// A console writes several times a second, so a live one never idles.
	consoleIdleTimeout = 2 * time.Minute
)

// Console is the admin console's SSH server. Only the public keys listed
// in the AuthorizedKeys file get in, and passwords never do. Each session
// with a PTY runs one admin console, a Bubble Tea program sized to the PTY
// that follows its resizes.
type Console struct {
	// HostKey is the server's identity (see LoadOrCreateHostKey). Required.
	HostKey gossh.Signer
	// AuthorizedKeys is the path of an authorized_keys file, read at every
	// login so that edits apply at once. Required.
	AuthorizedKeys string
	// Source and Actions are handed to each console (see admin.Config).
	Source  admin.Source
	Actions admin.Actions
	// MaxConns caps connections at once (default 8).
	MaxConns int
	// Logger receives the console's events; required.
	Logger *slog.Logger

	initOnce sync.Once
	srv      *gliderssh.Server
	log      *slog.Logger
	conns    atomic.Int64

	mu       sync.Mutex
	closing  bool
	ln       net.Listener
	programs map[*tea.Program]struct{}
	sessions sync.WaitGroup
}

// init builds the SSH server once.
func (c *Console) init() {
	c.initOnce.Do(func() {
		c.log = c.Logger.With("component", "admin-ssh")
		c.programs = make(map[*tea.Program]struct{})
		c.srv = &gliderssh.Server{
			Handler:          c.handle,
			PublicKeyHandler: c.authorized,
			ConnCallback:     c.admit,
			IdleTimeout:      consoleIdleTimeout,
			ConnectionFailedCallback: func(conn net.Conn, err error) {
				c.log.Info("admin connection failed", "addr", conn.RemoteAddr().String(), "err", err)
			},
		}
		c.srv.AddHostKey(c.HostKey)
	})
}

// Serve accepts admin connections on l until Shutdown or Close, and then
// returns ErrServerClosed.
func (c *Console) Serve(l net.Listener) error {
	if c.HostKey == nil || c.AuthorizedKeys == "" || c.Logger == nil {
		return errors.New("admin console: HostKey, AuthorizedKeys and Logger are required")
	}
	c.init()
	c.mu.Lock()
	if c.closing {
		c.mu.Unlock()
		l.Close()
		return ErrServerClosed
	}
	c.ln = l
	c.mu.Unlock()
	err := c.srv.Serve(l)
	if c.isClosing() || errors.Is(err, gliderssh.ErrServerClosed) {
		return ErrServerClosed
	}
	return fmt.Errorf("admin console: %w", err)
}

// Shutdown stops accepting, tells every open console that the server is
// shutting down (each closes), waits for them within ctx, then closes
// every connection left.
func (c *Console) Shutdown(ctx context.Context) error {
	c.init()
	for _, p := range c.close() {
		go p.Send(admin.ClosingMsg{})
	}
	ended := make(chan struct{})
	go func() {
		c.sessions.Wait()
		close(ended)
	}()
	var err error
	select {
	case <-ended:
	case <-ctx.Done():
		err = fmt.Errorf("admin console shutdown: %w", ctx.Err())
	}
	return errors.Join(err, c.closeServer())
}

// Close ends every console and connection at once.
func (c *Console) Close() error {
	c.init()
	for _, p := range c.close() {
		p.Kill()
	}
	return c.closeServer()
}

// close marks the console closing, closes its listener, and returns the
// programs running.
func (c *Console) close() []*tea.Program {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.closing = true
	if c.ln != nil {
		c.ln.Close()
	}
	progs := make([]*tea.Program, 0, len(c.programs))
	for p := range c.programs {
		progs = append(progs, p)
	}
	return progs
}

// closeServer closes the SSH server's listeners and connections; an
// already closed listener is no error.
func (c *Console) closeServer() error {
	if err := c.srv.Close(); err != nil && !errors.Is(err, net.ErrClosed) {
		return fmt.Errorf("close admin console: %w", err)
	}
	return nil
}

// admit caps the connections: past MaxConns a new one is closed at once.
func (c *Console) admit(_ gliderssh.Context, conn net.Conn) net.Conn {
	limit := int64(c.MaxConns)
	if limit <= 0 {
		limit = defaultConsoleConns
	}
	if c.conns.Add(1) > limit {
		c.conns.Add(-1)
		c.log.Warn("admin console full; connection refused", "addr", conn.RemoteAddr().String(), "max", limit)
		return nil
	}
	return &countedConn{Conn: conn, release: func() { c.conns.Add(-1) }}
}

// countedConn gives its place back when closed.
type countedConn struct {
	net.Conn
	once    sync.Once
	release func()
}

// Close closes the connection and releases its place once.
func (cc *countedConn) Close() error {
	cc.once.Do(cc.release)
	return cc.Conn.Close()
}
