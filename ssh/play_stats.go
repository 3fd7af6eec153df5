package ssh

// Stats counts a Server's connections.
type Stats struct {
	Current int   // connections open now, logged in or not
	Total   int64 // connections served since the start
	Refused int64 // connections refused because MaxConns was reached
}

// Stats returns the server's connection counts.
func (s *Server) Stats() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	return Stats{Current: len(s.conns), Total: s.total, Refused: s.refused}
}
