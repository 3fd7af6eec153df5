package world

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"mythosd/data"
	"mythosd/store"
)

// atticID is the id "dig east The Attic" gives a room dug from the ward.
const atticID = "earth_arkham_sanitarium_room_the_attic_001"

// buildWorld is a test world with a builder, Bea, and a player, Wilbur,
// both in the ward.
func buildWorld(t *testing.T) (tw *testWorld, bea, wilbur *player) {
	t.Helper()
	tw = newTestWorld(t, "")
	return tw, tw.withRole(t, "Bea", store.RoleBuilder), tw.withRole(t, "Wilbur", store.RolePlayer)
}

// liveRoom returns the stored part of room id as the loop holds it.
func (tw *testWorld) liveRoom(t testing.TB, id string) (store.Room, bool) {
	t.Helper()
	var r store.Room
	ok := false
	tw.onLoop(func() {
		if lr, found := tw.rooms.peek(id); found {
			r, ok = copyStoredRoom(lr.Room), true
		}
	})
	return r, ok
}

// storedRoom returns room id as the store has it once every batch is
// committed.
func (tw *testWorld) storedRoom(t testing.TB, id string) (store.Room, error) {
	t.Helper()
	tw.tick()
	tw.flush(t)
	return tw.db.Room(context.Background(), id)
}

// TestPlayersCannotBuild: the building commands are unknown to a player.
func TestPlayersCannotBuild(t *testing.T) {
	_, _, wilbur := buildWorld(t)
	for _, line := range []string{"dig east The Attic", "redit", "redit name Mine", "goto hall", "undo", "rdelete cellar"} {
		if got := wilbur.do(line); !strings.Contains(got, "grope for the meaning") {
			t.Errorf("%s by a player: %q", line, got)
		}
	}
	if got := wilbur.do("help"); strings.Contains(got, "redit") || strings.Contains(got, "dig") || strings.Contains(got, "undo") {
		t.Errorf("a player's help lists building commands:\n%s", got)
	}
	for _, topic := range []string{"dig", "redit", "goto", "undo"} {
		wantContains(t, wilbur.do("help "+topic), "There is no help on")
	}
}

// TestDigMakesARoomBothWays: dig makes a room in the builder's sub-zone
// with the naming rule's id, the exit there and back; it plays at once,
// and the store has it after the hand-off.
func TestDigMakesARoomBothWays(t *testing.T) {
	tw, bea, wilbur := buildWorld(t)
	wantContains(t, bea.do("dig east The Attic"), "You dig east: The Attic ("+atticID+")")
	wantContains(t, wilbur.do("look"), "Exits: north, east, down")
	wantContains(t, wilbur.do("east"), "The Attic", newRoomDescription, "Exits: west")
	wantContains(t, wilbur.do("west"), "Ward")
	wantContains(t, bea.do("dig east Attic"), "An exit already leads east")
	wantContains(t, bea.do("dig south The Attic"), "earth_arkham_sanitarium_room_the_attic_002")

	attic, err := tw.storedRoom(t, atticID)
	if err != nil || attic.Name != "The Attic" || attic.SubZone != "sanitarium" || attic.SourceFile != "earth/arkham/sanitarium/room_the_attic_001.json" {
		t.Fatalf("stored attic = %+v, %v", attic, err)
	}
	if e, ok := attic.Exit("west"); !ok || e.Target != "ward" {
		t.Errorf("the attic's way back = %+v, %v", e, ok)
	}
	ward, _ := tw.db.Room(context.Background(), "ward")
	if e, ok := ward.Exit("east"); !ok || e.Target != atticID {
		t.Errorf("the ward's way east = %+v, %v", e, ok)
	}
}

