package ssh

import (
	"fmt"
	"net"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"time"

	gliderssh "github.com/gliderlabs/ssh"
	gossh "golang.org/x/crypto/ssh"

	"mythosd/world"
	"mythosd/world/netcore"
)

// Messages for clients the server turns away.
const (
	noPTYMessage     = "mythosd needs a terminal: connect with plain ssh (or ssh -t), not ssh -T."
	commandMessage   = "mythosd runs no commands: connect without one, as in ssh -p PORT NAME@HOST."
	oneSessionReason = "one session per connection"
)

// closeLinger is how long the client may take to hang up after its
// session.
const closeLinger = 2 * time.Second

// playConnKey finds a connection's playConn in its gliderlabs context.
type playConnKey struct{}

// playConn is one client connection as the connection core admitted it;
// it may open one session.
type playConn struct {
	core   *netcore.Conn
	opened atomic.Bool // a session channel was opened
}

// connOf returns the playConn of a gliderlabs context.
func connOf(ctx gliderssh.Context) *playConn {
	c, _ := ctx.Value(playConnKey{}).(*playConn)
	return c
}

// admit keeps the core's connection in the gliderlabs context.
func (s *Server) admit(ctx gliderssh.Context, nc net.Conn) net.Conn {
	core, ok := nc.(*netcore.Conn)
	if !ok {
		return nil // only the core hands connections to gliderlabs
	}
	ctx.SetValue(playConnKey{}, &playConn{core: core})
	return nc
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
		core:         c.core,
		logger:       log,
		writeTimeout: setting(s.WriteTimeout, DefaultWriteTimeout),
		outboxSize:   s.outboxSize(),
		remote:       sess.RemoteAddr().String(),
		termType:     pty.Term,
		colorTerm:    envValue(sess.Environ(), "COLORTERM"),
		window:       pty.Window,
		winch:        winch,
		hangup:       func() { c.core.Close() },
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
	_ = c.core.Close() // the client may have hung up first
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
