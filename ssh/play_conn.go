package ssh

import (
	"fmt"
	"net"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	gliderssh "github.com/gliderlabs/ssh"
	gossh "golang.org/x/crypto/ssh"

	"mythosd/world"
)

// Messages for clients the server turns away.
const (
	tooManyMessage   = "Too many players are connected; try again later.\r\n"
	noPTYMessage     = "mythosd needs a terminal: connect with plain ssh (or ssh -t), not ssh -T."
	commandMessage   = "mythosd runs no commands: connect without one, as in ssh -p PORT NAME@HOST."
	oneSessionReason = "one session per connection"
)

// Timings of the end of a connection.
const (
	refuseTimeout = time.Second     // bounds the write of tooManyMessage
	closeLinger   = 2 * time.Second // how long the client may take to hang up after its session
)

// playConnKey finds a connection's playConn in its gliderlabs context.
type playConnKey struct{}

// playConn is one client connection: the server counts it against
// MaxConns, closes it when it has not started a session within LoginGrace,
// and lets it open one session.
type playConn struct {
	net.Conn
	srv       *Server
	grace     atomic.Pointer[time.Timer]
	opened    atomic.Bool // a session channel was opened
	started   atomic.Bool // the session's handler runs
	closeOnce sync.Once
}

// Close closes the connection and forgets it; later calls do nothing.
func (c *playConn) Close() error {
	err := net.ErrClosed
	c.closeOnce.Do(func() {
		c.stopGrace()
		err = c.Conn.Close()
		c.srv.forget(c)
	})
	return err
}

// stopGrace stops the login grace timer.
func (c *playConn) stopGrace() {
	if t := c.grace.Load(); t != nil {
		t.Stop()
	}
}

// playing reports whether the connection's session has started.
func (c *playConn) playing() bool { return c.started.Load() }

// connOf returns the playConn of a gliderlabs context.
func connOf(ctx gliderssh.Context) *playConn {
	c, _ := ctx.Value(playConnKey{}).(*playConn)
	return c
}

// admit tracks a new connection, or refuses it when the server is full or
// closed (returning nil makes gliderlabs close it).
func (s *Server) admit(ctx gliderssh.Context, nc net.Conn) net.Conn {
	c := &playConn{Conn: nc, srv: s}
	c.grace.Store(time.AfterFunc(setting(s.LoginGrace, DefaultLoginGrace), func() {
		if !c.playing() {
			s.logger.Info("ssh connection closed: no session within the login grace", "remote", nc.RemoteAddr().String())
			c.Close()
		}
	}))
	s.mu.Lock()
	if s.conns == nil {
		s.conns = make(map[*playConn]struct{})
	}
	full := s.MaxConns > 0 && len(s.conns) >= s.MaxConns
	if s.closed || full {
		if full {
			s.refused++
		}
		s.mu.Unlock()
		c.stopGrace()
		if full {
			s.refuse(nc)
		}
		return nil
	}
	s.conns[c] = struct{}{}
	s.total++
	s.mu.Unlock()
	ctx.SetValue(playConnKey{}, c)
	return c
}

// refuse tells a client over MaxConns to come back later, in a line before
// the SSH version exchange, which clients may show.
func (s *Server) refuse(nc net.Conn) {
	s.logger.Info("ssh connection refused: too many players", "remote", nc.RemoteAddr().String(), "max_conns", s.MaxConns)
	// A fresh socket's send buffer is empty: the write does not wait, and
	// its error would change nothing.
	_ = nc.SetWriteDeadline(time.Now().Add(refuseTimeout))
	_, _ = nc.Write([]byte(tooManyMessage))
}

// forget drops c from the open connections.
func (s *Server) forget(c *playConn) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.conns, c)
	if len(s.conns) == 0 && s.idle != nil {
		close(s.idle)
		s.idle = nil
	}
}

// openSession accepts the first session channel of a connection and
// rejects any other.
func (s *Server) openSession(srv *gliderssh.Server, conn *gossh.ServerConn, ch gossh.NewChannel, ctx gliderssh.Context) {
	c := connOf(ctx)
	if c == nil || c.opened.Swap(true) {
		// The client learns why from the reason; its error is its own.
		_ = ch.Reject(gossh.Prohibited, oneSessionReason)
		return
	}
	gliderssh.DefaultSessionHandler(srv, conn, ch, ctx)
}

// handle runs one session: it refuses a session without a PTY or with a
// command, else hands it to the world and plays it out. When it ends, the
// connection ends too.
func (s *Server) handle(sess gliderssh.Session) {
	c := connOf(sess.Context())
	c.started.Store(true)
	c.stopGrace()
	defer s.linger(sess.Context(), c)
	defer s.recoverSession(sess)
	log := s.logger.With("remote", sess.RemoteAddr().String(), "user", sess.User())
	pty, winch, hasPTY := sess.Pty()
	if reason := refusal(sess.RawCommand(), hasPTY); reason != "" {
		log.Info("ssh session refused", "reason", reason)
		fmt.Fprintln(sess.Stderr(), reason)
		_ = sess.Exit(1) // the connection closes next either way
		return
	}
	conn := newConn(sess, connConfig{
		logger:       log,
		writeTimeout: setting(s.WriteTimeout, DefaultWriteTimeout),
		outboxSize:   s.outboxSize(),
		remote:       sess.RemoteAddr().String(),
		termType:     pty.Term,
		colorTerm:    envValue(sess.Environ(), "COLORTERM"),
		window:       pty.Window,
		winch:        winch,
		hangup:       func() { c.Close() },
	})
	log.Info("ssh session started", "term", pty.Term, "width", pty.Window.Width)
	conn.serve(s.acceptFor(sess.User()))
	log.Info("ssh session ended")
}

// recoverSession logs a panic in a session's handler; the session ends, the
// server goes on.
func (s *Server) recoverSession(sess gliderssh.Session) {
	if r := recover(); r != nil {
		s.logger.Error("panic in ssh session", "remote", sess.RemoteAddr().String(), "panic", r,
			"stack", string(debug.Stack()))
	}
}

// outboxSize is the outbox size for a new session.
func (s *Server) outboxSize() int {
	if s.OutboxSize <= 0 {
		return DefaultOutboxSize
	}
	return s.OutboxSize
}

// acceptFor returns how the world takes a session of user: the login
// dialogue for "new", else the character the user authenticated as.
func (s *Server) acceptFor(user string) func(world.Conn) world.LineHandler {
	if isNewUser(user) {
		return s.Game.Accept
	}
	return func(c world.Conn) world.LineHandler { return s.Game.AcceptAuthenticated(c, user) }
}

// refusal is why a session cannot play, or "".
func refusal(command string, hasPTY bool) string {
	switch {
	case command != "":
		return commandMessage
	case !hasPTY:
		return noPTYMessage
	}
	return ""
}

// linger gives the client a moment to hang up after its session, then
// closes the connection: one session per connection.
func (s *Server) linger(ctx gliderssh.Context, c *playConn) {
	t := time.NewTimer(closeLinger)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
	c.Close()
}

// isNewUser reports whether user asks to create a character.
func isNewUser(user string) bool { return strings.EqualFold(user, NewUser) }

// envValue returns the value of key in env ("KEY=value" entries), or "".
func envValue(env []string, key string) string {
	for _, kv := range env {
		if k, v, ok := strings.Cut(kv, "="); ok && k == key {
			return v
		}
	}
	return ""
}