// TestDigToLinksRooms: dig <dir> to <id> links two existing rooms both
// ways, and refuses rooms that do not exist or whose way back is taken.
func TestDigToLinksRooms(t *testing.T) {
	tw, bea, _ := buildWorld(t)
	wantContains(t, bea.do("dig east to cellar"), "You link east to Cellar, and back.")
	cellar, _ := tw.liveRoom(t, "cellar")
	if e, ok := cellar.Exit("west"); !ok || e.Target != "ward" || len(cellar.Exits) != 3 {
		t.Errorf("the cellar's way back: %+v", cellar.Exits)
	}
	wantContains(t, bea.do("dig west to hall"), "Hall already has an exit east")
	wantContains(t, bea.do("dig south to nowhere_at_all"), "No room has the id nowhere_at_all.")
	wantContains(t, bea.do("dig south to garden"), "Garden already has an exit north")
	wantContains(t, bea.do("dig south to ward"), "Dig links two rooms")
	wantContains(t, bea.do("undo"), "Undone: dig east to Cellar")
	if cellar, _ := tw.liveRoom(t, "cellar"); len(cellar.Exits) != 2 {
		t.Errorf("undo left the cellar's way back: %+v", cellar.Exits)
	}
	ward, _ := tw.liveRoom(t, "ward")
	if _, ok := ward.Exit("east"); ok {
		t.Errorf("undo left the ward's way east: %+v", ward.Exits)
	}
}

// TestBuildRefusals: bad directions, names, environments, flags, keys and
// ids each get a clear answer and change nothing.
func TestBuildRefusals(t *testing.T) {
	tw, bea, _ := buildWorld(t)
	before, _ := tw.liveRoom(t, "ward")
	for _, tt := range []struct{ line, want string }{
		{"dig", "Usage: dig"},
		{"dig east", "Usage: dig"},
		{"dig sideways The Attic", "Usage: dig"},
		{"dig north The Attic", "An exit already leads north from here"},
		{"dig east " + strings.Repeat("x", maxRoomName+1), "at most 80 characters"},
		{"dig east Bad \xff\xfe name", "not valid UTF-8"},
		{"dig east Tabbed\tname", "control characters"},
		{"dig east to no_such_room", "No room has the id no_such_room."},
		{"dig east to Foo-Bar", `No room could have the id "Foo-Bar": a room id is lowercase letters, digits and _.`},
		{"redit name", "The name may not be empty."},
		{"redit name " + strings.Repeat("é", maxRoomName+1), "at most 80 characters"},
		{"redit env moonlit", "Environments: indoors, outdoors"},
		{"redit flag glowing", "The room flags are encounter and lucidity_flux."},
		{"redit flag encounter mild", "An encounter is disturbing, horrific or cosmic."},
		{"redit flag lucidity_flux 11", "Lucidity_flux is a number from -10 to 10."},
		{"redit flag lucidity_flux NaN", "from -10 to 10"},
		{"redit flag lucidity_flux 1e400", "from -10 to 10"},
		{"redit unflag encounter", "The room has no encounter."},
		{"redit frob", "Usage: redit"},
		{"redit desc now", "Type redit desc alone"},
		{"redit exit sideways delete", "Usage: redit exit"},
		{"redit exit east delete", "No exit leads east from here."},
		{"redit exit north flag sticky", "Exit flags are one_way, hidden, locked, self_reference."},
		{"redit exit north unflag hidden", "The exit is not hidden."},
		{"redit exit north key no_such_thing", "No key has the key id \"no_such_thing\"."},
		{"redit exit north key lamp", "No key has the key id \"lamp\"."},
		{"redit exit north desc " + strings.Repeat("x", maxExitDesc+1), "at most 240 characters"},
		{"redit exit north Not An Id!", "Usage: redit exit"},
		{"redit exit north no_such_room", "No room has the id no_such_room."},
		{"redit exit north 99999999999999999999999999", "No room has the id"},
	} {
		wantContains(t, bea.do(tt.line), tt.want)
	}
	if after, _ := tw.liveRoom(t, "ward"); !store.SameRoom(before, after) {
		t.Errorf("refused commands changed the ward:\n%+v\n%+v", before, after)
	}
	wantContains(t, bea.do("undo"), "You have changed nothing")
}

