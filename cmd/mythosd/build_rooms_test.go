package main

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"

	"mythosd/store"
)

// startWithBuilder starts a server on dir with a character name that
// grant-role made a builder, logged in over telnet.
func startWithBuilder(t *testing.T, dir, name, password string) (*server, *rawClient) {
	t.Helper()
	srv := startBuilderServer(t, testConfig(dir), name, password)
	c := dial(t, srv.addr("telnet"))
	c.login(name, password)
	return srv, c
}

// startBuilderServer starts a server with cfg whose store has a character
// name that grant-role made a builder.
func startBuilderServer(t *testing.T, cfg config, name, password string) *server {
	t.Helper()
	dir := cfg.DataDir
	srv := startServer(t, testConfig(dir))
	c := dial(t, srv.addr("telnet"))
	c.createCharacter(name, password)
	c.send("quit")
	c.expect("Until next time")
	stopServer(t, srv)
	if code, out := runCLI(runGrantRole, "-data", dir, name, "builder"); code != 0 {
		t.Fatalf("grant-role: status %d: %s", code, out)
	}
	return startServer(t, cfg)
}

// storedWorld reads the world the database in dir holds.
func storedWorld(t testing.TB, dir string) store.World {
	t.Helper()
	db, err := store.Open(filepath.Join(dir, dbFile), slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	w, err := db.World(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// exportChecked exports the world of the database in dir to out and
// checks it with check-world: no errors, no warnings.
func exportChecked(t testing.TB, dir, out string) {
	t.Helper()
	if code, msg := runCLI(runExportWorld, "-data", dir, "-out", out); code != 0 {
		t.Fatalf("export-world: status %d: %s", code, msg)
	}
	var check strings.Builder
	if code := runCheckWorld([]string{"-world", out}, &check, &check); code != 0 || !strings.Contains(check.String(), " 0 errors, 0 warnings") {
		t.Fatalf("check-world of the export: status %d: %s", code, check.String())
	}
}

// TestBuiltWorldExportIdentity: on the shipped world, a builder digs and
// edits rooms over telnet; the export passes check-world, imports into a
// fresh database as the same world, and exports again byte for byte.
func TestBuiltWorldExportIdentity(t *testing.T) {
	base := t.TempDir()
	data1, data2 := filepath.Join(base, "var1"), filepath.Join(base, "var2")
	out1, out2 := filepath.Join(base, "out1"), filepath.Join(base, "out2")
	srv, bea := startWithBuilder(t, data1, "Bea", "lanterns1")
	for _, step := range [][2]string{
		{"dig east The Attic", "You dig east: The Attic"},
		{"redit exit east flag locked", "Exit east: flag done."},
		{"redit exit east key key_sanitarium_files", "Exit east: key done."},
		{"redit exit east desc A narrow stair, going up.", "Exit east: desc done."},
		{"redit flag encounter disturbing", `encounter is now "disturbing"`},
		{"goto earth_arkham_city_sanitarium_room_the_attic_001", "The Attic"},
		{"redit name The Low Attic", "now called The Low Attic"},
		{"redit env haunted", "environment is now haunted"},
		{"redit flag lucidity_flux -1.5", "lucidity_flux is now -1.5"},
		{"dig up Under the Eaves", "You dig up: Under the Eaves"},
		{"dig north to earth_arkham_city_sanitarium_room_office_001", "You link north"},
		{"redit exit north flag hidden", "Exit north: flag done."},
	} {
		bea.do(step[0], step[1])
	}
	bea.send("quit")
	bea.expect("Until next time")
	stopServer(t, srv)

	built := storedWorld(t, data1)
	exportChecked(t, data1, out1)
	if _, err := os.Stat(filepath.Join(out1, "earth/arkham_city/sanitarium/room_under_the_eaves_001.json")); err != nil {
		t.Fatalf("the dug room is not in its sub-zone's folder: %v", err)
	}
	again := importInto(t, data2, os.DirFS(out1))
	// A sub-zone's spawns reach every room the import finds in it, the dug
	// ones too; the live world's spawns learn of dug rooms only then.
	again.Spawns = withoutRooms(again.Spawns, "earth_arkham_city_sanitarium_room_the_attic_001",
		"earth_arkham_city_sanitarium_room_under_the_eaves_001")
	if !reflect.DeepEqual(built, again) {
		t.Errorf("the world imported from the export differs from the one built:\n%s", worldDiff(built, again))
	}
	if code, msg := runCLI(runExportWorld, "-data", data2, "-out", out2); code != 0 {
		t.Fatalf("second export-world: status %d: %s", code, msg)
	}
	if a, b := readTree(t, out1), readTree(t, out2); !reflect.DeepEqual(a, b) {
		t.Errorf("the second export differs from the first (%d and %d files)", len(a), len(b))
	}
}

// withoutRooms returns spawns without the rooms ids.
func withoutRooms(spawns []store.NPCSpawn, ids ...string) []store.NPCSpawn {
	for i, s := range spawns {
		spawns[i].Rooms = slices.DeleteFunc(slices.Clone(s.Rooms), func(id string) bool { return slices.Contains(ids, id) })
	}
	return spawns
}

// worldDiff names the rooms that differ between two worlds.
func worldDiff(a, b store.World) string {
	byID := map[string]store.Room{}
	for _, r := range b.Rooms {
		byID[r.ID] = r
	}
	var out strings.Builder
	for _, r := range a.Rooms {
		if o, ok := byID[r.ID]; !ok || !reflect.DeepEqual(r, o) {
			out.WriteString(r.ID + "\n")
		}
	}
	if len(a.Rooms) != len(b.Rooms) {
		out.WriteString("room counts differ\n")
	}
	for _, part := range []struct {
		name string
		a, b any
	}{{"zones", a.Zones, b.Zones}, {"items", a.Items, b.Items}, {"npcs", a.NPCs, b.NPCs}, {"spawns", a.Spawns, b.Spawns}} {
		if !reflect.DeepEqual(part.a, part.b) {
			out.WriteString(part.name + " differ\n")
		}
	}
	return out.String()
}

// buildTriggers log a builder in, dig east from the ward and north from
// there, describe the second room in the line editor, look, walk back to
// the ward and quit; step keeps each room line from firing twice.
const buildTriggers = `#var step 0
#action {By what name are you known?} {#send Bea}
#action {Password:} {#send lanterns1}
#action {Welcome to Arkham, Bea.} {#send dig east The Attic}
#action {You dig east: The Attic} {#var step 1;#send east}
#action {^Exits: west.} {#if {$step == 1} {#var step 2;#send dig north The Belfry}}
#action {You dig north: The Belfry} {#send north}
#action {^Exits: south.} {#if {$step == 2} {#var step 3;#send redit desc}}
#action {Editing the description of The Belfry} {#send .c;#send Bells hang silent in the dark.;#send Ropes sway with no wind.;#send .}
#action {The description of The Belfry is saved.} {#send look}
#action {^Bells hang silent in the dark. Ropes sway with no wind.} {#if {$step == 3} {#var step 4;#send south}}
#action {^Exits: north, west.} {#if {$step == 4} {#var step 5;#send west}}
#action {^Exits: east, west.} {#if {$step == 5} {#var step 6;#send quit}}
`

// TestTinTinBuildsRooms: a builder in TinTin++ digs two rooms, describes
// one with the line editor and walks between them; after export-world and
// a restart from the exported folder on a fresh database, the rooms are
// there for a new player to walk into.
func TestTinTinBuildsRooms(t *testing.T) {
	base := t.TempDir()
	data1, data2, out := filepath.Join(base, "var1"), filepath.Join(base, "var2"), filepath.Join(base, "out")
	srv, bea := startWithBuilder(t, data1, "Bea", "lanterns1")
	bea.send("quit")
	bea.expect("Until next time")
	tt := newTinTin(t)
	seen := tt.run(t, srv.addr("telnet"), buildTriggers)
	inOrder(t, seen, "You dig east: The Attic", "The Attic [", "You dig north: The Belfry", "The Belfry [",
		"Editing the description of The Belfry", "The description of The Belfry is saved.",
		"Bells hang silent in the dark. Ropes sway with no wind.", "The Attic [", "East Ward, Bed Nine", "Until next time.")
	stopServer(t, srv)

	exportChecked(t, data1, out)
	cfg := testConfig(data2)
	cfg.WorldDir = out
	srv2 := startServer(t, cfg)
	tina := dial(t, srv2.addr("telnet"))
	tina.createCharacter("Tina", "lanterns2")
	wantIn(t, tina.do("east", "The Attic"), "Exits: north, west.")
	wantIn(t, tina.do("north", "The Belfry"), "Bells hang silent in the dark. Ropes sway with no wind.")
}

// TestSSHDescriptionEditor: the line editor works through SSH's line
// editing: the text is numbered, lines and dot commands are taken as
// typed, and the saved description is what look shows.
func TestSSHDescriptionEditor(t *testing.T) {
	srv := startBuilderServer(t, sshTestConfig(t.TempDir()), "Bea", "lanterns1")
	bea := sshPlay(t, srv, "bea", 100, gossh.Password("lanterns1"))
	bea.expect(promptEnd)
	bea.send("redit desc")
	bea.expect("1: You wake in a narrow iron bed")
	bea.expect(editorPromptText)
	for _, line := range []string{".c", "A bare ward, scrubbed and silent.", "", "The window is gone.", "a mistake"} {
		bea.send(line)
		bea.expect(editorPromptText)
	}
	bea.send(".d 4")
	bea.expect("Line 4 is deleted.")
	bea.send(".")
	bea.expect("The description of East Ward, Bed Nine is saved.")
	wantIn(t, bea.do("look", "East Ward"), "A bare ward, scrubbed and silent.\r\nThe window is gone.\r\n")
}

// editorPromptText is the line editor's prompt (world's editorPrompt).
const editorPromptText = "] "

// TestRdeleteExportChecks: on the shipped world, a builder digs two rooms
// and deletes the second from the first over telnet; the stored world
// lacks it and every way into it, and its export passes check-world with
// no errors.
func TestRdeleteExportChecks(t *testing.T) {
	const attic, eaves = "earth_arkham_city_sanitarium_room_the_attic_001", "earth_arkham_city_sanitarium_room_under_the_eaves_001"
	base := t.TempDir()
	data, out := filepath.Join(base, "var"), filepath.Join(base, "out")
	srv, bea := startWithBuilder(t, data, "Bea", "lanterns1")
	for _, step := range [][2]string{
		{"dig east The Attic", "You dig east: The Attic"},
		{"goto " + attic, "The Attic"},
		{"dig up Under the Eaves", "You dig up: Under the Eaves"},
		{"rdelete here", "You cannot delete the room you stand in"},
		{"rdelete " + eaves, "You delete Under the Eaves (" + eaves + ") and the way into it from 1 other room."},
		{"goto " + eaves, "No room or playing character is called"},
	} {
		bea.do(step[0], step[1])
	}
	bea.send("quit")
	bea.expect("Until next time")
	stopServer(t, srv)

	w := storedWorld(t, data)
	for _, r := range w.Rooms {
		if r.ID == eaves {
			t.Errorf("the deleted room is stored: %+v", r)
		}
		for _, e := range r.Exits {
			if e.Target == eaves {
				t.Errorf("%s still leads %s to the deleted room", r.ID, e.Direction)
			}
		}
	}
	exportChecked(t, data, out)
	if _, err := os.Stat(filepath.Join(out, "earth/arkham_city/sanitarium/room_under_the_eaves_001.json")); !os.IsNotExist(err) {
		t.Errorf("the deleted room was exported: %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, "earth/arkham_city/sanitarium/room_the_attic_001.json")); err != nil {
		t.Errorf("the attic was not exported: %v", err)
	}
}
