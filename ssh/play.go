package ssh

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"mythosd/world"
	"mythosd/world/netcore"
)

// ErrServerClosed is returned by Serve after Shutdown or Close.
var ErrServerClosed = netcore.ErrServerClosed

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
	// DefaultLoginBytes is what a client may send before its character is
	// in the world: the SSH handshake, keys tried and the login dialogue
	// of "new" fit several times over.
	DefaultLoginBytes = 64 << 10
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
	// Limits is what the server admits (see netcore.Limits); LoginBytes
	// is DefaultLoginBytes if 0. The login grace runs until the character
	// is in the world.
	Limits netcore.Limits
	// WriteTimeout bounds each write to a client (DefaultWriteTimeout if 0).
	WriteTimeout time.Duration
	// OutboxSize is each session's outbox (DefaultOutboxSize if 0).
	OutboxSize int
	// LoginDelay paces refused passwords (DefaultLoginDelay if 0).
	LoginDelay time.Duration
	// Logger receives the server's logs (slog.Default() if nil).
	Logger *slog.Logger

	netcore.Listener // Shutdown, Close, Stats
	logger           *slog.Logger
}

// Serve accepts connections on l until Shutdown or Close, then returns
// ErrServerClosed; any other accept error that is not temporary ends Serve
// and is returned. Serve closes l when it returns. Shutdown closes the
// listeners and the connections that have no session yet, then waits
// until every session has ended (the world ends them) or its context is
// done; Close closes every connection now.
func (s *Server) Serve(l net.Listener) error {
	if s.Game == nil || s.HostKey == nil {
		l.Close()
		return errors.New("serve ssh: Server.Game and Server.HostKey are required")
	}
	return s.ServeCore(l, s.setup)
}

// setup sets the core up from the fields.
func (s *Server) setup(core *netcore.Server) {
	base := s.Logger
	if base == nil {
		base = slog.Default()
	}
	s.logger = base.With("component", "ssh")
	limits := s.Limits
	if limits.LoginBytes <= 0 {
		limits.LoginBytes = DefaultLoginBytes
	}
	core.Name, core.Limits, core.Logger = "ssh", limits, s.logger
	core.Handle = s.serveConn
}

// setting returns d, or def when d is not positive.
func setting(d, def time.Duration) time.Duration {
	if d <= 0 {
		return def
	}
	return d
}