// TestReditShowsTheRoom: redit alone shows the id, fields and exits with
// their flags and keys.
func TestReditShowsTheRoom(t *testing.T) {
	_, bea, _ := buildWorld(t)
	bea.do("goto hall")
	wantContains(t, bea.do("redit"), "Room hall (earth/arkham/sanitarium", "Name: Hall",
		"Environment: indoors (own: inherited)", "Exit west      -> ward [locked] key key_west", "Exit south")
}

// TestEditsAndTheirUndo: each kind of change shows at once and reaches
// the store; undo puts the room back as it was, live and stored.
func TestEditsAndTheirUndo(t *testing.T) {
	tw, bea, wilbur := buildWorld(t)
	for _, tt := range []struct {
		line, want string
		check      func(r store.Room) bool
	}{
		{"redit name The Grey Ward", "now called The Grey Ward", func(r store.Room) bool { return r.Name == "The Grey Ward" }},
		{"redit env eldritch", "environment is now eldritch", func(r store.Room) bool { return r.Environment == "eldritch" }},
		{"redit flag encounter horrific", `encounter is now "horrific"`, func(r store.Room) bool { return strings.Contains(r.Attributes, `"encounter":"horrific"`) }},
		{"redit flag lucidity_flux -0.5", "lucidity_flux is now -0.5", func(r store.Room) bool { return strings.Contains(r.Attributes, `"lucidity_flux":-0.5`) }},
		{"redit exit north flag hidden", "Exit north: flag done.", func(r store.Room) bool { e, _ := r.Exit("north"); return e.Has(store.ExitHidden) }},
		{"redit exit north key key_west", "Exit north: key done.", func(r store.Room) bool { e, _ := r.Exit("north"); return e.Key == "key_west" }},
		{"redit exit north desc A long corridor.", "Exit north: desc done.", func(r store.Room) bool { e, _ := r.Exit("north"); return e.Description == "A long corridor." }},
		{"redit exit down delete", "Exit down: delete done.", func(r store.Room) bool { _, ok := r.Exit("down"); return !ok }},
		{"redit exit west garden", "now leads to Garden", func(r store.Room) bool { e, _ := r.Exit("west"); return e.Target == "garden" }},
		{"redit exit north vault", "now leads to Vault", func(r store.Room) bool { e, _ := r.Exit("north"); return e.Target == "vault" }},
	} {
		before, _ := tw.liveRoom(t, "ward")
		wantContains(t, bea.do(tt.line), tt.want)
		live, _ := tw.liveRoom(t, "ward")
		if stored, err := tw.storedRoom(t, "ward"); err != nil || !tt.check(live) || !store.SameRoom(live, stored) {
			t.Errorf("%s: live %+v, stored %+v, %v", tt.line, live, stored, err)
		}
		wantContains(t, bea.do("undo"), "Undone: ")
		after, _ := tw.liveRoom(t, "ward")
		stored, err := tw.storedRoom(t, "ward")
		if !store.SameRoom(before, after) || err != nil || !store.SameRoom(before, stored) {
			t.Errorf("undo of %s: live %+v, stored %+v (%v), want %+v", tt.line, after, stored, err, before)
		}
	}
	bea.do("redit name The Grey Ward")
	wantContains(t, wilbur.do("look"), "The Grey Ward")
	var same bool
	tw.onLoop(func() { r, _ := tw.rooms.peek("ward"); same = tw.places["ward"].room == r })
	if !same {
		t.Error("the place of the ward holds the room as it was before the edit")
	}
}

// TestUndoOfDig: undo takes a dug room back out of the world and the
// store, unless someone stands in it.
func TestUndoOfDig(t *testing.T) {
	tw, bea, wilbur := buildWorld(t)
	bea.do("dig east The Attic")
	wilbur.do("east")
	wantContains(t, bea.do("undo"), "You cannot undo dig east to The Attic: someone is in it.")
	wilbur.do("west")
	wantContains(t, bea.do("undo"), "Undone: dig east to The Attic.")
	if _, ok := tw.liveRoom(t, atticID); ok {
		t.Error("the attic is still in the world")
	}
	if _, err := tw.storedRoom(t, atticID); err == nil {
		t.Error("the attic is still in the store")
	}
	if ward, _ := tw.liveRoom(t, "ward"); len(ward.Exits) != 2 {
		t.Errorf("ward exits after undo: %+v", ward.Exits)
	}
}

