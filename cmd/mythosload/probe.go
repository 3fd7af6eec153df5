package main

import "log/slog"

// serverProbe samples the server process, when its pid was given, at the
// three moments of a run: before the first connect, when every bot is in
// the world, and at the end of the measured phase.
type serverProbe struct {
	pid                int
	log                *slog.Logger
	before, ready, end procSample
	err                error // the first failed sample
}

// newServerProbe returns a probe of pid; a pid of 0 samples nothing.
func newServerProbe(pid int, logger *slog.Logger) *serverProbe {
	return &serverProbe{pid: pid, log: logger}
}

// sample reads the server's RSS and CPU into s.
func (p *serverProbe) sample(s *procSample) {
	if p.pid <= 0 || p.err != nil {
		return
	}
	got, err := sampleProc(p.pid)
	if err != nil {
		p.err = err
		p.log.Warn("sample server", "pid", p.pid, "err", err)
		return
	}
	*s = got
}

// ok reports whether every sample was taken.
func (p *serverProbe) ok() bool { return p.pid > 0 && p.err == nil }
