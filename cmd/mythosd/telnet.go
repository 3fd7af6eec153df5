package main

import (
	"crypto/tls"
	"net"

	"mythosd/telnet"
	"mythosd/world/netcore"
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
	ln, err := listen(s.cfg.TelnetAddr)
	if err != nil {
		return listenErr("telnet", s.cfg.TelnetAddr, "telnet", err)
	}
	s.serveTelnet("telnet", ln, nil)
	return nil
}

// serveTelnet serves the world over telnet on ln, over TLS when tlsCfg is
// set, and records it as listener name.
func (s *server) serveTelnet(name string, ln net.Listener, tlsCfg *tls.Config) {
	srv := &telnet.Server{
		Acceptor:     s.world,
		Limits:       s.playerLimits(),
		TLS:          tlsCfg,
		WriteTimeout: s.cfg.WriteTimeout,
		MSSP:         s.msspFigures,
		Logger:       s.log.With("listener", name), // the telnet server adds its component
	}
	tl := &telnetListener{srv: srv,
		background: inBackground(func() error { return srv.Serve(ln) }, srv.Shutdown, telnet.ErrServerClosed)}
	s.serving(name, ln.Addr().String(), tl)
}

// connStats are the telnet server's connection figures.
func (tl *telnetListener) connStats() netcore.Stats { return tl.srv.Stats() }