// TestUndoRefusedAfterAnotherChange: a builder's undo refuses once another
// has changed the same room, and works again once that change is undone.
func TestUndoRefusedAfterAnotherChange(t *testing.T) {
	tw, bea, _ := buildWorld(t)
	bob := tw.withRole(t, "Bob", store.RoleBuilder)
	bea.do("redit name Bea's Ward")
	bob.do("redit name Bob's Ward")
	wantContains(t, bea.do("undo"), "You cannot undo the name of Ward (Bea's Ward): Bob's Ward has been changed since.")
	wantContains(t, bob.do("undo"), "Undone: the name of Bea's Ward (Bob's Ward).")
	wantContains(t, bea.do("undo"), "Undone: the name of Ward (Bea's Ward).")
	if r, _ := tw.liveRoom(t, "ward"); r.Name != "Ward" {
		t.Errorf("name = %q, want Ward", r.Name)
	}
}

// TestUndoKeepsTwenty: undo takes back at most the last 20 changes.
func TestUndoKeepsTwenty(t *testing.T) {
	tw, bea, _ := buildWorld(t)
	for i := 1; i <= maxUndo+1; i++ {
		bea.do("redit name Ward " + strconv.Itoa(i))
	}
	for i := maxUndo + 1; i > 1; i-- {
		wantContains(t, bea.do("undo"), "Undone: the name of Ward "+strconv.Itoa(i-1))
	}
	wantContains(t, bea.do("undo"), "You have changed nothing")
	if r, _ := tw.liveRoom(t, "ward"); r.Name != "Ward 1" {
		t.Errorf("name = %q, want Ward 1 (the first change is past undo)", r.Name)
	}
}

// TestEditedRoomReadsThroughBeforeCommit: a room edited and handed off,
// then loaded off the loop before the writer commits, is the edited one.
func TestEditedRoomReadsThroughBeforeCommit(t *testing.T) {
	tw, bea, _ := buildWorld(t)
	resume := tw.db.Pause()
	defer resume()
	bea.do("redit name The Grey Ward")
	bea.do("dig east The Attic")
	tw.tick()
	for _, id := range []string{"ward", atticID} {
		r, err := loadRoom(context.Background(), tw.db, id)
		if err != nil || (id == "ward" && r.Name != "The Grey Ward") || r.Env != "indoors" {
			t.Errorf("load %s before the commit: %+v, %v", id, r, err)
		}
	}
}

// TestLoadArrivingAfterAnEditKeepsTheEdit: a load of a room that was in
// flight when a builder's change landed does not bring back the room as
// it was.
func TestLoadArrivingAfterAnEditKeepsTheEdit(t *testing.T) {
	tw := newTestWorld(t, "")
	var got *Room
	tw.onLoop(func() {
		tw.rooms.await("garden", func(r *Room, err error) { got = r })
		built, err := buildRoom(store.Room{ID: "garden", Name: "Built Garden", Description: "New."}, nil)
		if err != nil {
			t.Error(err)
		}
		tw.setRoom("garden", built)
	})
	tw.waitFor(t, func() bool { return got != nil })
	if r, _ := tw.liveRoom(t, "garden"); got.Name != "Built Garden" || r.Name != "Built Garden" {
		t.Errorf("after the load: waiter got %q, cache holds %q", got.Name, r.Name)
	}
}

