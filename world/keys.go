package world

import (
	"context"
	"crypto/rsa"
	"errors"
	"fmt"
	"strings"
	"unicode"

	gossh "golang.org/x/crypto/ssh"

	"mythosd/store"
)

// Limits on the keys players register.
const (
	minRSABits    = 2048
	maxKeyComment = 80
)

// acceptedKeyType reports whether players may register keys of type t:
// what OpenSSH makes today, never DSA.
func acceptedKeyType(t string) bool {
	switch t {
	case gossh.KeyAlgoED25519, gossh.KeyAlgoSKED25519, gossh.KeyAlgoECDSA256, gossh.KeyAlgoECDSA384,
		gossh.KeyAlgoECDSA521, gossh.KeyAlgoSKECDSA256, gossh.KeyAlgoRSA:
		return true
	}
	return false
}

// CheckKey reports whether the public key with fingerprint (SHA256, as
// golang.org/x/crypto/ssh.FingerprintSHA256 gives it) opens the character
// called name. It reads the store on the caller's goroutine, never on the
// loop; an unknown name and a key registered by someone else give the same
// ErrBadLogin.
func (w *World) CheckKey(ctx context.Context, name, fingerprint string) error {
	acc, err := w.cfg.Store.AccountByKeyFingerprint(ctx, fingerprint)
	if errors.Is(err, store.ErrNotFound) {
		return ErrBadLogin
	}
	if err != nil {
		return err
	}
	if nameKey(acc.Name) != nameKey(name) {
		return ErrBadLogin
	}
	return nil
}

// parseKeyLine reads one line of an authorized_keys file (what a player's
// ~/.ssh/id_ed25519.pub holds) into a key to register, or tells the player
// why it will not do.
func parseKeyLine(line string) (store.PlayerKey, error) {
	pub, comment, options, rest, err := gossh.ParseAuthorizedKey([]byte(line))
	switch {
	case err != nil:
		return store.PlayerKey{}, errors.New("that is not a public key line; paste the whole line of your .pub file, such as ~/.ssh/id_ed25519.pub")
	case len(strings.TrimSpace(string(rest))) > 0:
		return store.PlayerKey{}, errors.New("give one key at a time")
	case len(options) > 0:
		return store.PlayerKey{}, errors.New("key options (such as from=) are not supported; paste the key without them")
	}
	if err := checkKeyType(pub); err != nil {
		return store.PlayerKey{}, err
	}
	return store.PlayerKey{
		Fingerprint: gossh.FingerprintSHA256(pub),
		PublicKey:   strings.TrimSpace(string(gossh.MarshalAuthorizedKey(pub))),
		Comment:     cleanComment(comment),
	}, nil
}

// checkKeyType refuses certificates, unknown types and short RSA keys.
func checkKeyType(pub gossh.PublicKey) error {
	if _, isCert := pub.(*gossh.Certificate); isCert {
		return errors.New("certificates are not supported; paste the plain public key")
	}
	if !acceptedKeyType(pub.Type()) {
		return fmt.Errorf("%s keys are not accepted; use an ed25519 key (ssh-keygen -t ed25519)", pub.Type())
	}
	if cpk, ok := pub.(gossh.CryptoPublicKey); ok {
		if rk, isRSA := cpk.CryptoPublicKey().(*rsa.PublicKey); isRSA && rk.N.BitLen() < minRSABits {
			return fmt.Errorf("RSA keys need at least %d bits; better, use an ed25519 key (ssh-keygen -t ed25519)", minRSABits)
		}
	}
	return nil
}

// cleanComment keeps a key's comment printable and short.
func cleanComment(comment string) string {
	comment = strings.Map(func(r rune) rune {
		if unicode.IsPrint(r) {
			return r
		}
		return -1
	}, comment)
	if runes := []rune(comment); len(runes) > maxKeyComment {
		comment = string(runes[:maxKeyComment])
	}
	return strings.TrimSpace(comment)
}

// offLoop runs work off the loop, for store calls the loop must not make,
// and sends the text it returns to c's player (see async).
func (w *World) offLoop(c *Character, work func(ctx context.Context) string) {
	w.async(c, storeTimeout, func(ctx context.Context) func() {
		answer := work(ctx)
		return func() { c.send(answer) }
	})
}
