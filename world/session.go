package world

import (
	"log/slog"
	"runtime/debug"

	"mythosd/world/netcore"
)

// Session is one connection's life in the world: first the login dialogue,
// run on the connection's own read loop, then play, where each line becomes
// a command on the world loop. A session has at most one command in flight,
// so a flooding client slows only itself.
type Session struct {
	w     *World
	conn  Conn
	addr  string // the address key guessing is counted by (see addrKey)
	log   *slog.Logger
	login *login // the login dialogue; nil once playing (read loop only)
	// dialog is a dialogue a command handed to the read loop (password,
	// the line editor, confirmations). The loop sets it only in a command,
	// before it lets the reader go; the reader clears it when the dialogue
	// is over, before its next line.
	dialog dialogue
	rate   cmdRate // the command budget (read loop only)
	ack    chan struct{}

	// Loop-owned.
	char    *Character // nil until the character enters, and after it leaves
	pending int        // command continuations waiting for a room
	waiting bool       // a command is in flight and its reader waits for ack
}

// Accept starts a session on c: it greets the player and asks for a name.
func (w *World) Accept(c Conn) LineHandler {
	s := w.newSession(c)
	s.login = newLogin(s)
	w.lobby.add(s)
	s.login.greet()
	return s
}

func (w *World) newSession(c Conn) *Session {
	info := c.Info()
	return &Session{
		w:    w,
		conn: c,
		addr: addrKey(info.RemoteAddr),
		log:  w.log.With("remote", info.RemoteAddr, "transport", info.Transport),
		ack:  make(chan struct{}, 1),
		rate: newCmdRate(w.cfg.CmdRate, w.cfg.CmdBurst, w.cfg.CmdMaxWait),
	}
}

// Line handles one line from the player, cleaned of control characters.
// In play, each line spends the session's command budget: beyond it the
// line waits for its turn (on the world's clock), and a player who floods
// without letup has lines dropped; either way only this session waits.
func (s *Session) Line(line string) {
	line = cleanText(line)
	if s.login != nil {
		if s.login.line(line) {
			s.login = nil
			s.w.lobby.remove(s)
		}
		return
	}
	if s.dialog != nil {
		if s.dialog.line(line) {
			s.dialog = nil
		}
		return
	}
	if !s.paced() {
		return
	}
	if !s.w.post(func() { s.w.command(s, line) }) {
		return
	}
	select {
	case <-s.ack:
	case <-s.w.done:
	}
}

// paced waits for the command budget and reports whether the line may run.
func (s *Session) paced() bool {
	wait, refuse := s.rate.take(s.w.cfg.Clock.Now())
	if refuse {
		if !s.rate.told {
			s.rate.told = true
			s.conn.Send(floodText)
		}
		return false
	}
	return sleepOn(s.w.cfg.Clock, wait, s.w.done)
}

// Hangup ends the session: the character leaves the world.
func (s *Session) Hangup() {
	if s.login != nil {
		s.login.abandon()
		s.w.lobby.remove(s)
		return
	}
	s.w.post(func() { s.w.leave(s, "") })
}

// finished shows the prompt and releases the session's reader once its
// command, with every continuation it started, is done. Only the loop calls
// it; it never blocks (one command in flight means the ack slot is free).
func (s *Session) finished() {
	if !s.waiting || s.pending > 0 {
		return
	}
	s.waiting = false
	if s.char != nil && s.dialog == nil {
		s.conn.Prompt(s.char.promptText())
	}
	select {
	case s.ack <- struct{}{}:
	default:
	}
}

// command runs one line of play on the loop; a panic ends this session only.
func (w *World) command(s *Session, line string) {
	s.waiting = true
	defer func() {
		if r := recover(); r != nil {
			s.log.Error("panic in command", "line", line, "panic", r, "stack", string(debug.Stack()))
			s.conn.Send("\nSomething tore in the fabric of the world. You are cast out.\n")
			w.leave(s, "")
			s.conn.Close(netcore.CauseFailure)
			s.pending = 0
		}
		s.finished()
	}()
	c := s.char
	if c == nil {
		return
	}
	w.dispatch(c, line)
}
