package ssh

import (
	"context"
	"errors"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"mythosd/world"
)

// Authentication limits.
const (
	// maxAuthTries is the SSH protocol's limit of failed attempts per
	// connection, as in OpenSSH.
	maxAuthTries = 6
	// authTimeout bounds one check against the world's store.
	authTimeout = 10 * time.Second
	// maxNameLen and maxPasswordLen bound what is worth checking at all.
	maxNameLen     = 64
	maxPasswordLen = 1024
)

// errNeedAuth refuses the "none" method to every user but "new".
var errNeedAuth = errors.New("authentication required")

// errDenied refuses a password or key.
var errDenied = errors.New("permission denied")

// serverConfig is a connection's SSH configuration: the user "new" gets in
// with no authentication at all; every other user needs a password or a
// registered key. The checks end early when ctx does.
func (s *Server) serverConfig(ctx context.Context) *gossh.ServerConfig {
	cfg := &gossh.ServerConfig{
		NoClientAuth: true,
		NoClientAuthCallback: func(m gossh.ConnMetadata) (*gossh.Permissions, error) {
			if isNewUser(m.User()) {
				return nil, nil
			}
			return nil, errNeedAuth
		},
		PasswordCallback: func(m gossh.ConnMetadata, password []byte) (*gossh.Permissions, error) {
			return nil, allowed(s.passwordAuth(ctx, m, string(password)))
		},
		PublicKeyCallback: func(m gossh.ConnMetadata, key gossh.PublicKey) (*gossh.Permissions, error) {
			return nil, allowed(s.publicKeyAuth(ctx, m, key))
		},
		MaxAuthTries:  maxAuthTries,
		ServerVersion: serverVersion,
	}
	cfg.AddHostKey(s.HostKey)
	return cfg
}

// serverVersion is the server's SSH identification string.
const serverVersion = "SSH-2.0-mythosd"

// allowed is nil when ok, else errDenied.
func allowed(ok bool) error {
	if ok {
		return nil
	}
	return errDenied
}

// passwordAuth checks a password. A refusal is answered LoginDelay after
// the attempt began, whatever the reason, so that neither the pace nor the
// answer tells whether the name exists.
func (s *Server) passwordAuth(ctx context.Context, m gossh.ConnMetadata, password string) bool {
	start := time.Now()
	name, remote := m.User(), m.RemoteAddr().String()
	log := s.logger.With("remote", remote, "user", name)
	err := world.ErrBadLogin
	if plausibleLogin(name) && len(password) <= maxPasswordLen {
		err = s.check(ctx, func(cctx context.Context) error { return s.Game.CheckPassword(cctx, remote, name, password) })
	}
	if err == nil {
		log.Info("ssh login", "method", "password")
		return true
	}
	switch {
	case errors.Is(err, world.ErrBadLogin), errors.Is(err, world.ErrBackedOff), errors.Is(err, world.ErrHasherBusy):
		// Counted and summarised by the world's guard: no line per try.
		log.Debug("ssh password refused", "err", err)
	default:
		log.Error("ssh password check", "err", err)
	}
	pauseUntil(ctx, start.Add(setting(s.LoginDelay, DefaultLoginDelay)))
	return false
}

// publicKeyAuth checks whether key is registered to the user's character.
// Clients offer their keys one by one, so a refusal is not paced.
func (s *Server) publicKeyAuth(ctx context.Context, m gossh.ConnMetadata, key gossh.PublicKey) bool {
	name := m.User()
	if !plausibleLogin(name) {
		return false
	}
	fp := gossh.FingerprintSHA256(key)
	log := s.logger.With("remote", m.RemoteAddr().String(), "user", name, "fingerprint", fp)
	err := s.check(ctx, func(cctx context.Context) error { return s.Game.CheckKey(cctx, name, fp) })
	switch {
	case err == nil:
		log.Info("ssh login", "method", "publickey")
		return true
	case errors.Is(err, world.ErrBadLogin):
		log.Debug("ssh key refused")
	default:
		log.Error("ssh key check", "err", err)
	}
	return false
}

// check runs one login check with a timeout, ending early when the
// connection goes away.
func (s *Server) check(ctx context.Context, fn func(context.Context) error) error {
	cctx, cancel := context.WithTimeout(ctx, authTimeout)
	defer cancel()
	return fn(cctx)
}

// plausibleLogin reports whether name could be a character's: not "new"
// and not absurdly long.
func plausibleLogin(name string) bool {
	return name != "" && len(name) <= maxNameLen && !isNewUser(name)
}

// pauseUntil waits until t or until ctx ends.
func pauseUntil(ctx context.Context, t time.Time) {
	d := time.Until(t)
	if d <= 0 {
		return
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
	case <-ctx.Done():
	}
}
