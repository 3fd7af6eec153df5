package telnet

// Stats counts a Server's connections.
type Stats struct {
	Current int   // connections open now
	Total   int64 // connections served since the start
	Refused int64 // connections refused because MaxConns was reached
}

// Stats returns the server's connection counts.
func (s *Server) Stats() Stats {
	s.mu.Lock()
	current := len(s.conns)
	s.mu.Unlock()
	return Stats{Current: current, Total: s.total.Load(), Refused: s.refused.Load()}
}
