package main

import (
	"path/filepath"

	mssh "mythosd/ssh"
	"mythosd/world"
	"mythosd/world/netcore"
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
	ln, err := listen(s.cfg.SSHAddr)
	if err != nil {
		return listenErr("ssh", s.cfg.SSHAddr, "ssh", err)
	}
	srv := &mssh.Server{
		Game:         s.world,
		HostKey:      host,
		Limits:       s.playerLimits(),
		WriteTimeout: s.cfg.WriteTimeout,
		Logger:       s.log,
	}
	sl := &sshListener{srv: srv,
		background: inBackground(func() error { return srv.Serve(ln) }, srv.Shutdown, mssh.ErrServerClosed)}
	s.serving("ssh", ln.Addr().String(), sl)
	return nil
}

// connStats are the player SSH server's connection figures.
func (sl *sshListener) connStats() netcore.Stats { return sl.srv.Stats() }
