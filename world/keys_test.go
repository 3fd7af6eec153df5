package world

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/rsa"
	"errors"
	"math/big"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"
)

// edKey returns a deterministic ed25519 public key made from seed byte b.
func edKey(t testing.TB, b byte) gossh.PublicKey {
	t.Helper()
	seed := make([]byte, ed25519.SeedSize)
	seed[0] = b
	pub, err := gossh.NewPublicKey(ed25519.NewKeyFromSeed(seed).Public())
	if err != nil {
		t.Fatal(err)
	}
	return pub
}

// rsaKey returns an RSA public key with a modulus of bits bits (not a real
// key: only its size matters here).
func rsaKey(t testing.TB, bits int) gossh.PublicKey {
	t.Helper()
	n := new(big.Int).Lsh(big.NewInt(1), uint(bits-1))
	n.Add(n, big.NewInt(1))
	pub, err := gossh.NewPublicKey(&rsa.PublicKey{N: n, E: 65537})
	if err != nil {
		t.Fatal(err)
	}
	return pub
}

// authLine is pub as a line of authorized_keys with comment.
func authLine(pub gossh.PublicKey, comment string) string {
	return strings.TrimSpace(string(gossh.MarshalAuthorizedKey(pub))) + " " + comment
}

// certLine is a user certificate for pub, as a line of authorized_keys.
func certLine(t testing.TB, pub gossh.PublicKey) string {
	t.Helper()
	_, caKey, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	ca, err := gossh.NewSignerFromKey(caKey)
	if err != nil {
		t.Fatal(err)
	}
	cert := &gossh.Certificate{Key: pub, CertType: gossh.UserCert, ValidPrincipals: []string{"alice"}, ValidBefore: gossh.CertTimeInfinity}
	if err := cert.SignCert(rand.Reader, ca); err != nil {
		t.Fatal(err)
	}
	return string(gossh.MarshalAuthorizedKey(cert))
}

func TestParseKeyLine(t *testing.T) {
	ed := edKey(t, 1)
	tests := []struct {
		name        string
		line        string
		wantErr     string // "" for a key that is accepted
		wantComment string
	}{
		{"ed25519 with comment", authLine(ed, "alice@laptop"), "", "alice@laptop"},
		{"ed25519 without comment", authLine(ed, ""), "", ""},
		{"comment with control bytes", authLine(ed, "evil\x1b[2Jcomment\x07"), "", "evil[2Jcomment"},
		{"long comment", authLine(ed, strings.Repeat("x", 200)), "", strings.Repeat("x", maxKeyComment)},
		{"rsa 3072", authLine(rsaKey(t, 3072), "big"), "", "big"},
		{"garbage", "hello there", "not a public key line", ""},
		{"broken base64", "ssh-ed25519 AAAA!!!!", "not a public key line", ""},
		{"options", `from="10.0.0.1" ` + authLine(ed, "x"), "options", ""},
		{"two keys", authLine(ed, "a") + "\n" + authLine(edKey(t, 2), "b"), "one key at a time", ""},
		{"short rsa", authLine(rsaKey(t, 1024), "old"), "at least 2048 bits", ""},
		{"certificate", certLine(t, ed), "certificates", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k, err := parseKeyLine(tt.line)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want one about %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			if k.Comment != tt.wantComment {
				t.Errorf("comment = %q, want %q", k.Comment, tt.wantComment)
			}
			pub, _, _, _, err := gossh.ParseAuthorizedKey([]byte(k.PublicKey))
			if err != nil {
				t.Fatalf("stored key %q does not parse: %v", k.PublicKey, err)
			}
			if k.Fingerprint != gossh.FingerprintSHA256(pub) {
				t.Errorf("fingerprint = %s, stored key's is %s", k.Fingerprint, gossh.FingerprintSHA256(pub))
			}
			if n := len(strings.Fields(k.PublicKey)); n != 2 {
				t.Errorf("stored key %q has %d fields, want type and base64 only", k.PublicKey, n)
			}
		})
	}
}

func TestKeysCommands(t *testing.T) {
	tw := newTestWorld(t, "")
	alice := tw.create(t, "Alice")
	bob := tw.create(t, "Bob")
	key, other := edKey(t, 1), edKey(t, 2)
	fp, otherFP := gossh.FingerprintSHA256(key), gossh.FingerprintSHA256(other)
	tests := []struct {
		who  *player
		line string
		want []string
	}{
		{alice, "keys", []string{"no SSH keys"}},
		{alice, "keys add", []string{"Usage: keys"}},
		{alice, "keys add not a key", []string{"That key will not do"}},
		{alice, "keys add " + authLine(key, "alice@laptop"), []string{"Key " + fp + " added", "opens Alice"}},
		{alice, "keys add " + authLine(other, ""), []string{"Key " + otherFP + " added"}},
		{alice, "keys add " + authLine(key, "again"), []string{"registered already"}},
		{bob, "keys add " + authLine(key, "stolen"), []string{"registered already"}},
		{alice, "keys list", []string{"Your SSH keys (2):", "1. " + fp + " ssh-ed25519 alice@laptop (added 1926-10-31)", "2. " + otherFP}},
		{bob, "keys list", []string{"no SSH keys"}},
		{alice, "keys remove", []string{"Usage: keys"}},
		{alice, "keys remove 3", []string{"You have no key 3"}},
		{bob, "keys remove 1", []string{"You have no key 1"}},
		{alice, "keys remove " + strings.TrimPrefix(otherFP, "SHA256:"), []string{"Key " + otherFP + " removed"}},
		{alice, "keys frobnicate", []string{"Usage: keys"}},
		{alice, "keys list", []string{"Your SSH keys (1):", "1. " + fp}},
	}
	for _, tt := range tests {
		got := tt.who.do(tt.line)
		wantContains(t, got, tt.want...)
		if !strings.HasSuffix(got, "> ") {
			t.Errorf("%q: the prompt does not follow the answer: %q", tt.line, got)
		}
	}
	checks := []struct {
		name, fp string
		want     error
	}{
		{"alice", fp, nil},
		{"ALICE", fp, nil},
		{"Bob", fp, ErrBadLogin},
		{"Nobody", fp, ErrBadLogin},
		{"Alice", otherFP, ErrBadLogin},
	}
	for _, c := range checks {
		if err := tw.CheckKey(context.Background(), c.name, c.fp); !errors.Is(err, c.want) {
			t.Errorf("CheckKey(%s, %s) = %v, want %v", c.name, c.fp, err, c.want)
		}
	}
	wantContains(t, alice.do("keys remove 1"), "removed")
	if err := tw.CheckKey(context.Background(), "Alice", fp); !errors.Is(err, ErrBadLogin) {
		t.Errorf("a removed key still opens Alice: %v", err)
	}
}
