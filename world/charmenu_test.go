package world

import (
	"context"
	"strings"
	"testing"
	"time"

	"mythosd/store"
)

// addChar gives the account that name opens another character, as
// characters new or the menu's new would.
func (tw *testWorld) addChar(t testing.TB, account, name string) store.Character {
	t.Helper()
	acc, err := tw.db.AccountByName(context.Background(), account)
	if err != nil {
		t.Fatal(err)
	}
	ch, err := tw.db.AddCharacter(context.Background(), acc.ID, name, "ward", 100, tw.cfg.MaxChars, tw.clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	return ch
}

// menuWorld has the account Alice with the characters Alice and Bertha,
// nobody playing, and returns a player at the menu.
func menuWorld(t testing.TB, adjust func(*Config)) (*testWorld, *player, string) {
	t.Helper()
	tw := newTestWorldWith(t, "", adjust)
	alice := tw.create(t, "Alice")
	alice.do("north")
	alice.do("quit")
	tw.tick()
	tw.addChar(t, "Alice", "Bertha")
	p, got := tw.login(t, "alice", "secret1")
	return tw, p, got
}

// TestCharacterMenuLists: the account's name with several characters shows
// them numbered, with level and room, and what may be typed.
func TestCharacterMenuLists(t *testing.T) {
	_, _, got := menuWorld(t, nil)
	wantContains(t, got, "Your characters:", "1. Alice", "level 1, Hall", "2. Bertha", "level 1, Ward",
		"new <name> for another character (2 of 5)", "delete <name>", "quit", "Your choice: ")
}

// TestCharacterMenuPicks: by number, by name in any case; each goes in.
func TestCharacterMenuPicks(t *testing.T) {
	tests := []struct{ answer, want string }{
		{"2", "Welcome to Arkham, Bertha"},
		{"bertha", "Welcome to Arkham, Bertha"},
		{" 1 ", "Welcome to Arkham, Alice"},
		{"ALICE", "Welcome to Arkham, Alice"},
	}
	for _, tt := range tests {
		t.Run(tt.answer, func(t *testing.T) {
			_, p, _ := menuWorld(t, nil)
			wantContains(t, p.do(tt.answer), tt.want)
			if !p.conn.loggedIn {
				t.Error("not logged in after the pick")
			}
		})
	}
}

// TestCharacterNameGoesStraightIn: a character's name and its account's
// password enter it with no menu; a wrong password is refused as ever.
func TestCharacterNameGoesStraightIn(t *testing.T) {
	tw, p, _ := menuWorld(t, nil)
	p.do("quit")
	wantContains(t, tw.loginAgain(t, "BERTHA", "secret1"), "Welcome to Arkham, Bertha")
	q := tw.connect(t)
	q.do("Bertha")
	wantContains(t, q.do("secret9"), "Wrong password")
}

// loginAgain logs name in on a new connection and returns what came back.
func (tw *testWorld) loginAgain(t testing.TB, name, password string) string {
	t.Helper()
	_, got := tw.login(t, name, password)
	return got
}

// TestCharacterMenuRefusals: answers that will not do are explained and
// counted like the login's; the fifth ends the connection.
func TestCharacterMenuRefusals(t *testing.T) {
	tests := []struct{ answer, want string }{
		{"3", "no such character"},
		{"0", "no such character"},
		{"-1", "no such character"},
		{"99999999999999999999999", "no such character"},
		{"Morgan", "no such character"},
		{"", "no such character"},
		{"\xff\xfe", "no such character"},
		{strings.Repeat("x", 5000), "no such character"},
		{"new", "Type new and the name"},
		{"new al", "3 to 20 letters"},
		{"new " + strings.Repeat("a", 300), "3 to 20 letters"},
		{"new Zo\xc3\xab", "letters only"},
		{"new bad\xff", "letters only"},
		{"new look", "command word"},
		{"new bertha", "That name is taken"},
		{"delete", "Type delete and the name"},
		{"delete 2", "Type delete and the name"},
		{"delete Morgan", "Type delete and the name"},
	}
	for _, tt := range tests {
		t.Run(tt.answer[:min(len(tt.answer), 20)], func(t *testing.T) {
			_, p, _ := menuWorld(t, nil)
			wantContains(t, p.do(tt.answer), tt.want, "Your choice: ")
		})
	}
	_, p, _ := menuWorld(t, nil)
	for range maxWrongAnswers - 1 {
		p.do("Morgan")
	}
	wantContains(t, p.do("Morgan"), "Too many answers")
	if !p.conn.isClosed() {
		t.Fatal("connection open after too many wrong answers at the menu")
	}
}

// TestCharacterMenuNew: new <name> rolls attributes as for a new player
// and enters; the name is the account's from then on; the limit holds.
func TestCharacterMenuNew(t *testing.T) {
	tw, p, _ := menuWorld(t, func(c *Config) { c.MaxChars = 3 })
	wantContains(t, p.do("new carla"), "Your attributes: STR ", "Keep them")
	wantContains(t, p.do("k"), "Welcome to Arkham, Carla")
	p.do("quit")
	tw.tick()
	acc, err := tw.db.AccountByName(context.Background(), "Carla")
	if err != nil || acc.Name != "Alice" {
		t.Fatalf("Carla opens %+v, %v; want Alice's account", acc, err)
	}
	c, err := tw.db.CharacterByName(context.Background(), "Carla")
	if err != nil || c.Attributes == (store.Attributes{}) {
		t.Errorf("Carla's attributes not recorded: %+v, %v", c, err)
	}
	_, got := tw.login(t, "Alice", "secret1")
	wantContains(t, got, "3. Carla", "(3 of 3)")
	q, _ := tw.login(t, "Alice", "secret1")
	wantContains(t, q.do("new Dora"), "at most 3 characters")
}

// TestCharacterMenuDelete: the name again and the password delete the
// character; its name is free again and the menu shows what is left.
func TestCharacterMenuDelete(t *testing.T) {
	tw, p, _ := menuWorld(t, nil)
	wantContains(t, p.do("delete bertha"), "ends it for ever", "Type its name again")
	wantContains(t, p.do("Bertha"), "Your password, to delete Bertha")
	if !p.conn.echoOff() {
		t.Error("echo on while asking the password")
	}
	got := p.do("secret1")
	wantContains(t, got, "Bertha is gone", "1. Alice", "(1 of 5)")
	if strings.Contains(got, "Bertha ") && strings.Contains(got, "2. ") {
		t.Errorf("Bertha still listed: %q", got)
	}
	if p.conn.echoOff() {
		t.Error("echo still off after the password")
	}
	if _, err := tw.db.CharacterByName(context.Background(), "Bertha"); err == nil {
		t.Error("Bertha still in the store")
	}
	wantContains(t, p.do("new Bertha"), "Your attributes") // the name is free again
}

// TestCharacterMenuDeleteRefusals: a different name keeps the character;
// a wrong password keeps it and counts like the login's (the third ends
// the connection); a character someone plays is not deleted.
func TestCharacterMenuDeleteRefusals(t *testing.T) {
	t.Run("other name", func(t *testing.T) {
		_, p, _ := menuWorld(t, nil)
		p.do("delete Bertha")
		wantContains(t, p.do("Alice"), "Bertha is kept", "Your choice: ")
		wantContains(t, p.do("2"), "Welcome to Arkham, Bertha")
	})
	t.Run("wrong password", func(t *testing.T) {
		tw, p, _ := menuWorld(t, nil)
		for i := range 3 {
			tw.clock.advance(time.Minute) // past the back-off
			p.do("delete Bertha")
			p.do("Bertha")
			got := p.do("wrong" + strings.Repeat("x", i+1))
			if i < 2 {
				wantContains(t, got, "Wrong password; Bertha is kept.")
				continue
			}
			wantContains(t, got, "Too many tries")
		}
		if !p.conn.isClosed() {
			t.Fatal("connection open after three wrong passwords at the menu")
		}
		if _, err := tw.db.CharacterByName(context.Background(), "Bertha"); err != nil {
			t.Errorf("Bertha gone after wrong passwords: %v", err)
		}
	})
	t.Run("played", func(t *testing.T) {
		tw, p, _ := menuWorld(t, nil)
		tw.clock.advance(time.Minute)
		other := tw.connect(t)
		other.do("Bertha")
		wantContains(t, other.do("secret1"), "Welcome to Arkham, Bertha")
		p.do("delete Bertha")
		p.do("Bertha")
		wantContains(t, p.do("secret1"), "Bertha is in the world just now")
		wantContains(t, other.do("look"), "Ward")
	})
}

// TestCharacterMenuQuit: quit at the menu ends the connection politely.
func TestCharacterMenuQuit(t *testing.T) {
	_, p, _ := menuWorld(t, nil)
	wantContains(t, p.do("quit"), "Arkham will wait")
	if !p.conn.isClosed() {
		t.Fatal("connection open after quit at the menu")
	}
}

// TestAccountWithoutCharactersShowsMenu: an account whose characters are
// all deleted still logs in, to the menu, where new makes one.
func TestAccountWithoutCharactersShowsMenu(t *testing.T) {
	tw := newTestWorld(t, "")
	tw.create(t, "Alice").do("quit")
	tw.tick()
	ch, err := tw.db.CharacterByName(context.Background(), "Alice")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tw.db.DeleteCharacter(context.Background(), ch.ID); err != nil {
		t.Fatal(err)
	}
	p, got := tw.login(t, "Alice", "secret1")
	wantContains(t, got, "holds no characters yet", "(0 of 5)")
	p.do("new Alice")
	wantContains(t, p.do("k"), "Welcome to Arkham, Alice")
}

// TestDeleteRightAfterQuitUnmakesItems: a character that quit a moment ago
// (still in memory, its state not yet handed to the store) is deleted with
// everything it carried, worn and inside what it carried; nothing in the
// store points at it afterwards, and every other item stays.
func TestDeleteRightAfterQuitUnmakesItems(t *testing.T) {
	tw := newTestWorld(t, "")
	tw.create(t, "Alice").do("quit")
	tw.tick()
	tw.addChar(t, "Alice", "Bertha")
	b, _ := tw.login(t, "Bertha", "secret1")
	for _, line := range []string{"north", "east", "get all", "wear coat", "open satchel", "put letter in satchel", "quit"} {
		b.do(line)
	}
	census := tw.itemCensus(t)
	held := map[int64]bool{}
	tw.onLoop(func() { collectHeld(tw.chars["bertha"], held) })
	if len(held) < 3 {
		t.Fatalf("Bertha holds %d items; the test needs some carried, worn and inside", len(held))
	}
	p, _ := tw.login(t, "Alice", "secret1")
	p.do("delete Bertha")
	p.do("Bertha")
	wantContains(t, p.do("secret1"), "Bertha is gone")
	tw.tick()
	tw.flush(t)
	all := checkStoreItems(t, tw.db, len(census)-len(held)+storedElsewhere(t, tw, census))
	for id := range held {
		if _, ok := all[id]; ok {
			t.Errorf("item %d of Bertha's is still in the store: %+v", id, all[id])
		}
	}
	for id := range census {
		if _, ok := all[id]; !ok && !held[id] {
			t.Errorf("item %d, not Bertha's, is gone", id)
		}
	}
}

// storedElsewhere counts the stored items that were not in memory (rooms
// never loaded).
func storedElsewhere(t testing.TB, tw *testWorld, census map[int64]store.ItemState) int {
	t.Helper()
	all, err := tw.db.AllItems(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for id := range all {
		if _, ok := census[id]; !ok {
			n++
		}
	}
	return n
}

// collectHeld adds the ids of everything c carries and wears, and what is
// inside, to ids. Loop only.
func collectHeld(c *Character, ids map[int64]bool) {
	var walk func([]*Item)
	walk = func(list []*Item) {
		for _, it := range list {
			ids[it.ID] = true
			walk(it.contents)
		}
	}
	walk(c.inv)
	for _, x := range c.worn {
		if x != nil {
			walk([]*Item{x})
		}
	}
}

// FuzzCharacterMenu types arbitrary lines at the character menu: never a
// panic; the session is at the menu still, in a dialogue the menu started,
// in the world, or closed after the answer (quit, too many wrong ones).
func FuzzCharacterMenu(f *testing.F) {
	for _, s := range []string{"1", "2", "0", "-1", "99999999999999999999", "bertha", "new", "new x", "new Zo\xc3\xab",
		"delete", "delete alice", "delete 1", "quit", "\xff\xfe", "", "   ", "new " + strings.Repeat("a", 300), "NEW Carla"} {
		f.Add(s)
	}
	tw, first, _ := menuWorld(f, nil)
	first.do("quit")
	f.Fuzz(func(t *testing.T, line string) {
		p, got := tw.login(t, "Alice", "secret1")
		if !strings.Contains(got, "Your choice: ") {
			t.Fatalf("no menu: %q", got)
		}
		got = p.do(line)
		switch {
		case p.conn.isClosed(), p.conn.loggedIn:
		case strings.HasSuffix(got, "Your choice: "), strings.HasSuffix(got, "(anything else keeps it): "),
			strings.Contains(got, "Keep them"), strings.HasSuffix(got, "left)? "):
		default:
			t.Fatalf("after %q, no prompt of the menu: %q", line, got)
		}
		p.sess.Hangup()
		tw.tick()
	})
}
