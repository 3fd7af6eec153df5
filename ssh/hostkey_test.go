package ssh

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	gossh "golang.org/x/crypto/ssh"
)

func TestLoadOrCreateHostKey(t *testing.T) {
	path := filepath.Join(t.TempDir(), HostKeyFile)
	first, err := LoadOrCreateHostKey(path)
	if err != nil {
		t.Fatalf("first start: %v", err)
	}
	if got := first.PublicKey().Type(); got != gossh.KeyAlgoED25519 {
		t.Errorf("key type = %q, want %q", got, gossh.KeyAlgoED25519)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatalf("stat key: %v", err)
	}
	if mode := st.Mode().Perm(); mode != 0o600 {
		t.Errorf("key mode = %o, want 600", mode)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(data), "-----BEGIN OPENSSH PRIVATE KEY-----") {
		t.Errorf("key file is not OpenSSH PEM: %.40q", data)
	}
	second, err := LoadOrCreateHostKey(path)
	if err != nil {
		t.Fatalf("second start: %v", err)
	}
	if !bytes.Equal(first.PublicKey().Marshal(), second.PublicKey().Marshal()) {
		t.Error("second start made a new key instead of keeping the first")
	}
}

func TestLoadOrCreateHostKeyErrors(t *testing.T) {
	dir := t.TempDir()
	garbage := filepath.Join(dir, "garbage")
	if err := os.WriteFile(garbage, []byte("not a key"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		path string
	}{
		{"unparsable file", garbage},
		{"missing directory", filepath.Join(dir, "nope", HostKeyFile)},
		{"path is a directory", dir},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := LoadOrCreateHostKey(tt.path); err == nil {
				t.Fatal("no error")
			}
		})
	}
	if data, _ := os.ReadFile(garbage); string(data) != "not a key" {
		t.Error("an unparsable key file was overwritten")
	}
}

func TestLoadOrCreateHostKeyRace(t *testing.T) {
	path := filepath.Join(t.TempDir(), HostKeyFile)
	const n = 8
	keys := make([][]byte, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := LoadOrCreateHostKey(path)
			if err != nil {
				t.Errorf("start %d: %v", i, err)
				return
			}
			keys[i] = s.PublicKey().Marshal()
		}()
	}
	wg.Wait()
	for i := 1; i < n; i++ {
		if !bytes.Equal(keys[0], keys[i]) {
			t.Fatalf("start %d got a different key", i)
		}
	}
	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		t.Errorf("directory holds %d files, want only the key", len(entries))
	}
}
