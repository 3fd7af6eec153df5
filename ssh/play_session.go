package ssh

import (
	gliderssh "github.com/gliderlabs/ssh"
	gossh "golang.org/x/crypto/ssh"
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
// goroutine gliderlabs starts for the channel, which also applies window
// changes to the player's Conn itself: no goroutine waits on a channel of
// window sizes, so the Conn's write loop can run only when there is output.
type session struct {
	gossh.Channel
	conn *gossh.ServerConn
	ctx  gliderssh.Context

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

// openSession accepts the first session channel of a connection and
// rejects any other; it then serves the session's requests until the
// channel closes.
func (s *Server) openSession(_ *gliderssh.Server, conn *gossh.ServerConn, nc gossh.NewChannel, ctx gliderssh.Context) {
	c := connOf(ctx)
	if c == nil || c.opened.Swap(true) {
		// The client learns why from the reason; its error is its own.
		_ = nc.Reject(gossh.Prohibited, oneSessionReason)
		return
	}
	ch, reqs, err := nc.Accept()
	if err != nil {
		return // the client went away
	}
	sess := &session{Channel: ch, conn: conn, ctx: ctx}
	for req := range reqs {
		// A client that asked for no reply is not sent one.
		_ = req.Reply(s.request(sess, c, req), nil)
	}
}

// request handles one request of a session and reports whether it
// succeeded. Agent forwarding, signals, breaks and subsystems are refused.
func (s *Server) request(sess *session, c *playConn, req *gossh.Request) bool {
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
	case "shell", "exec":
		if sess.started {
			return false
		}
		var cmd struct{ Value string }
		if req.Type == "exec" && gossh.Unmarshal(req.Payload, &cmd) != nil {
			return false
		}
		sess.started = true
		s.start(sess, c, cmd.Value)
		return true
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
