// Package ssh holds mythosd's SSH listeners: the player server, where a
// player plays over an SSH session with line editing, and the host key they
// share with the admin console.
package ssh

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	gossh "golang.org/x/crypto/ssh"
)

// HostKeyFile is the name of the host key in the data directory.
const HostKeyFile = "ssh_host_ed25519_key"

// hostKeyComment is written into a new key; OpenSSH shows it to nobody.
const hostKeyComment = "mythosd host key"

// LoadOrCreateHostKey returns the host key kept at path. On first start,
// when there is no file yet, it makes an ed25519 key and writes it there in
// OpenSSH PEM form with mode 0600, so the server keeps its identity across
// restarts. Two processes racing to create it end with the same key: the
// file is created whole, never overwritten.
func LoadOrCreateHostKey(path string) (gossh.Signer, error) {
	signer, err := loadHostKey(path)
	if !errors.Is(err, fs.ErrNotExist) {
		return signer, err
	}
	if err := createHostKey(path); err != nil {
		return nil, err
	}
	return loadHostKey(path)
}

// loadHostKey reads and parses the key at path.
func loadHostKey(path string) (gossh.Signer, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read host key %s: %w", path, err)
	}
	signer, err := gossh.ParsePrivateKey(data)
	if err != nil {
		return nil, fmt.Errorf("parse host key %s: %w", path, err)
	}
	return signer, nil
}

// createHostKey writes a new ed25519 key to path unless a file is already
// there. The key goes to a temporary file first and is linked into place,
// so nobody ever reads half a key.
func createHostKey(path string) error {
	pemBytes, err := newHostKeyPEM()
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".hostkey-*")
	if err != nil {
		return fmt.Errorf("create host key %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if err := writeKeyFile(tmp, pemBytes); err != nil {
		return fmt.Errorf("write host key %s: %w", path, err)
	}
	if err := os.Link(tmp.Name(), path); err != nil && !errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("install host key %s: %w", path, err)
	}
	return nil
}

// writeKeyFile writes data to f with mode 0600, syncs and closes it.
func writeKeyFile(f *os.File, data []byte) error {
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// newHostKeyPEM makes an ed25519 key in OpenSSH PEM form.
func newHostKeyPEM() ([]byte, error) {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("generate host key: %w", err)
	}
	block, err := gossh.MarshalPrivateKey(priv, hostKeyComment)
	if err != nil {
		return nil, fmt.Errorf("marshal host key: %w", err)
	}
	return pem.EncodeToMemory(block), nil
}
