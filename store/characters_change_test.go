package store

import (
	"errors"
	"fmt"
	"slices"
	"testing"
)

// characterNames returns the names of cs in order.
func characterNames(cs []Character) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Name
	}
	return out
}

// mustAdd adds a character named name to account a, with a limit of 5.
func mustAdd(t testing.TB, db *DB, a Account, name string) Character {
	t.Helper()
	c, err := db.AddCharacter(ctxT(t), a.ID, name, "start", 100, 5, t0())
	if err != nil {
		t.Fatalf("add %s to %s: %v", name, a.Name, err)
	}
	return c
}

// TestAddCharacterAndLookups: an account holds several characters, listed
// oldest first; a character's name opens its account; the first character
// is the one CharacterByAccount returns.
func TestAddCharacterAndLookups(t *testing.T) {
	db := newDB(t)
	ctx := ctxT(t)
	a, first := mustCreate(t, db, "Armitage")
	second := mustAdd(t, db, a, "Rice")
	if second.AccountID != a.ID || second.ID == first.ID || !second.CreatedAt.Equal(t0()) {
		t.Fatalf("added character = %+v", second)
	}
	cs, err := db.CharactersOf(ctx, a.ID)
	if err != nil || !slices.Equal(characterNames(cs), []string{"Armitage", "Rice"}) {
		t.Fatalf("CharactersOf = %v, %v", characterNames(cs), err)
	}
	for _, name := range []string{"rice", "RICE", "Armitage"} {
		got, err := db.AccountByName(ctx, name)
		if err != nil || got.ID != a.ID || got.Name != "Armitage" {
			t.Errorf("AccountByName(%q) = %+v, %v; want Armitage's account", name, got, err)
		}
	}
	if got, err := db.CharacterByName(ctx, "rICE"); err != nil || got != second {
		t.Errorf("CharacterByName = %+v, %v; want %+v", got, err, second)
	}
	if got, err := db.CharacterByAccount(ctx, a.ID); err != nil || got.ID != first.ID {
		t.Errorf("CharacterByAccount = %+v, %v; want the first", got, err)
	}
	if _, err := db.CharacterByName(ctx, "Morgan"); !errors.Is(err, ErrNotFound) {
		t.Errorf("CharacterByName(unknown) = %v, want ErrNotFound", err)
	}
	db.Submit(Batch{Characters: map[int64]CharacterState{second.ID: {ID: second.ID, RoomID: "attic", Lucidity: 50}}})
	flush(t, db)
	if got, err := db.CharactersOf(ctx, a.ID); err != nil || got[1].RoomID != "attic" || got[1].Lucidity != 50 {
		t.Errorf("CharactersOf after a batch = %+v, %v", got, err)
	}
}

// TestAddCharacterRefusals: names are one namespace without regard to
// case (characters of any account, and other accounts' names), and an
// account holds at most its limit.
func TestAddCharacterRefusals(t *testing.T) {
	db := newDB(t)
	a, _ := mustCreate(t, db, "Armitage")
	b, _ := mustCreate(t, db, "Wilmarth")
	mustAdd(t, db, b, "Akeley")
	if _, err := db.RenameCharacter(ctxT(t), mustAdd(t, db, b, "Noyes").ID, "Danforth"); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		account int64
		limit   int
		want    error
	}{
		{"akeley", a.ID, 5, ErrExists},   // another account's character
		{"WILMARTH", a.ID, 5, ErrExists}, // another account's name (and character)
		{"danforth", a.ID, 5, ErrExists}, // another account's renamed character
		{"Armitage", a.ID, 5, ErrExists}, // its own character
		{"Rice", a.ID, 1, ErrLimit},
		{"Rice", 999, 5, ErrNotFound},
		{" ", a.ID, 5, ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s-%d", tt.name, tt.limit), func(t *testing.T) {
			_, err := db.AddCharacter(ctxT(t), tt.account, tt.name, "start", 100, tt.limit, t0())
			if !errors.Is(err, tt.want) {
				t.Fatalf("AddCharacter(%q) = %v, want %v", tt.name, err, tt.want)
			}
		})
	}
	if _, _, err := db.CreateCharacter(ctxT(t), "Akeley", "h", "start", 100, t0()); !errors.Is(err, ErrExists) {
		t.Errorf("a new account named after another's character: %v, want ErrExists", err)
	}
	// The name of an account whose own character was renamed stays its own.
	if _, err := db.RenameCharacter(ctxT(t), mustCharacter(t, db, "Wilmarth").ID, "Albert"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.AddCharacter(ctxT(t), a.ID, "Wilmarth", "start", 100, 5, t0()); !errors.Is(err, ErrExists) {
		t.Errorf("another account's name, its character renamed: %v, want ErrExists", err)
	}
	mustAdd(t, db, b, "Wilmarth") // but its own account may use it again
}

