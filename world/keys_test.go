package world

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"strings"
	"testing"
)

// Two ed25519 public keys made by ssh-keygen, with their fingerprints as
// ssh-keygen -l gives them.
const (
	testKey      = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMTC7t0ugAO84H7rPfpufCuIbsyn+P4m7E9zbVuN5Uqe"
	testKeyFP    = "SHA256:ptoXFjs9Gk5NqEyHIDnSasSW2f9FTHn8Mo6qvAxePSs"
	otherKey     = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKgtSHx8CDvFTB4cb3ImcUY3OcAv6/MIaJoEbY9r0qPH"
	otherKeyFP   = "SHA256:DdzbS4DK4F9zYj2xgYDKdBHIte4G1TwAgFykYI+OpQE"
	testKeyTypes = "ssh-ed25519"
)

// lineParser is a KeyParser for the world's tests, which cannot import the
// ssh package (it imports world): it reads "type base64 [comment]" and
// takes the fingerprint as OpenSSH does, the SHA-256 of the key's blob.
// The real parser, ssh.ParseKeyLine, has its own tests, and the server's
// end-to-end tests register keys through it.
func lineParser(line string) (ParsedKey, error) {
	f := strings.Fields(line)
	if len(f) < 2 || f[0] != testKeyTypes {
		return ParsedKey{}, errors.New("that is not a public key line")
	}
	blob, err := base64.StdEncoding.DecodeString(f[1])
	if err != nil {
		return ParsedKey{}, errors.New("that is not a public key line")
	}
	sum := sha256.Sum256(blob)
	return ParsedKey{Fingerprint: "SHA256:" + base64.RawStdEncoding.EncodeToString(sum[:]), Type: f[0],
		PublicKey: f[0] + " " + f[1], Comment: strings.Join(f[2:], " ")}, nil
}

func TestKeysCommands(t *testing.T) {
	tw := newTestWorldWith(t, "", func(c *Config) { c.KeyParser = lineParser })
	alice := tw.create(t, "Alice")
	bob := tw.create(t, "Bob")
	fp, otherFP := testKeyFP, otherKeyFP
	tests := []struct {
		who  *player
		line string
		want []string
	}{
		{alice, "keys", []string{"no SSH keys"}},
		{alice, "keys add", []string{"Usage: keys"}},
		{alice, "keys add not a key", []string{"That key will not do"}},
		{alice, "keys add " + authLine(testKey, "alice@laptop"), []string{"Key " + fp + " added", "opens Alice"}},
		{alice, "keys add " + authLine(otherKey, ""), []string{"Key " + otherFP + " added"}},
		{alice, "keys add " + authLine(testKey, "again"), []string{"registered already"}},
		{bob, "keys add " + authLine(testKey, "stolen"), []string{"registered already"}},
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

// authLine is a key line with a comment.
func authLine(key, comment string) string { return key + " " + comment }

func TestKeysWithoutAParser(t *testing.T) {
	tw := newTestWorld(t, "")
	wantContains(t, tw.create(t, "Alice").do("keys add "+testKey), "cannot be registered")
}
