package main

import (
	"fmt"
	"net"
	"path/filepath"

	"mythosd/admin"
	mssh "mythosd/ssh"
	"mythosd/world"
)

// The world is what the player SSH server plays.
var _ mssh.Game = (*world.World)(nil)

// sshListener is the player SSH server with the goroutine that serves it.
type sshListener struct {
	srv *mssh.Server
	background
}

// startSSH opens the player SSH listener unless -ssh is off. The host key
// is made in the data directory on first start and kept.
func (s *server) startSSH() error {
	if listenerOff(s.cfg.SSHAddr) {
		s.log.Info("ssh listener off")
		return nil
	}
	host, err := mssh.LoadOrCreateHostKey(filepath.Join(s.cfg.DataDir, mssh.HostKeyFile))
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", s.cfg.SSHAddr)
	if err != nil {
		return fmt.Errorf("listen ssh on %s: %w (change -ssh)", s.cfg.SSHAddr, err)
	}
	srv := &mssh.Server{
		Game:         s.world,
		HostKey:      host,
		MaxConns:     s.cfg.MaxConns,
		WriteTimeout: s.cfg.WriteTimeout,
		Logger:       s.log,
	}
	sl := &sshListener{srv: srv,
		background: inBackground(func() error { return srv.Serve(ln) }, srv.Shutdown, mssh.ErrServerClosed)}
	s.serving("ssh", ln.Addr().String(), sl)
	return nil
}

// connStats counts the player SSH server's connections.
func (sl *sshListener) connStats() admin.ConnStats {
	st := sl.srv.Stats()
	return admin.ConnStats{Current: st.Current, Total: st.Total, Refused: st.Refused}
}
