package store

import (
	"errors"
	"fmt"
	"path/filepath"
	"testing"
)

// testKey is a key with a fingerprint made from n.
func testKey(n int) PlayerKey {
	return PlayerKey{
		Fingerprint: fmt.Sprintf("SHA256:fingerprint%03d", n),
		PublicKey:   fmt.Sprintf("ssh-ed25519 AAAAkey%03d", n),
		Comment:     fmt.Sprintf("key %d", n),
		AddedAt:     t0(),
	}
}

func TestAddKeyAndLookups(t *testing.T) {
	db := newDB(t)
	ctx := ctxT(t)
	alice, _ := mustCreate(t, db, "Alice")
	mustCreate(t, db, "Bob")
	k, err := db.AddKey(ctx, "alice", testKey(1))
	if err != nil {
		t.Fatalf("add: %v", err)
	}
	want := testKey(1)
	want.ID, want.AddedAt = k.ID, t0().UTC()
	if k.ID == 0 || k != want {
		t.Fatalf("added key = %+v, want %+v", k, want)
	}
	second, err := db.AddKey(ctx, "Alice", testKey(2))
	if err != nil {
		t.Fatalf("add second: %v", err)
	}
	for _, name := range []string{"Alice", "ALICE"} {
		keys, err := db.Keys(ctx, name)
		if err != nil || len(keys) != 2 || keys[0] != k || keys[1] != second {
			t.Fatalf("Keys(%q) = %+v, %v; want [%+v %+v]", name, keys, err, k, second)
		}
	}
	got, err := db.AccountByKeyFingerprint(ctx, k.Fingerprint)
	if err != nil || got != alice {
		t.Fatalf("AccountByKeyFingerprint = %+v, %v; want %+v", got, err, alice)
	}
	if keys, err := db.Keys(ctx, "Bob"); err != nil || len(keys) != 0 {
		t.Fatalf("Keys(Bob) = %+v, %v; want none", keys, err)
	}
	if keys, err := db.Keys(ctx, "Nobody"); err != nil || len(keys) != 0 {
		t.Fatalf("Keys(Nobody) = %+v, %v; want none", keys, err)
	}
}

func TestAddKeyRefusals(t *testing.T) {
	db := newDB(t)
	mustCreate(t, db, "Alice")
	mustCreate(t, db, "Bob")
	mustCreate(t, db, "Carol")
	if _, err := db.AddKey(ctxT(t), "Alice", testKey(1)); err != nil {
		t.Fatal(err)
	}
	for i := range MaxKeysPerAccount {
		if _, err := db.AddKey(ctxT(t), "Carol", testKey(100+i)); err != nil {
			t.Fatalf("add key %d of %d: %v", i+1, MaxKeysPerAccount, err)
		}
	}
	blankKey := testKey(3)
	blankKey.PublicKey = " "
	tests := []struct {
		name    string
		account string
		key     PlayerKey
		want    error
	}{
		{"same key again", "Alice", testKey(1), ErrExists},
		{"key of another account", "bob", testKey(1), ErrExists},
		{"no such account", "Nobody", testKey(2), ErrNotFound},
		{"blank fingerprint", "Bob", PlayerKey{PublicKey: "ssh-ed25519 AAAA"}, ErrInvalid},
		{"blank key", "Bob", blankKey, ErrInvalid},
		{"one key too many", "Carol", testKey(4), ErrTooManyKeys},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := db.AddKey(ctxT(t), tt.account, tt.key); !errors.Is(err, tt.want) {
				t.Fatalf("AddKey = %v, want %v", err, tt.want)
			}
		})
	}
	if acc, err := db.AccountByKeyFingerprint(ctxT(t), testKey(1).Fingerprint); err != nil || acc.Name != "Alice" {
		t.Fatalf("key 1 now opens %+v, %v; want Alice still", acc, err)
	}
	if keys, _ := db.Keys(ctxT(t), "Bob"); len(keys) != 0 {
		t.Fatalf("Bob holds %+v after refusals", keys)
	}
}

func TestRemoveKey(t *testing.T) {
	db := newDB(t)
	mustCreate(t, db, "Alice")
	mustCreate(t, db, "Bob")
	k1, k2 := testKey(1), testKey(2)
	for _, k := range []PlayerKey{k1, k2} {
		if _, err := db.AddKey(ctxT(t), "Alice", k); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name        string
		account, fp string
		want        error
	}{
		{"another account's key", "Bob", k1.Fingerprint, ErrNotFound},
		{"unknown fingerprint", "Alice", "SHA256:nothing", ErrNotFound},
		{"no such account", "Nobody", k1.Fingerprint, ErrNotFound},
		{"own key", "ALICE", k1.Fingerprint, nil},
		{"own key twice", "Alice", k1.Fingerprint, ErrNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := db.RemoveKey(ctxT(t), tt.account, tt.fp); !errors.Is(err, tt.want) {
				t.Fatalf("RemoveKey = %v, want %v", err, tt.want)
			}
		})
	}
	if _, err := db.AccountByKeyFingerprint(ctxT(t), k1.Fingerprint); !errors.Is(err, ErrNotFound) {
		t.Fatalf("removed key still opens an account: %v", err)
	}
	keys, err := db.Keys(ctxT(t), "Alice")
	if err != nil || len(keys) != 1 || keys[0].Fingerprint != k2.Fingerprint {
		t.Fatalf("Keys after remove = %+v, %v; want only key 2", keys, err)
	}
	if _, err := db.AddKey(ctxT(t), "Bob", k1); err != nil {
		t.Fatalf("a removed key cannot be registered again: %v", err)
	}
}

func TestKeysSurviveReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mythos.db")
	db := openAt(t, path)
	mustCreate(t, db, "Alice")
	added, err := db.AddKey(ctxT(t), "Alice", testKey(1))
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	keys, err := openAt(t, path).Keys(ctxT(t), "Alice")
	if err != nil || len(keys) != 1 || keys[0] != added {
		t.Fatalf("after reopen Keys = %+v, %v; want [%+v]", keys, err, added)
	}
}