// FuzzBuildCommands: whatever a builder types after dig or redit gets an
// answer and a prompt, never a panic or a dropped session.
func FuzzBuildCommands(f *testing.F) {
	for _, s := range []string{"redit", "redit name \xff", "redit exit n flag locked", "redit exit n key key_west",
		"redit flag lucidity_flux -1e309", "redit exit up ward", "redit desc", "dig e X", "dig w to hall",
		"dig n to " + strings.Repeat("a", 500), "redit env inherit", "redit unflag encounter", "undo",
		"rdelete here", "rdelete cellar", "rdelete \xff", "rdelete " + strings.Repeat("a", 500)} {
		f.Add(s)
	}
	tw := newTestWorld(f, "")
	p := tw.withRole(f, "Bea", store.RoleBuilder)
	f.Fuzz(func(t *testing.T, line string) {
		word, _ := splitCommand(line)
		if word != "dig" && word != "redit" && word != "undo" && word != "rdelete" {
			return
		}
		p.t = t
		got := p.do(line)
		if strings.HasSuffix(got, editorPrompt) {
			got = p.do(".q")
			tw.sync() // the prompt comes from the loop once the editor is left
			got += p.conn.take()
		}
		if p.conn.isClosed() || !strings.HasSuffix(got, "> ") {
			t.Fatalf("%q: closed %v, answer %q", line, p.conn.isClosed(), got)
		}
	})
}

// TestBuildingHelpIsForStaff: with the shipped help, the building topics
// are listed to a builder and to nobody else.
func TestBuildingHelpIsForStaff(t *testing.T) {
	tw := newTestWorldWith(t, "", func(c *Config) { c.Help = data.Help() })
	bea, wilbur := tw.withRole(t, "Bea", store.RoleBuilder), tw.withRole(t, "Wilbur", store.RolePlayer)
	wantContains(t, bea.do("help"), "dig,", "redit,", "goto,")
	wantContains(t, bea.do("help dig"), "DIG - make a room beyond this one")
	wantContains(t, bea.do("help rdelete"), "RDELETE - take a room out of the world")
	if got := wilbur.do("help"); strings.Contains(got, "redit") || strings.Contains(got, "goto") {
		t.Errorf("a player's help lists building topics:\n%s", got)
	}
	wantContains(t, wilbur.do("help redit"), "There is no help on")
	wantContains(t, wilbur.do("help rdelete"), "There is no help on")
}

// TestNoBuildingDuringAReload: while a world reload runs, a builder's
// changes are refused (the import could be overwritten by them), and a
// description written meanwhile is handed back unsaved.
func TestNoBuildingDuringAReload(t *testing.T) {
	tw, bea, _ := buildWorld(t)
	tw.onLoop(func() { tw.reload.Running = true })
	for _, line := range []string{"dig east The Attic", "redit name The Old Ward", "undo"} {
		wantContains(t, bea.do(line), strings.TrimSuffix(reloadBusyText, "\n"))
	}
	tw.onLoop(func() { tw.reload.Running = false })
	bea.do("redit desc")
	bea.do(".c")
	bea.do("A room whose walls lean in.")
	tw.onLoop(func() { tw.reload.Running = true })
	wantContains(t, bea.doAwait(t, ".", "walls lean in."), "was not saved", "A room whose walls lean in.")
	tw.onLoop(func() { tw.reload.Running = false })
	wantContains(t, bea.do("dig east The Attic"), "You dig east: The Attic")
}

// TestEditorSaveAfterLosingTheRole: a builder who loses the role while
// writing a description cannot save it.
func TestEditorSaveAfterLosingTheRole(t *testing.T) {
	tw, bea, _ := buildWorld(t)
	bea.do("redit desc")
	bea.do(".c")
	bea.do("A room that no one may keep.")
	tw.onLoop(func() { tw.chars["bea"].setRoleFlag(store.RoleBuilder, false) })
	wantContains(t, bea.doAwait(t, ".", "builder"), "You are no longer a builder; the change is not made.")
	if r, _ := tw.liveRoom(t, "ward"); strings.Contains(r.Description, "no one may keep") {
		t.Error("the description was saved")
	}
}

// TestDigNameStartingWithTo: "to" and one word links by id; a longer name
// that starts with "To" is a name.
func TestDigNameStartingWithTo(t *testing.T) {
	_, bea, _ := buildWorld(t)
	wantContains(t, bea.do("dig east To the Tower"), "You dig east: To the Tower (")
}
