package world

import (
	"context"
	"errors"

	"mythosd/store"
)

// ParsedKey is an SSH public key a player registers, as the transport that
// knows SSH reads it (see Config.KeyParser).
type ParsedKey struct {
	Fingerprint string // SHA256, as ssh-keygen -l shows it
	Type        string // e.g. ssh-ed25519
	PublicKey   string // type and base64, as in authorized_keys
	Comment     string // printable and short
}

// KeyParser reads one line of an authorized_keys file into a key, or says
// why it will not do, in words for the player.
type KeyParser func(line string) (ParsedKey, error)

// CheckKey reports whether the public key with fingerprint (SHA256, as
// ssh-keygen -l shows it) opens name: the account it is registered to, or
// any of that account's characters. It reads the store on the caller's
// goroutine, never on the loop; an unknown name and a key registered by
// someone else give the same ErrBadLogin.
func (w *World) CheckKey(ctx context.Context, name, fingerprint string) error {
	acc, err := w.cfg.Store.AccountByKeyFingerprint(ctx, fingerprint)
	if errors.Is(err, store.ErrNotFound) {
		return ErrBadLogin
	}
	if err != nil {
		return err
	}
	named, err := w.cfg.Store.AccountByName(ctx, name)
	if errors.Is(err, store.ErrNotFound) || (err == nil && named.ID != acc.ID) {
		return ErrBadLogin
	}
	return err
}

// offLoop runs work off the loop, for store calls the loop must not make,
// and sends the text it returns to c's player (see async).
func (w *World) offLoop(c *Character, work func(ctx context.Context) string) {
	w.async(c, storeTimeout, func(ctx context.Context) func() {
		answer := work(ctx)
		return func() { c.send(answer) }
	})
}
