package ssh

import (
	"context"

	gliderssh "github.com/gliderlabs/ssh"
	gossh "golang.org/x/crypto/ssh"

	"mythosd/world/netcore"
)

// ptyRequest is the payload of a "pty-req" request (RFC 4254, 6.2).
type ptyRequest struct {
	Term              string
	Columns, Rows     uint32
	WidthPx, HeightPx uint32
	Modes             string
}

// windowChange is the payload of a "window-change" request (RFC 4254, 6.7).
type windowChange struct {
	Columns, Rows     uint32
	WidthPx, HeightPx uint32
}

// envRequest is the payload of an "env" request (RFC 4254, 6.4).
type envRequest struct{ Name, Value string }

// maxColorTerm bounds the COLORTERM value a session keeps.
const maxColorTerm = 64

// session is a player's session channel. Its requests are handled on the
// connection's loop (serveConn), which also applies window changes to the
// player's Conn itself: no goroutine waits on a channel of
// window sizes, so the Conn's write loop can run only when there is output.
type session struct {
	gossh.Channel
	conn *gossh.ServerConn

	// Request loop only.
	pty       *ptyRequest
	colorTerm string
	started   bool
	player    *Conn // the Conn once the shell has started
}

// channel is what a Conn needs of its session.
var _ channel = (*session)(nil)

// Exit sends the exit status and closes the channel.
func (s *session) Exit(code int) error {
	status := struct{ Status uint32 }{uint32(code)}
	if _, err := s.SendRequest("exit-status", false, gossh.Marshal(&status)); err != nil {
		return err
	}
	return s.Close()
}

// window is the PTY's size as the client gave it last.
func (s *session) window() gliderssh.Window {
	return gliderssh.Window{Width: int(s.pty.Columns), Height: int(s.pty.Rows)}
}

// serveConn runs one client connection: the SSH handshake and the login,
// then one loop that refuses the connection's global requests, accepts its
// one session channel (rejecting any other) and handles that session's
// requests, until the connection ends. One goroutine does what gliderlabs
// does with three (connection, global requests, session requests).
func (s *Server) serveConn(nc *netcore.Conn) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sc, chans, reqs, err := gossh.NewServerConn(nc, s.serverConfig(ctx))
	if err != nil {
		return // the handshake or the login failed; the core closes nc
	}
	defer sc.Close()
	c := &playConn{core: nc, ctx: ctx}
	var sess *session
	var sessReqs <-chan *gossh.Request
	for {
		select {
		case nch, ok := <-chans:
			if !ok {
				return // the connection ended
			}
			sess, sessReqs = s.openChannel(sc, nch, sess, sessReqs)
		case req, ok := <-reqs:
			if !ok {
				reqs = nil
				continue
			}
			_ = req.Reply(false, nil) // no global request is served
		case req, ok := <-sessReqs:
			if !ok {
				sessReqs = nil
				continue
			}
			s.handleRequest(sess, c, req)
		}
	}
}

// openChannel accepts nch when it is the connection's first session
// channel and returns the session and its requests; it rejects any other
// channel and returns the ones it had.
func (s *Server) openChannel(sc *gossh.ServerConn, nch gossh.NewChannel, sess *session,
	reqs <-chan *gossh.Request) (*session, <-chan *gossh.Request) {
	// The client learns why from the reason; its error is its own.
	switch {
	case nch.ChannelType() != "session":
		_ = nch.Reject(gossh.UnknownChannelType, "unsupported channel type")
		return sess, reqs
	case sess != nil:
		_ = nch.Reject(gossh.Prohibited, oneSessionReason)
		return sess, reqs
	}
	ch, newReqs, err := nch.Accept()
	if err != nil {
		return nil, nil // the client went away
	}
	return &session{Channel: ch, conn: sc}, newReqs
}

// handleRequest answers one session request. A shell or a command starts
// only once its reply is sent: the client must see the reply before the
// session's output or its end.
func (s *Server) handleRequest(sess *session, c *playConn, req *gossh.Request) {
	// A client that asked for no reply is not sent one.
	if req.Type != "shell" && req.Type != "exec" {
		_ = req.Reply(s.request(sess, req), nil)
		return
	}
	var cmd struct{ Value string }
	ok := !sess.started && (req.Type == "shell" || gossh.Unmarshal(req.Payload, &cmd) == nil)
	_ = req.Reply(ok, nil)
	if ok {
		sess.started = true
		s.start(sess, c, cmd.Value)
	}
}

// request handles a session request other than a shell or command and
// reports whether it succeeded. Agent forwarding, signals, breaks and
// subsystems are refused.
func (s *Server) request(sess *session, req *gossh.Request) bool {
	switch req.Type {
	case "pty-req":
		var p ptyRequest
		if sess.started || sess.pty != nil || gossh.Unmarshal(req.Payload, &p) != nil {
			return false
		}
		sess.pty = &p
		return true
	case "env":
		var kv envRequest
		if sess.started || gossh.Unmarshal(req.Payload, &kv) != nil {
			return false
		}
		if kv.Name == "COLORTERM" && len(kv.Value) <= maxColorTerm {
			sess.colorTerm = kv.Value
		}
		return true
	case "window-change":
		return s.windowChange(sess, req.Payload)
	}
	return false
}

// windowChange applies a new window size, to the Conn once it plays.
func (s *Server) windowChange(sess *session, payload []byte) bool {
	var w windowChange
	if sess.pty == nil || gossh.Unmarshal(payload, &w) != nil || w.Columns < 1 || w.Rows < 1 {
		return false
	}
	sess.pty.Columns, sess.pty.Rows = w.Columns, w.Rows
	if sess.player != nil {
		sess.player.resize(sess.window())
	}
	return true
}
