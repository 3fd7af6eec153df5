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

// CheckPassword reports whether password opens name, the name of an
// account or of one of its characters, for a client at remote
// ("host:port"). It hashes and reads the store on the caller's goroutine,
// never on the loop; transports that authenticate before the session
// starts (SSH) call it. It goes through the same back-off and hashing
// queue as the login dialogue, counted by account (so each character's
// name does not buy more guesses). An unknown name and a wrong password
// give the same ErrBadLogin.
func (w *World) CheckPassword(ctx context.Context, remote, name, password string) error {
	addr := addrKey(remote)
	if wait := w.guard.wait(addr, ""); wait > 0 {
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
	if wait := w.guard.wait(addr, acc.Name); wait > 0 {
		return fmt.Errorf("%w: %v left", ErrBackedOff, wait)
	}
	ok, err := w.cfg.Hasher.CheckFrom(ctx, addr, acc.PasswordHash, password)
	if err != nil {
		return fmt.Errorf("check password of %s: %w", name, err)
	}
	if !ok {
		w.guard.failed(addr, acc.Name)
		return ErrBadLogin
	}
	w.guard.succeeded(addr, acc.Name)
	return nil
}

// AcceptAuthenticated starts a session on c for the player the transport
// has already authenticated as name: a character's name enters that
// character at once, with no dialogue; an account's name enters its only
// character, or shows the character menu when it holds several (or none).
// It blocks until the character stands in the world, the menu is shown, or
// the connection is refused and closed.
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
	l := newLogin(s)
	l.account = acc
	if nameKey(name) != nameKey(acc.Name) {
		l.char = name
	}
	s.login = l
	w.lobby.add(s)
	if l.afterPassword() {
		s.login = nil
		w.lobby.remove(s)
	} else if !l.menuShown() {
		c.Close(netcore.CauseShutdown)
	}
	return s
}
