package main

import (
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"mythosd/admin"
	"mythosd/world/netcore"
)

// metricsPath is where the Prometheus figures are served.
const metricsPath = "/metrics"

// connCounter is a listener that counts its connections.
type connCounter interface {
	connStats() netcore.Stats
}

// startMetrics serves the world's figures, the listeners' connection
// counts and the Go runtime's for Prometheus, unless -metrics is off. It
// starts after the listeners whose connections it counts.
func (s *server) startMetrics() error {
	if listenerOff(s.cfg.MetricsAddr) {
		s.log.Info("metrics off")
		return nil
	}
	reg := prometheus.NewRegistry()
	if err := reg.Register(admin.NewCollector(s.world, s.connCounters())); err != nil {
		return fmt.Errorf("register metrics: %w", err)
	}
	reg.MustRegister(admin.NewBackupCollector(s.world))
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	log := s.log.With("component", "metrics")
	mux := http.NewServeMux()
	mux.Handle(metricsPath, promhttp.HandlerFor(reg, promhttp.HandlerOpts{
		ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn), Registry: reg, MaxRequestsInFlight: 4,
	}))
	ln, err := net.Listen("tcp", s.cfg.MetricsAddr)
	if err != nil {
		return fmt.Errorf("listen metrics on %s: %w (change -metrics)", s.cfg.MetricsAddr, err)
	}
	srv := &http.Server{
		Handler: mux, ReadHeaderTimeout: 5 * time.Second, WriteTimeout: 30 * time.Second,
		ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	// Shutdown stops serving /metrics, waiting for scrapes under way.
	s.serving("metrics", ln.Addr().String(),
		inBackground(func() error { return srv.Serve(ln) }, srv.Shutdown, http.ErrServerClosed))
	return nil
}

// connCounters returns the connection counts of the listeners started so
// far that keep them, by listener name.
func (s *server) connCounters() map[string]func() netcore.Stats {
	out := make(map[string]func() netcore.Stats)
	for name, l := range s.named {
		if c, ok := l.(connCounter); ok {
			out[name] = c.connStats
		}
	}
	return out
}

// playerConns sums the connection figures of the player listeners
// (telnet, telnet-tls, ssh), for the console.
func (s *server) playerConns() netcore.Stats {
	var sum netcore.Stats
	for _, name := range []string{"telnet", "telnet-tls", "ssh"} {
		if c, ok := s.named[name].(connCounter); ok {
			sum = sum.Add(c.connStats())
		}
	}
	return sum
}
