package telnet

import (
	"crypto/tls"
	"errors"
	"log/slog"
	"net"
	"time"

	"mythosd/world"
	"mythosd/world/netcore"
)

// ErrServerClosed is returned by Serve after Shutdown or Close.
var ErrServerClosed = netcore.ErrServerClosed

// Defaults for the Server's fields left at zero.
const (
	// DefaultWriteTimeout bounds each write to a client.
	DefaultWriteTimeout = netcore.DefaultWriteTimeout
	// DefaultOutboxSize is how many messages a connection queues before
	// its client counts as too slow and is dropped.
	DefaultOutboxSize = 128
	// DefaultOutboxBytes is how many bytes of messages a connection
	// queues before its client counts as too slow and is dropped.
	DefaultOutboxBytes = 256 << 10
)

// Server is a telnet listener with the net/http shape, on the shared
// connection core (admission, login grace and byte budget, stats). Set its
// fields, then call Serve; the fields must not change afterwards.
type Server struct {
	// Acceptor takes each new connection; it is required.
	Acceptor world.Acceptor
	// Limits is what the server admits (see netcore.Limits).
	Limits netcore.Limits
	// TLS, when set, serves telnet over TLS.
	TLS *tls.Config
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

	netcore.Listener // Shutdown, Close, Stats
	logger           *slog.Logger
}

// Serve accepts connections on l until Shutdown or Close, then returns
// ErrServerClosed. Any other accept error that is not temporary ends Serve
// and is returned. Serve closes l when it returns. Shutdown closes the
// listeners, then waits until every connection has ended (the world ends
// them) or its context is done; Close ends every connection now.
func (s *Server) Serve(l net.Listener) error {
	if s.Acceptor == nil {
		l.Close()
		return errors.New("serve telnet: Server.Acceptor is nil")
	}
	return s.ServeCore(l, func(core *netcore.Server) {
		base := s.Logger
		if base == nil {
			base = slog.Default()
		}
		s.logger = base.With("component", "telnet")
		core.Name, core.Limits, core.TLS, core.Logger, core.Handle = "telnet", s.Limits, s.TLS, s.logger, s.handle
	})
}

// handle serves one admitted connection.
func (s *Server) handle(nc *netcore.Conn) {
	newConn(nc, s.connConfig()).run(s.Acceptor)
}

// connConfig returns the settings for a new connection.
func (s *Server) connConfig() connConfig {
	cfg := connConfig{
		logger:       s.logger,
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
