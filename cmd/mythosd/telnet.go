package main

import (
	"context"
	"errors"
	"fmt"
	"net"

	"mythosd/telnet"
)

// telnetListener is the telnet server with the goroutine that serves it.
type telnetListener struct {
	srv    *telnet.Server
	served chan error
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
	tl := &telnetListener{
		srv: &telnet.Server{
			Acceptor:     s.world,
			MaxConns:     s.cfg.MaxConns,
			WriteTimeout: s.cfg.WriteTimeout,
			MSSP:         s.msspFigures,
			Logger:       s.log.With("component", "telnet", "listener", name),
		},
		served: make(chan error, 1),
	}
	go func() { tl.served <- tl.srv.Serve(ln) }()
	s.serving(name, addr, tl)
}

// Shutdown stops accepting, waits for the connections to end, and for
// Serve to return.
func (tl *telnetListener) Shutdown(ctx context.Context) error {
	err := tl.srv.Shutdown(ctx)
	if served := <-tl.served; !errors.Is(served, telnet.ErrServerClosed) {
		err = errors.Join(err, served)
	}
	return err
}
