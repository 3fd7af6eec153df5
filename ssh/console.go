package ssh

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/netip"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	gliderssh "github.com/gliderlabs/ssh"
	gossh "golang.org/x/crypto/ssh"

	"mythosd/admin"
	"mythosd/world/netcore"
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
	// Conns, when set, gives the player listeners' connection figures
	// the console shows.
	Conns func() netcore.Stats
	// Banned, when set, refuses an address at accept (see netcore.Limits).
	Banned func(netip.Addr) bool
	// Logger receives the console's events; required.
	Logger *slog.Logger

	initOnce sync.Once
	srv      *gliderssh.Server
	core     netcore.Server
	log      *slog.Logger

	mu       sync.Mutex
	closing  bool
	programs map[*tea.Program]struct{}
	sessions sync.WaitGroup
}

// init builds the SSH server once.
func (c *Console) init() {
	c.initOnce.Do(func() {
		c.log = c.Logger.With("component", "admin-ssh")
		c.programs = make(map[*tea.Program]struct{})
		limit := c.MaxConns
		if limit <= 0 {
			limit = defaultConsoleConns
		}
		c.core = netcore.Server{Name: "admin-ssh", Logger: c.log,
			Limits: netcore.Limits{MaxConns: limit, Banned: c.Banned},
			Handle: func(nc *netcore.Conn) { c.srv.HandleConn(nc) }}
		c.srv = &gliderssh.Server{
			Handler:          c.handle,
			PublicKeyHandler: c.authorized,
			ConnCallback:     keepCore,
			IdleTimeout:      consoleIdleTimeout,
			// HandleConn, unlike Serve, sets no defaults: one session
			// channel type, nothing else.
			ChannelHandlers:   map[string]gliderssh.ChannelHandler{"session": gliderssh.DefaultSessionHandler},
			RequestHandlers:   map[string]gliderssh.RequestHandler{},
			SubsystemHandlers: map[string]gliderssh.SubsystemHandler{},
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
		l.Close()
		return errors.New("admin console: HostKey, AuthorizedKeys and Logger are required")
	}
	c.init()
	if c.isClosing() {
		l.Close()
		return ErrServerClosed
	}
	return c.core.Serve(l)
}

// Shutdown stops accepting, tells every open console that the server is
// shutting down (each closes), waits for them within ctx, then ends every
// connection left and waits for its goroutines.
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
	return errors.Join(err, c.core.Shutdown(ctx))
}

// Close ends every console and connection at once.
func (c *Console) Close() error {
	c.init()
	for _, p := range c.close() {
		p.Kill()
	}
	return c.core.Close()
}

// Stats returns the console's connection figures.
func (c *Console) Stats() netcore.Stats {
	c.init()
	return c.core.Stats()
}

// close marks the console closing and returns the programs running.
func (c *Console) close() []*tea.Program {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.closing = true
	progs := make([]*tea.Program, 0, len(c.programs))
	for p := range c.programs {
		progs = append(progs, p)
	}
	return progs
}

// coreKey finds a connection's netcore.Conn in its gliderlabs context.
type coreKey struct{}

// keepCore keeps the core's connection in the gliderlabs context.
func keepCore(ctx gliderssh.Context, nc net.Conn) net.Conn {
	core, ok := nc.(*netcore.Conn)
	if !ok {
		return nil // only the core hands connections to gliderlabs
	}
	ctx.SetValue(coreKey{}, core)
	return nc
}

// coreOf returns the core's connection of a gliderlabs context.
func coreOf(ctx gliderssh.Context) *netcore.Conn {
	c, _ := ctx.Value(coreKey{}).(*netcore.Conn)
	return c
}