// mustCharacter reads the character named name.
func mustCharacter(t testing.TB, db *DB, name string) Character {
	t.Helper()
	c, err := db.CharacterByName(ctxT(t), name)
	if err != nil {
		t.Fatalf("character %s: %v", name, err)
	}
	return c
}

// TestRenameCharacter: the new name is the character's, the old one is free
// and opens nothing, and mutes of the old name follow the character.
func TestRenameCharacter(t *testing.T) {
	db := newDB(t)
	ctx := ctxT(t)
	a, c := mustCreate(t, db, "Armitage")
	_, o := mustCreate(t, db, "Morgan")
	mustCreate(t, db, "Rice")
	if err := db.SetMute(ctx, Mute{Owner: o.ID, Name: "Armitage", CreatedAt: t0()}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		want error
	}{{"morgan", ErrExists}, {"RICE", ErrExists}, {"", ErrInvalid}}
	for _, tt := range tests {
		if _, err := db.RenameCharacter(ctx, c.ID, tt.name); !errors.Is(err, tt.want) {
			t.Errorf("rename to %q: %v, want %v", tt.name, err, tt.want)
		}
	}
	if _, err := db.RenameCharacter(ctx, 999, "Henry"); !errors.Is(err, ErrNotFound) {
		t.Errorf("rename of no one: %v, want ErrNotFound", err)
	}
	old, err := db.RenameCharacter(ctx, c.ID, "Henry")
	if err != nil || old != "Armitage" {
		t.Fatalf("rename = %q, %v", old, err)
	}
	if got := mustCharacter(t, db, "henry"); got.ID != c.ID || got.Name != "Henry" {
		t.Errorf("renamed character = %+v", got)
	}
	if _, err := db.CharacterByName(ctx, "Armitage"); !errors.Is(err, ErrNotFound) {
		t.Errorf("old name still a character: %v", err)
	}
	if got, err := db.AccountByName(ctx, "henry"); err != nil || got.ID != a.ID {
		t.Errorf("new name opens %+v, %v; want the account", got, err)
	}
	mutes, err := db.Mutes(ctx, []int64{o.ID}, t0())
	if err != nil || len(mutes[o.ID]) != 1 || mutes[o.ID][0].Name != "Henry" {
		t.Errorf("Morgan's mutes after the rename = %+v, %v; want Henry", mutes, err)
	}
	if _, err := db.RenameCharacter(ctx, c.ID, "HENRY"); err != nil || mustCharacter(t, db, "henry").Name != "HENRY" {
		t.Errorf("a rename of case only: %v", err)
	}
}

