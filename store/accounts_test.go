package store

import (
	"errors"
	"testing"
	"time"
)

func TestCreateCharacterAndLookups(t *testing.T) {
	db := newDB(t)
	ctx := ctxT(t)
	a, c, err := db.CreateCharacter(ctx, "Armitage", "argon2id$hash", "earth_arkham_city_sanitarium_room_foyer_001", 100, t0())
	if err != nil {
		t.Fatalf("create: %v", err)
	}
	want := t0().UTC()
	if a.ID == 0 || a.Name != "Armitage" || a.PasswordHash != "argon2id$hash" || a.Admin || !a.CreatedAt.Equal(want) {
		t.Fatalf("account = %+v", a)
	}
	if c.ID == 0 || c.AccountID != a.ID || c.Name != "Armitage" || c.Lucidity != 100 || c.LastActive != want {
		t.Fatalf("character = %+v", c)
	}
	for _, name := range []string{"Armitage", "armitage", "ARMITAGE", "aRmItAgE"} {
		t.Run(name, func(t *testing.T) {
			got, err := db.AccountByName(ctx, name)
			if err != nil {
				t.Fatalf("AccountByName(%q): %v", name, err)
			}
			if got != a {
				t.Fatalf("AccountByName(%q) = %+v, want %+v", name, got, a)
			}
		})
	}
	got, err := db.CharacterByAccount(ctx, a.ID)
	if err != nil || got != c {
		t.Fatalf("CharacterByAccount = %+v, %v; want %+v", got, err, c)
	}
	if got.CreatedAt.Location() != time.UTC || got.CreatedAt.Nanosecond() != 123456789 {
		t.Fatalf("created_at %v did not round-trip as UTC with nanoseconds", got.CreatedAt)
	}
}

func TestCreateCharacterRefusals(t *testing.T) {
	db := newDB(t)
	mustCreate(t, db, "Armitage")
	tests := []struct {
		name string
		want error
	}{
		{"Armitage", ErrExists},
		{"armitage", ErrExists},
		{"ARMITAGE", ErrExists},
		{"", ErrInvalid},
		{"   ", ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := db.CreateCharacter(ctxT(t), tt.name, "h", "start", 100, t0())
			if !errors.Is(err, tt.want) {
				t.Fatalf("CreateCharacter(%q) = %v, want %v", tt.name, err, tt.want)
			}
		})
	}
	var accounts, characters int
	db.read.QueryRow(`SELECT count(*) FROM accounts`).Scan(&accounts)
	db.read.QueryRow(`SELECT count(*) FROM characters`).Scan(&characters)
	if accounts != 1 || characters != 1 {
		t.Fatalf("after refusals: %d accounts, %d characters; want 1 and 1", accounts, characters)
	}
}

func TestNotFound(t *testing.T) {
	db := newDB(t)
	ctx := ctxT(t)
	tests := []struct {
		name string
		call func() error
	}{
		{"account", func() error { _, err := db.AccountByName(ctx, "Nyarlathotep"); return err }},
		{"character", func() error { _, err := db.CharacterByAccount(ctx, 42); return err }},
		{"set admin", func() error { return db.SetAdmin(ctx, "Nyarlathotep", true) }},
		{"room", func() error { _, err := db.Room(ctx, "earth_nowhere"); return err }},
		{"zone", func() error { _, err := db.Zone(ctx, "earth_nowhere"); return err }},
		{"meta", func() error { _, err := db.MetaGet(ctx, "nothing"); return err }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.call(); !errors.Is(err, ErrNotFound) {
				t.Fatalf("got %v, want ErrNotFound", err)
			}
		})
	}
}

func TestSetAdmin(t *testing.T) {
	db := newDB(t)
	ctx := ctxT(t)
	mustCreate(t, db, "Peaslee")
	tests := []struct {
		name  string
		admin bool
	}{
		{"peaslee", true},
		{"PEASLEE", true},
		{"Peaslee", false},
	}
	for _, tt := range tests {
		if err := db.SetAdmin(ctx, tt.name, tt.admin); err != nil {
			t.Fatalf("SetAdmin(%q, %v): %v", tt.name, tt.admin, err)
		}
		a, err := db.AccountByName(ctx, "Peaslee")
		if err != nil || a.Admin != tt.admin {
			t.Fatalf("after SetAdmin(%q, %v): admin %v, %v", tt.name, tt.admin, a.Admin, err)
		}
	}
}

func TestMeta(t *testing.T) {
	db := newDB(t)
	ctx := ctxT(t)
	steps := []struct{ key, value string }{
		{"world_clock", "0"},
		{"world_clock", "86400"},
		{"motd", "The stars are right."},
		{"empty", ""},
	}
	for _, s := range steps {
		if err := db.MetaSet(ctx, s.key, s.value); err != nil {
			t.Fatalf("MetaSet(%q): %v", s.key, err)
		}
		if got, err := db.MetaGet(ctx, s.key); err != nil || got != s.value {
			t.Fatalf("MetaGet(%q) = %q, %v; want %q", s.key, got, err, s.value)
		}
	}
}
