package ssh

import (
	"bufio"
	"bytes"
	"fmt"
	"os"

	gliderssh "github.com/gliderlabs/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// authorized lets a key in when the authorized keys file lists it. The
// file is read at every attempt; when it cannot be read nobody gets in.
func (c *Console) authorized(ctx gliderssh.Context, key gliderssh.PublicKey) bool {
	keys, bad, err := ReadAuthorizedKeys(c.AuthorizedKeys)
	if err != nil {
		c.log.Error("admin key refused: authorized keys unreadable", "err", err)
		return false
	}
	if len(bad) > 0 {
		c.log.Warn("admin authorized keys: lines skipped, not keys", "file", c.AuthorizedKeys, "lines", bad)
	}
	for _, k := range keys {
		if gliderssh.KeysEqual(k, key) {
			return true
		}
	}
	c.log.Warn("admin key refused", "fingerprint", gossh.FingerprintSHA256(key),
		"user", ctx.User(), "addr", ctx.RemoteAddr().String())
	return false
}

// ReadAuthorizedKeys reads an OpenSSH authorized_keys file: one key per
// line, blank lines and # comments skipped. It returns the keys and the
// numbers of the lines that are not keys.
func ReadAuthorizedKeys(path string) (keys []gossh.PublicKey, bad []int, err error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("read authorized keys %s: %w", path, err)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), len(data)+1)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		key, _, _, _, err := gossh.ParseAuthorizedKey(line)
		if err != nil {
			bad = append(bad, n)
			continue
		}
		keys = append(keys, key)
	}
	return keys, bad, nil
}
