package ssh

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"sync"
	"time"

	gliderssh "github.com/gliderlabs/ssh"
	gossh "golang.org/x/crypto/ssh"

	"mythosd/world"
)

// ErrServerClosed is returned by Serve after Shutdown or Close.
var ErrServerClosed = errors.New("ssh: server closed")

// Game is what the player server needs from the world: the login dialogue
// for the user "new", sessions for players the server authenticated, and
// the checks of passwords and registered keys. *world.World provides it.
type Game interface {
	world.Acceptor
	// AcceptAuthenticated starts a session for the character called name.
	AcceptAuthenticated(c world.Conn, name string) world.LineHandler
	// CheckPassword returns nil when password opens the character name,
	// world.ErrBadLogin when it does not (or there is no such character),
	// world.ErrBackedOff while remote (the client's address) or the
	// character is backed off after wrong passwords.
	CheckPassword(ctx context.Context, remote, name, password string) error
	// CheckKey returns nil when the key with the SHA256 fingerprint opens
	// the character name, world.ErrBadLogin when it does not.
	CheckKey(ctx context.Context, name, fingerprint string) error
}

// NewUser is the SSH user name that creates a character: it needs no
// authentication and gets the login dialogue.
const NewUser = "new"

// Defaults for the Server's fields left at zero.
const (
	// DefaultWriteTimeout bounds each write to a client.
	DefaultWriteTimeout = 10 * time.Second
	// DefaultOutboxSize is how many messages a session queues before its
	// client counts as too slow and is dropped.
	DefaultOutboxSize = 128
	// DefaultLoginDelay is how long a refused password is answered after
	// its attempt began.
	DefaultLoginDelay = 2 * time.Second
	// DefaultLoginGrace is how long a connection has to authenticate and
	// start its session.
	DefaultLoginGrace = 2 * time.Minute
)

// Server is the SSH listener where players play, with the net/http shape.
// Set its fields, then call Serve; the fields must not change afterwards.
//
// "ssh -p PORT NAME@host" plays character NAME after its password or a
// public key its player registered in game; "ssh -p PORT new@host" creates
// a character. Every session needs a PTY; one session per connection.
type Server struct {
	// Game takes the sessions and checks logins; required.
	Game Game
	// HostKey is the server's host key (see LoadOrCreateHostKey); required.
	HostKey gossh.Signer
	// MaxConns caps the open connections, authenticated or not; 0 means no
	// cap. A client beyond it is told so and closed.
	MaxConns int
	// WriteTimeout bounds each write to a client (DefaultWriteTimeout if 0).
	WriteTimeout time.Duration
	// OutboxSize is each session's outbox (DefaultOutboxSize if 0).
	OutboxSize int
	// LoginDelay paces refused passwords (DefaultLoginDelay if 0).
	LoginDelay time.Duration
	// LoginGrace bounds the time from connecting to starting a session
	// (DefaultLoginGrace if 0).
	LoginGrace time.Duration
	// Logger receives the server's logs (slog.Default() if nil).
	Logger *slog.Logger

	initOnce sync.Once
	glider   *gliderssh.Server
	logger   *slog.Logger

	mu        sync.Mutex
	listeners map[net.Listener]struct{}
	conns     map[*playConn]struct{}
	closed    bool
	idle      chan struct{} // closed when the last connection ends after Shutdown
	total     int64         // connections admitted since the start
	refused   int64         // connections refused for MaxConns
}

// Serve accepts connections on l until Shutdown or Close, then returns
// ErrServerClosed; any other accept error that is not temporary ends Serve
// and is returned. Serve closes l when it returns.
func (s *Server) Serve(l net.Listener) error {
	if s.Game == nil || s.HostKey == nil {
		l.Close()
		return errors.New("serve ssh: Server.Game and Server.HostKey are required")
	}
	s.init()
	if !s.trackListener(l, true) {
		l.Close()
		return ErrServerClosed
	}
	defer s.trackListener(l, false)
	s.logger.Info("listening", "addr", l.Addr().String())
	err := s.glider.Serve(l)
	if s.shuttingDown() || errors.Is(err, gliderssh.ErrServerClosed) {
		return ErrServerClosed
	}
	return fmt.Errorf("accept ssh connection: %w", err)
}

// Shutdown closes the listeners and the connections that have no session
// yet, then waits until every session has ended (the world ends them) or
// ctx is done; in that case it closes what remains and returns ctx's error.
func (s *Server) Shutdown(ctx context.Context) error {
	idle, err := s.stop()
	select {
	case <-idle:
		return err
	case <-ctx.Done():
		s.closeConns(false)
		return ctx.Err()
	}
}

// Close closes the listeners and every connection now.
func (s *Server) Close() error {
	_, err := s.stop()
	s.closeConns(false)
	return err
}

// init builds the gliderlabs server from the fields, once.
func (s *Server) init() {
	s.initOnce.Do(func() {
		base := s.Logger
		if base == nil {
			base = slog.Default()
		}
		s.logger = base.With("component", "ssh")
		s.glider = &gliderssh.Server{
			Handler:              s.handle,
			HostSigners:          []gliderssh.Signer{s.HostKey},
			Version:              "mythosd",
			PasswordHandler:      s.passwordAuth,
			PublicKeyHandler:     s.publicKeyAuth,
			ConnCallback:         s.admit,
			ServerConfigCallback: s.serverConfig,
			ChannelHandlers:      map[string]gliderssh.ChannelHandler{"session": s.openSession},
			RequestHandlers:      map[string]gliderssh.RequestHandler{},
			SubsystemHandlers:    map[string]gliderssh.SubsystemHandler{},
		}
	})
}

// stop marks the server closed, closes its listeners and the connections
// without a session. It returns a channel closed once no connection is
// left, and the first close error.
func (s *Server) stop() (<-chan struct{}, error) {
	s.init()
	s.mu.Lock()
	s.closed = true
	var err error
	for l := range s.listeners {
		if cerr := l.Close(); cerr != nil && err == nil && !errors.Is(cerr, net.ErrClosed) {
			err = fmt.Errorf("close ssh listener: %w", cerr)
		}
		delete(s.listeners, l)
	}
	idle := make(chan struct{})
	if len(s.conns) == 0 {
		close(idle)
	} else {
		s.idle = idle
	}
	s.mu.Unlock()
	s.closeConns(true)
	return idle, err
}

// closeConns closes every connection, or only those without a session.
func (s *Server) closeConns(onlyIdle bool) {
	s.mu.Lock()
	conns := make([]*playConn, 0, len(s.conns))
	for c := range s.conns {
		if !onlyIdle || !c.playing() {
			conns = append(conns, c)
		}
	}
	s.mu.Unlock()
	for _, c := range conns {
		c.Close()
	}
}

// trackListener adds or removes l; adding fails once the server is closed.
func (s *Server) trackListener(l net.Listener, add bool) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.listeners == nil {
		s.listeners = make(map[net.Listener]struct{})
	}
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

// setting returns d, or def when d is not positive.
func setting(d, def time.Duration) time.Duration {
	if d <= 0 {
		return def
	}
	return d
}
