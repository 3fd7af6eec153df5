package ssh

import (
	"crypto/rsa"
	"errors"
	"fmt"
	"strings"
	"unicode"

	gossh "golang.org/x/crypto/ssh"

	"mythosd/world"
)

// Limits on the keys players register.
const (
	minRSABits    = 2048
	maxKeyComment = 80
)

// ParseKeyLine reads one line of an authorized_keys file (what a player's
// ~/.ssh/id_ed25519.pub holds) into a key to register, or tells the player
// why it will not do. It is the world's KeyParser: the world knows no SSH.
func ParseKeyLine(line string) (world.ParsedKey, error) {
	pub, comment, options, rest, err := gossh.ParseAuthorizedKey([]byte(line))
	switch {
	case err != nil:
		return world.ParsedKey{}, errors.New("that is not a public key line; paste the whole line of your .pub file, such as ~/.ssh/id_ed25519.pub")
	case len(strings.TrimSpace(string(rest))) > 0:
		return world.ParsedKey{}, errors.New("give one key at a time")
	case len(options) > 0:
		return world.ParsedKey{}, errors.New("key options (such as from=) are not supported; paste the key without them")
	}
	if err := checkKeyType(pub); err != nil {
		return world.ParsedKey{}, err
	}
	return world.ParsedKey{
		Fingerprint: gossh.FingerprintSHA256(pub),
		Type:        pub.Type(),
		PublicKey:   strings.TrimSpace(string(gossh.MarshalAuthorizedKey(pub))),
		Comment:     cleanComment(comment),
	}, nil
}

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
