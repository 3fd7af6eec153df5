package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"mythosd/admin"
	mssh "mythosd/ssh"
	"mythosd/world"
)

// Files of the admin console in the data directory.
const (
	adminKeyFile        = "admin_ed25519" // the local admin key; .pub beside it
	adminAuthorizedFile = "admin_authorized_keys"
	adminKeyComment     = "mythosd-admin"
)

// adminActions is what the console does: the world's admin actions and a
// shutdown countdown.
type adminActions struct {
	*world.World
	*admin.Countdown
}

// adminActions must be the console's Actions, and start backups.
var (
	_ admin.Actions       = adminActions{}
	_ admin.BackupStarter = adminActions{}
)

// startAdmin opens the admin console unless -admin is off. On first start
// it makes a key pair in the data dir and authorizes it.
func (s *server) startAdmin() error {
	if listenerOff(s.cfg.AdminAddr) {
		s.log.Info("admin console off")
		return nil
	}
	host, err := mssh.LoadOrCreateHostKey(filepath.Join(s.cfg.DataDir, mssh.HostKeyFile))
	if err != nil {
		return err
	}
	keys, err := bootstrapAdminKey(s.cfg.DataDir, s.log)
	if err != nil {
		return err
	}
	ln, err := listen(s.cfg.AdminAddr)
	if err != nil {
		return listenErr("admin console", s.cfg.AdminAddr, "admin", err)
	}
	cd := admin.NewCountdown(s.world.Broadcast, s.requestHalt, time.After, s.log)
	console := &mssh.Console{
		HostKey: host, AuthorizedKeys: keys, Source: s.world,
		Actions: adminActions{World: s.world, Countdown: cd}, Logger: s.log,
		Conns: s.playerConns, Banned: s.banned(),
	}
	// Shutdown stops a countdown in progress, then closes every console.
	stop := func(ctx context.Context) error {
		cd.Close()
		return console.Shutdown(ctx)
	}
	s.serving("admin", ln.Addr().String(),
		inBackground(func() error { return console.Serve(ln) }, stop, mssh.ErrServerClosed))
	return nil
}

// requestHalt ends the process as SIGTERM does; an admin's countdown calls
// it when it runs out.
func (s *server) requestHalt() { s.haltOnce.Do(func() { close(s.halt) }) }

// halted is closed once an admin's shutdown countdown has run out.
func (s *server) halted() <-chan struct{} { return s.halt }

// bootstrapAdminKey returns the authorized keys file of the admin console.
// When there is none yet, it makes the local admin key (dir/admin_ed25519
// and .pub, unless already there), authorizes it in a new file and logs
// where, so that `mythosd console` works with nothing else. An existing
// file is the operator's and is left alone, even when empty.
func bootstrapAdminKey(dir string, log *slog.Logger) (string, error) {
	keys := filepath.Join(dir, adminAuthorizedFile)
	if _, err := os.Stat(keys); err == nil {
		return keys, nil
	} else if !errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("check admin authorized keys: %w", err)
	}
	keyPath := filepath.Join(dir, adminKeyFile)
	signer, err := mssh.LoadOrCreateHostKey(keyPath)
	if err != nil {
		return "", fmt.Errorf("make admin key: %w", err)
	}
	line := strings.TrimSpace(string(gossh.MarshalAuthorizedKey(signer.PublicKey()))) + " " + adminKeyComment + "\n"
	if err := os.WriteFile(keyPath+".pub", []byte(line), 0o644); err != nil {
		return "", fmt.Errorf("write admin public key: %w", err)
	}
	if err := writeNew(keys, "# Public keys allowed into the mythosd admin console, one per line.\n"+line); err != nil {
		return "", fmt.Errorf("authorize admin key: %w", err)
	}
	log.Info("admin key made and authorized; open the console with: mythosd console -data "+dir,
		"key", keyPath, "authorized_keys", keys, "fingerprint", gossh.FingerprintSHA256(signer.PublicKey()))
	return keys, nil
}

// writeNew creates path with text, mode 0600, unless it already exists
// (another process made it first: theirs stands).
func writeNew(path, text string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
