package world

import (
	"sync"

	"mythosd/world/netcore"
)

// lobby holds the sessions still in their login dialogue. They run on
// their connections' read loops, not on the world loop, so the world keeps
// them here to close them when it stops.
type lobby struct {
	mu       sync.Mutex
	sessions map[*Session]struct{}
}

func (l *lobby) add(s *Session) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.sessions == nil {
		l.sessions = make(map[*Session]struct{})
	}
	l.sessions[s] = struct{}{}
}

func (l *lobby) remove(s *Session) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.sessions, s)
}

// closeAll tells every session in the lobby why and closes it.
func (l *lobby) closeAll(why string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for s := range l.sessions {
		s.conn.Send(why)
		s.conn.Close(netcore.CauseShutdown)
	}
	clear(l.sessions)
}

// closeIf tells every session in the lobby that match reports why and
// closes it, as kicked.
func (l *lobby) closeIf(match func(*Session) bool, why string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for s := range l.sessions {
		if match(s) {
			s.conn.Send(why)
			s.conn.Close(netcore.CauseKicked)
			delete(l.sessions, s)
		}
	}
}