// TestDeleteCharacterUnmakesItsItems: a deleted character's items, worn,
// carried and inside those, go in the same transaction (even those still
// in the writer's queue); items elsewhere stay; its name is free again.
func TestDeleteCharacterUnmakesItsItems(t *testing.T) {
	db := newDB(t)
	ctx := ctxT(t)
	a, c := mustCreate(t, db, "Armitage")
	keep := mustAdd(t, db, a, "Rice")
	_, o := mustCreate(t, db, "Morgan")
	if err := db.SetMute(ctx, Mute{Owner: o.ID, Name: "Armitage", CreatedAt: t0()}); err != nil {
		t.Fatal(err)
	}
	if err := db.SetMute(ctx, Mute{Owner: c.ID, Name: "Morgan", CreatedAt: t0()}); err != nil {
		t.Fatal(err)
	}
	id, kid := fmt.Sprint(c.ID), fmt.Sprint(keep.ID)
	db.Submit(Batch{Items: map[int64]ItemState{
		1: {Proto: "satchel", Place: PlaceInv, Holder: id},
		2: {Proto: "tonic", Place: PlaceIn, Holder: "1"},
		3: {Proto: "coat", Place: PlaceWorn, Holder: id, Slot: "body"},
		4: {Proto: "lamp", Place: PlaceInv, Holder: kid},
		5: {Proto: "lamp", Place: PlaceRoom, Holder: "hall"},
	}, Visits: []Visit{{CharacterID: c.ID, RoomID: "hall", At: t0()}}})
	resume := db.Pause()
	db.Submit(Batch{Items: map[int64]ItemState{6: {Proto: "lamp", Place: PlaceInv, Holder: id}}})
	resume()
	n, err := db.DeleteCharacter(ctx, c.ID)
	if err != nil || n != 4 {
		t.Fatalf("DeleteCharacter = %d, %v; want 4 items unmade", n, err)
	}
	all, err := db.AllItems(ctx)
	if err != nil || len(all) != 2 || all[4].Holder != kid || all[5].Holder != "hall" {
		t.Fatalf("items after delete = %+v, %v", all, err)
	}
	if _, err := db.CharacterByName(ctx, "Armitage"); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleted character still there: %v", err)
	}
	if n := storedVisits(t, db, c.ID); n != 0 {
		t.Errorf("%d visits left", n)
	}
	mutes, err := db.Mutes(ctx, []int64{o.ID, c.ID}, t0())
	if err != nil || len(mutes) != 0 {
		t.Errorf("mutes left = %+v, %v", mutes, err)
	}
	if _, err := db.DeleteCharacter(ctx, c.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("second delete: %v, want ErrNotFound", err)
	}
	// The name is free: its account (still Armitage's) may make it again.
	mustAdd(t, db, a, "Armitage")
	if cs, err := db.CharactersOf(ctx, a.ID); err != nil || len(cs) != 2 {
		t.Errorf("characters after delete and add = %v, %v", characterNames(cs), err)
	}
}

// TestKeysAndRolesByCharacterName: keys, roles, freeze and password are
// the account's, reached by any of its characters' names.
func TestKeysAndRolesByCharacterName(t *testing.T) {
	db := newDB(t)
	ctx := ctxT(t)
	a, _ := mustCreate(t, db, "Armitage")
	mustAdd(t, db, a, "Rice")
	if _, err := db.AddKey(ctx, "rice", PlayerKey{Fingerprint: "SHA256:x", PublicKey: "ssh-ed25519 AAAA", AddedAt: t0()}); err != nil {
		t.Fatal(err)
	}
	if keys, err := db.Keys(ctx, "Armitage"); err != nil || len(keys) != 1 {
		t.Errorf("keys of the account = %v, %v", keys, err)
	}
	if got, err := db.AccountByKeyFingerprint(ctx, "SHA256:x"); err != nil || got.ID != a.ID {
		t.Errorf("key opens %+v, %v", got, err)
	}
	steps := []func() error{
		func() error { return db.SetRole(ctx, "Rice", RoleBuilder, true) },
		func() error { return db.SetFrozen(ctx, "rice", true) },
		func() error { return db.SetPassword(ctx, "RICE", "hash2") },
		func() error { return db.RemoveKey(ctx, "Rice", "SHA256:x") },
	}
	for i, step := range steps {
		if err := step(); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
	}
	got, err := db.AccountByName(ctx, "Armitage")
	if err != nil || !got.Builder || !got.Frozen || got.PasswordHash != "hash2" {
		t.Errorf("account after changes by a character's name = %+v, %v", got, err)
	}
}

// TestDeleteKeepsAccountMutes: a mute that holds the deleted character's
// account stays, marked Gone (its name is free, its account still muted),
// and unmute by the old name lifts it.
func TestDeleteKeepsAccountMutes(t *testing.T) {
	db := newDB(t)
	ctx := ctxT(t)
	a, c := mustCreate(t, db, "Armitage")
	_, o := mustCreate(t, db, "Morgan")
	if err := db.SetMute(ctx, Mute{Owner: o.ID, Name: "Armitage", Account: a.ID, CreatedAt: t0()}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.DeleteCharacter(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	mutes, err := db.Mutes(ctx, []int64{o.ID}, t0())
	if err != nil || len(mutes[o.ID]) != 1 || !mutes[o.ID][0].Gone || mutes[o.ID][0].Account != a.ID {
		t.Fatalf("mutes after delete = %+v, %v; want Armitage's, gone, of account %d", mutes, err, a.ID)
	}
	mustAdd(t, db, a, "Armitage") // the name is free again
	if err := db.Unmute(ctx, o.ID, "armitage"); err != nil {
		t.Fatalf("unmute the gone mute: %v", err)
	}
	if mutes, _ := db.Mutes(ctx, []int64{o.ID}, t0()); len(mutes) != 0 {
		t.Errorf("mutes after unmute = %+v", mutes)
	}
}
