package world

import (
	"context"
	"errors"
	"fmt"

	"mythosd/store"
	"mythosd/world/netcore"
)

// ErrBadLogin is returned when a name and password do not open a character.
var ErrBadLogin = errors.New("wrong name or password")

// ErrBackedOff is returned while an address or an account must wait after
// wrong passwords before another is checked.
var ErrBackedOff = errors.New("backed off after wrong passwords")

// CheckPassword reports whether password opens the character called name,
// for a client at remote ("host:port"). It hashes and reads the store on the
// caller's goroutine, never on the loop; transports that authenticate
// before the session starts (SSH) call it. It goes through the same
// back-off and hashing queue as the login dialogue. An unknown name and a
// wrong password give the same ErrBadLogin.
func (w *World) CheckPassword(ctx context.Context, remote, name, password string) error {
	addr := addrKey(remote)
	if wait := w.guard.wait(addr, name); wait > 0 {
		return fmt.Errorf("%w: %v left", ErrBackedOff, wait)
	}
	acc, err := w.cfg.Store.AccountByName(ctx, name)
	if errors.Is(err, store.ErrNotFound) {
		w.guard.failed(addr, "") // no account to lock: the address pays
		return ErrBadLogin
	}
	if err != nil {
		return fmt.Errorf("look up %s: %w", name, err)
	}
	ok, err := w.cfg.Hasher.CheckFrom(ctx, addr, acc.PasswordHash, password)
	if err != nil {
		return fmt.Errorf("check password of %s: %w", name, err)
	}
	if !ok {
		w.guard.failed(addr, name)
		return ErrBadLogin
	}
	w.guard.succeeded(addr, name)
	return nil
}

// AcceptAuthenticated starts a session on c for the character called name,
// whose player the transport has already authenticated: the character
// enters the world at once, with no login dialogue. It blocks until the
// character stands in the world (or the connection is refused and closed).
func (w *World) AcceptAuthenticated(c Conn, name string) LineHandler {
	s := w.newSession(c)
	ctx, cancel := context.WithTimeout(context.Background(), storeTimeout)
	defer cancel()
	acc, err := w.cfg.Store.AccountByName(ctx, name)
	if err != nil {
		s.log.Error("authenticated session without account", "name", name, "err", err)
		c.Send("Your records cannot be found just now; please try again in a moment.\n")
		c.Close(netcore.CauseFailure)
		return s
	}
	if !newLogin(s).enter(acc) {
		c.Close(netcore.CauseShutdown)
	}
	return s
}
