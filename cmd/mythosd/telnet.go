package main

import (
	"fmt"
	"net"

	"mythosd/telnet"
)

// telnetListener is the telnet server with the goroutine that serves it.
type telnetListener struct {
	srv *telnet.Server
	background
}

// startTelnet opens the telnet listener unless -telnet is off.
func (s *server) startTelnet() error {
	if listenerOff(s.cfg.TelnetAddr) {
		s.log.Info("telnet listener off")
		return nil
	}
	ln, err := net.Listen("tcp", s.cfg.TelnetAddr)
	if err != nil {
		return fmt.Errorf("listen telnet on %s: %w (change -telnet)", s.cfg.TelnetAddr, err)
	}
	s.serveTelnet("telnet", ln, ln.Addr().String())
	return nil
}

// serveTelnet serves the world over telnet on ln (plain or TLS), and
// records it as listener name, bound to addr.
func (s *server) serveTelnet(name string, ln net.Listener, addr string) {
	srv := &telnet.Server{
		Acceptor:     s.world,
		MaxConns:     s.cfg.MaxConns,
		WriteTimeout: s.cfg.WriteTimeout,
		MSSP:         s.msspFigures,
		Logger:       s.log.With("component", "telnet", "listener", name),
	}
	tl := &telnetListener{srv: srv,
		background: inBackground(func() error { return srv.Serve(ln) }, srv.Shutdown, telnet.ErrServerClosed)}
	s.serving(name, addr, tl)
}
