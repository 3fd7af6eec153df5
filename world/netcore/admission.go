package netcore

import (
	"context"
	"log/slog"
	"net"
	"net/netip"
	"runtime/debug"
	"time"
)

// admit serves nc, or refuses it with one line and closes it. It runs on
// the accept loop and starts no goroutine for a refused connection.
func (s *Server) admit(nc net.Conn) {
	addr := remoteAddr(nc)
	if s.Limits.Banned != nil && addr.IsValid() && s.Limits.Banned(addr) {
		s.refuse(nc, ReasonBanned)
		return
	}
	now := time.Now()
	c := newConn(s, nc, addr, now)
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		_ = nc.Close() // shutting down; nothing to report
		return
	}
	victim, reason, ok := s.admitLocked(c, now)
	if !ok {
		s.mu.Unlock()
		s.refuse(nc, reason)
		return
	}
	s.conns[c] = struct{}{}
	s.perAddr[c.key]++
	s.login.push(c)
	s.handlers.Add(1)
	s.mu.Unlock()
	s.count.accepted.Add(1)
	if tc, ok := nc.(*net.TCPConn); ok && s.Limits.SendBuffer > 0 {
		_ = tc.SetWriteBuffer(s.Limits.SendBuffer) // a refusal leaves the kernel's default: no harm
	}
	if victim != nil {
		victim.End(CauseDisplaced)
	}
	c.startGrace(s.Limits.grace())
	go s.serve(c)
}

// admitLocked checks the limits for c. When the login budget is full and
// its oldest connection has been logging in long enough, that one is
// returned as the victim that makes room, already out of the budget.
func (s *Server) admitLocked(c *Conn, now time.Time) (victim *Conn, r Reason, ok bool) {
	l := &s.Limits
	switch {
	case l.MaxConns > 0 && len(s.conns) >= l.MaxConns:
		return nil, ReasonFull, false
	case l.MaxPerAddr > 0 && s.perAddr[c.key] >= l.MaxPerAddr:
		return nil, ReasonPerAddr, false
	case l.MaxLogin > 0 && s.login.n >= l.MaxLogin:
		oldest := s.login.head
		if oldest == nil || now.Sub(oldest.start) < l.displaceAfter() {
			return nil, ReasonLoginBudget, false
		}
		s.login.remove(oldest)
		return oldest, 0, true
	}
	return nil, 0, true
}

// refuse counts a refusal, tells the client why in one line within a
// bounded write, and closes it.
func (s *Server) refuse(nc net.Conn, r Reason) {
	s.count.refused[r].Add(1)
	s.logger().Debug("connection refused", "remote", nc.RemoteAddr().String(), "reason", r.String())
	_ = nc.SetWriteDeadline(time.Now().Add(refuseTimeout))
	_, _ = nc.Write([]byte(refusalText[r])) // the client may be gone; nothing to do about it
	_ = nc.Close()
}

// serve runs Handle for c, then forgets c and records its end.
func (s *Server) serve(c *Conn) {
	defer s.handlers.Done()
	defer s.finish(c)
	defer func() {
		if r := recover(); r != nil {
			s.logger().Error("panic serving a connection", "remote", c.remote, "panic", r, "stack", string(debug.Stack()))
			c.Record(CauseFailure)
		}
	}()
	s.Handle(c)
}

// finish forgets c, closes its socket if the transport has not, and logs
// and counts its end: the one place every connection's end is recorded.
func (s *Server) finish(c *Conn) {
	c.stopGrace()
	_ = c.raw.Close() // usually closed already by the write loop
	s.mu.Lock()
	delete(s.conns, c)
	if n := s.perAddr[c.key] - 1; n > 0 {
		s.perAddr[c.key] = n
	} else {
		delete(s.perAddr, c.key)
	}
	s.login.remove(c)
	c.gone = true
	if c.loggedIn.Load() {
		s.inWorld--
	}
	s.mu.Unlock()
	cause := c.Cause()
	if cause == CauseUnknown {
		cause = CauseClientClosed
	}
	s.count.ended[cause].Add(1)
	s.logger().Log(context.Background(), endLevel(cause), "connection ended", "remote", c.remote,
		"cause", cause.String(), "logged_in", c.loggedIn.Load(), "for", time.Since(c.start).Round(time.Millisecond))
}

// loggedIn takes c out of the login budget, into the world; false when
// it was there already, or is gone.
func (s *Server) loggedIn(c *Conn) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c.gone || c.loggedIn.Load() {
		return false
	}
	c.loggedIn.Store(true)
	s.login.remove(c)
	s.inWorld++
	return true
}

// endLevel is the level an end is logged at: the ordinary ends at Debug,
// what an operator may want to know at Info, trouble at Warn.
func endLevel(c Cause) slog.Level {
	switch c {
	case CauseClientClosed, CauseQuit, CauseShutdown:
		return slog.LevelDebug
	case CauseFailure, CauseUnknown:
		return slog.LevelWarn
	}
	return slog.LevelInfo
}

// remoteAddr is nc's remote IP address; the zero Addr when it has none.
func remoteAddr(nc net.Conn) netip.Addr {
	switch a := nc.RemoteAddr().(type) {
	case *net.TCPAddr:
		return a.AddrPort().Addr().Unmap()
	case nil:
		return netip.Addr{}
	default:
		ap, err := netip.ParseAddrPort(a.String())
		if err != nil {
			return netip.Addr{}
		}
		return ap.Addr().Unmap()
	}
}

// loginList lists the connections still logging in, oldest first. It is
// guarded by the Server's mu.
type loginList struct {
	head, tail *Conn
	n          int
}

// push adds c as the newest.
func (l *loginList) push(c *Conn) {
	c.inLogin = true
	c.prev, c.next = l.tail, nil
	if l.tail != nil {
		l.tail.next = c
	} else {
		l.head = c
	}
	l.tail = c
	l.n++
}

// remove takes c out, when it is in.
func (l *loginList) remove(c *Conn) {
	if !c.inLogin {
		return
	}
	c.inLogin = false
	if c.prev != nil {
		c.prev.next = c.next
	} else {
		l.head = c.next
	}
	if c.next != nil {
		c.next.prev = c.prev
	} else {
		l.tail = c.prev
	}
	c.prev, c.next = nil, nil
	l.n--
}
