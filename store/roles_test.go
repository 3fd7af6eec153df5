package store

import (
	"errors"
	"path/filepath"
	"testing"
)

func TestSetRole(t *testing.T) {
	db := newDB(t)
	ctx := ctxT(t)
	mustCreate(t, db, "Peaslee")
	tests := []struct {
		name           string
		role           Role
		grant          bool
		admin, builder bool
	}{
		{"peaslee", RoleBuilder, true, false, true},
		{"PEASLEE", RoleBuilder, true, false, true}, // granted twice: no error
		{"Peaslee", RoleAdmin, true, true, true},
		{"peaslee", RoleBuilder, false, true, false},
		{"peaslee", RoleBuilder, false, true, false}, // revoked twice
		{"peaslee", RoleAdmin, false, false, false},
	}
	for _, tt := range tests {
		if err := db.SetRole(ctx, tt.name, tt.role, tt.grant); err != nil {
			t.Fatalf("SetRole(%q, %s, %v): %v", tt.name, tt.role, tt.grant, err)
		}
		a, err := db.AccountByName(ctx, "Peaslee")
		if err != nil || a.Admin != tt.admin || a.Builder != tt.builder {
			t.Fatalf("after SetRole(%q, %s, %v): admin %v builder %v, %v", tt.name, tt.role, tt.grant, a.Admin, a.Builder, err)
		}
	}
}

func TestSetRoleRefusals(t *testing.T) {
	db := newDB(t)
	ctx := ctxT(t)
	mustCreate(t, db, "Peaslee")
	tests := []struct {
		name string
		role Role
		want error
	}{
		{"nobody", RoleAdmin, ErrNotFound},
		{"peaslee", RolePlayer, ErrInvalid},
		{"peaslee", "wizard", ErrInvalid},
		{"peaslee", "", ErrInvalid},
	}
	for _, tt := range tests {
		if err := db.SetRole(ctx, tt.name, tt.role, true); !errors.Is(err, tt.want) {
			t.Errorf("SetRole(%q, %q) = %v, want %v", tt.name, tt.role, err, tt.want)
		}
	}
}

func TestParseRole(t *testing.T) {
	tests := []struct {
		in   string
		want Role
		ok   bool
	}{
		{"admin", RoleAdmin, true},
		{"Builder", RoleBuilder, true},
		{"player", "", false},
		{"", "", false},
		{"admin\x00", "", false},
	}
	for _, tt := range tests {
		got, err := ParseRole(tt.in)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("ParseRole(%q) = %q, %v", tt.in, got, err)
		}
	}
}

func TestSetFrozenAndPassword(t *testing.T) {
	db := newDB(t)
	ctx := ctxT(t)
	mustCreate(t, db, "Peaslee")
	if err := db.SetFrozen(ctx, "PEASLEE", true); err != nil {
		t.Fatal(err)
	}
	if err := db.SetPassword(ctx, "peaslee", "newhash"); err != nil {
		t.Fatal(err)
	}
	a, err := db.AccountByName(ctx, "Peaslee")
	if err != nil || !a.Frozen || a.PasswordHash != "newhash" {
		t.Fatalf("account %+v, %v; want frozen with the new hash", a, err)
	}
	if err := db.SetFrozen(ctx, "peaslee", false); err != nil {
		t.Fatal(err)
	}
	if a, _ := db.AccountByName(ctx, "Peaslee"); a.Frozen {
		t.Error("still frozen after a thaw")
	}
	for _, err := range []error{db.SetFrozen(ctx, "nobody", true), db.SetPassword(ctx, "nobody", "h")} {
		if !errors.Is(err, ErrNotFound) {
			t.Errorf("on a missing account: %v, want ErrNotFound", err)
		}
	}
}

// TestMigration0010KeepsAdmins opens a database of schema 0009 holding an
// admin and a player: after the upgrade the admin holds the admin role and
// the player none.
func TestMigration0010KeepsAdmins(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mythos.db")
	cfg := testConfig()
	cfg.migrations = embeddedUpTo(t, 9)
	old, err := open(path, testLogger(t), cfg)
	if err != nil {
		t.Fatal(err)
	}
	execWrite(t, old, `INSERT INTO accounts (id, name, name_key, password_hash, is_admin) VALUES
		(1, 'Armitage', 'armitage', 'h1', 1), (2, 'Wilbur', 'wilbur', 'h2', 0)`)
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}
	db := openAt(t, path)
	for _, tt := range []struct {
		name  string
		admin bool
	}{{"Armitage", true}, {"Wilbur", false}} {
		a, err := db.AccountByName(ctxT(t), tt.name)
		if err != nil || a.Admin != tt.admin || a.Builder || a.Frozen {
			t.Errorf("%s after upgrade: %+v, %v; want admin %v", tt.name, a, err, tt.admin)
		}
	}
}
