package ssh

import (
	"context"
	"fmt"
	"runtime/debug"
	"strings"
	"time"

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

// playConn is one client connection as the connection core admitted it,
// with a context that ends when the connection does.
type playConn struct {
	core *netcore.Conn
	ctx  context.Context
}

// start begins a session that asked for a shell or command: one without a
// PTY or with a command is refused, else its Conn is made here, on the
// request loop that resizes it, and played out on a goroutine of its own.
// When the session ends, the connection ends too.
func (s *Server) start(sess *session, c *playConn, command string) {
	log := s.logger.With("remote", sess.conn.RemoteAddr().String(), "user", sess.conn.User())
	if reason := refusal(command, sess.pty != nil); reason != "" {
		log.Info("ssh session refused", "reason", reason)
		go s.refuse(sess, c, reason)
		return
	}
	conn := newConn(sess, connConfig{
		core:         c.core,
		logger:       s.logger,
		user:         sess.conn.User(),
		writeTimeout: setting(s.WriteTimeout, DefaultWriteTimeout),
		outboxSize:   s.outboxSize(),
		remote:       sess.conn.RemoteAddr().String(),
		termType:     sess.pty.Term,
		colorTerm:    sess.colorTerm,
		window:       sess.window(),
		hangup:       func() { c.core.Close() },
	})
	sess.player = conn
	log.Info("ssh session started", "term", sess.pty.Term, "width", sess.pty.Columns)
	go s.play(sess, c, conn)
}

// play runs a session's Conn until it ends.
func (s *Server) play(sess *session, c *playConn, conn *Conn) {
	defer s.linger(c)
	defer s.recoverSession(sess)
	conn.serve(s.acceptFor(sess.conn.User()))
	conn.logger().Info("ssh session ended")
}

// refuse tells the client why its session cannot play and ends it.
func (s *Server) refuse(sess *session, c *playConn, reason string) {
	defer s.linger(c)
	fmt.Fprintln(sess.Stderr(), reason)
	_ = sess.Exit(1) // the connection closes next either way
}

// recoverSession logs a panic in a session; the session ends, the server
// goes on.
func (s *Server) recoverSession(sess *session) {
	if r := recover(); r != nil {
		s.logger.Error("panic in ssh session", "remote", sess.conn.RemoteAddr().String(), "panic", r,
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
func (s *Server) linger(c *playConn) {
	t := time.NewTimer(closeLinger)
	defer t.Stop()
	select {
	case <-c.ctx.Done():
	case <-t.C:
	}
	_ = c.core.Close() // the client may have hung up first
}

// isNewUser reports whether user asks to create a character.
func isNewUser(user string) bool { return strings.EqualFold(user, NewUser) }
