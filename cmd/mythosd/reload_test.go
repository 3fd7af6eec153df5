package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mythosd/data"
	"mythosd/store"
	"mythosd/world/worldfile"
)

// Rooms of the shipped sanitarium the reload tests change.
const (
	wardRoom     = "earth_arkham_city_sanitarium_room_ward_001" // the start room
	corridorRoom = "earth_arkham_city_sanitarium_room_corridor_001"
	ward2Room    = "earth_arkham_city_sanitarium_room_ward_002"
	gardenRoom   = "earth_arkham_city_sanitarium_room_garden_001"
	sanitarium   = "earth/arkham_city/sanitarium"
	newCorridor  = "A corridor rebuilt overnight, smelling of fresh plaster."
)

// copyWorld writes the shipped world into a new folder and returns it.
func copyWorld(tb testing.TB) string {
	tb.Helper()
	dir := filepath.Join(tb.TempDir(), "world")
	if err := os.CopyFS(dir, data.World()); err != nil {
		tb.Fatal(err)
	}
	return dir
}

// editFile replaces old with new in the file at rel under dir.
func editFile(tb testing.TB, dir, rel, old, new string) {
	tb.Helper()
	path := filepath.Join(dir, filepath.FromSlash(rel))
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		tb.Fatalf("%s does not hold %q", rel, old)
	}
	if err := os.WriteFile(path, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
		tb.Fatal(err)
	}
}

// reshapeWorld changes a copy of the shipped world: the corridor gets a
// new description, the second ward is gone (and the corridor's way there).
func reshapeWorld(tb testing.TB) string {
	tb.Helper()
	dir := copyWorld(tb)
	editFile(tb, dir, sanitarium+"/room_corridor_001.json", `"description": "`, `"description": "`+newCorridor+` `)
	editFile(tb, dir, sanitarium+"/room_corridor_001.json", `"west": "`+ward2Room+`",`, "")
	if err := os.Remove(filepath.Join(dir, filepath.FromSlash(sanitarium+"/room_ward_002.json"))); err != nil {
		tb.Fatal(err)
	}
	return dir
}

// brokenWorld is a copy of the shipped world with a room file that is not
// JSON and a room with an unknown exit direction.
func brokenWorld(tb testing.TB) string {
	tb.Helper()
	dir := reshapeWorld(tb)
	if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(sanitarium+"/room_broken.json")), []byte("{not json"), 0o644); err != nil {
		tb.Fatal(err)
	}
	editFile(tb, dir, sanitarium+"/room_garden_001.json", `"south"`, `"sideways"`)
	return dir
}

// withRole logs name out, grants it role in the running server's store
// and logs it in again.
func withRole(tb testing.TB, srv *server, c *rawClient, name, password string, role store.Role) *rawClient {
	tb.Helper()
	c.send("quit")
	c.expect("Until next time")
	if err := srv.db.SetRole(context.Background(), name, role, true); err != nil {
		tb.Fatal(err)
	}
	again := dial(tb, srv.addr("telnet"))
	again.login(name, password)
	return again
}

// buildGarden changes the garden in the running server's store as a
// builder would (the building commands are not on this branch): the room
// changes and the world-edited mark moves past the last import.
func buildGarden(tb testing.TB, srv *server, worldDir string) {
	tb.Helper()
	w, _, err := worldfile.Load(os.DirFS(worldDir))
	if err != nil {
		tb.Fatal(err)
	}
	for i := range w.Rooms {
		if w.Rooms[i].ID == gardenRoom {
			w.Rooms[i].Description = "A garden a builder replanted."
		}
	}
	ctx := context.Background()
	if _, err := srv.db.ImportWorld(ctx, w); err != nil {
		tb.Fatal(err)
	}
	if err := srv.db.MetaSet(ctx, store.MetaWorldEdited, time.Now().Add(time.Minute).UTC().Format(time.RFC3339Nano)); err != nil {
		tb.Fatal(err)
	}
}

// look returns what look shows, from the room's name to the prompt.
func (c *rawClient) look(name string) string {
	c.t.Helper()
	return c.do("look", name)
}

// waitFloor waits until the store's floor of room satisfies ok (the world
// hands its changes over at its ticks) and returns it.
func waitFloor(tb testing.TB, srv *server, room, what string, ok func([]string) bool) []string {
	tb.Helper()
	deadline := time.Now().Add(waitLimit)
	for {
		got := floorProtos(tb, srv, room)
		if ok(got) {
			return got
		}
		if time.Now().After(deadline) {
			tb.Fatalf("the floor of %s never held %s: %v", room, what, got)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// floorProtos returns the prototypes of the items on room's floor, as the
// store holds them once everything submitted is committed.
func floorProtos(tb testing.TB, srv *server, room string) []string {
	tb.Helper()
	ctx := context.Background()
	if err := srv.db.Flush(ctx); err != nil {
		tb.Fatal(err)
	}
	items, err := srv.db.ItemsOf(ctx, store.Holder{Place: store.PlaceRoom, ID: room})
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, it := range items {
		if it.Place == store.PlaceRoom {
			out = append(out, it.Proto)
		}
	}
	return out
}

// TestReloadWorld reloads a changed world folder while three players are
// connected: one in a changed room sees the new description, one in a
// removed room is moved to the start room and told, the items on the
// removed floor lie in the start room (in the store too, once each). A
// folder with errors is refused with the loader's report and changes
// nothing, as does one without the start room; builders and players may
// not reload; changes builders made since the import make the reload
// refuse unless forced.
func TestReloadWorld(t *testing.T) {
	cfg := testConfig(t.TempDir())
	cfg.WorldDir = copyWorld(t)
	srv := startServer(t, cfg)
	addr := srv.addr("telnet")
	admin, builder, player := dial(t, addr), dial(t, addr), dial(t, addr)
	admin.createCharacter("Armitage", "keeper-pass1")
	builder.createCharacter("Curwen", "keeper-pass2")
	player.createCharacter("Pickman", "keeper-pass3")
	admin = withRole(t, srv, admin, "Armitage", "keeper-pass1", store.RoleAdmin)
	builder = withRole(t, srv, builder, "Curwen", "keeper-pass2", store.RoleBuilder)
	builder.do("west", "Corridor")
	player.do("west", "Corridor")
	player.do("west", "Ward")
	wantIn(t, player.look("Ward"), "bandage")
	waitFloor(t, srv, ward2Room, "a bandage", func(got []string) bool { return count(got, "bandage_roll") == 1 })

	wantIn(t, builder.do("admin reload world", "Only admins"), "Only admins may use admin reload")
	wantIn(t, player.do("admin reload world", "You grope"), `"admin"`)

	broken := brokenWorld(t)
	admin.do("admin reload world "+broken, "Reloading the world")
	report := admin.expect("not reloaded") + admin.expect("\n")
	wantIn(t, report, "refused", "2 error(s)", "room_broken.json", "sideways")
	if strings.Contains(builder.look("Corridor"), newCorridor) {
		t.Fatal("the refused world changed the corridor")
	}

	homeless := copyWorld(t)
	if err := os.Remove(filepath.Join(homeless, filepath.FromSlash(sanitarium+"/room_ward_001.json"))); err != nil {
		t.Fatal(err)
	}
	admin.do("admin reload world force "+homeless, "Reloading the world")
	wantIn(t, admin.expect("not reloaded")+admin.expect("\n"), "has no room "+wardRoom, "start and wake")

	reshaped := reshapeWorld(t)
	buildGarden(t, srv, cfg.WorldDir)
	admin.do("admin reload world "+reshaped, "Reloading the world")
	wantIn(t, admin.expect("not reloaded")+admin.expect("\n"), "changes made in the game", "room "+gardenRoom+" changed", "force")

	admin.do("admin reload world force "+reshaped, "Reloading the world")
	done := admin.expect("reloaded:") + admin.expect("\n")
	wantIn(t, done, "2 changed, 1 removed", "1 characters and 2 items")
	player.expect("the place where you stood is no more")
	player.expect("East Ward")
	wantIn(t, builder.look("Corridor"), newCorridor)
	if exits := builder.do("look", "Exits:"); strings.Contains(strings.ReplaceAll(exits, "northwest", ""), "west") {
		t.Error("the corridor still leads west to the removed ward")
	}
	wantIn(t, player.look("East Ward"), "bandage", "Also here: Armitage")

	if got := floorProtos(t, srv, ward2Room); len(got) != 0 {
		t.Errorf("the removed ward's floor still holds %v", got)
	}
	waitFloor(t, srv, wardRoom, "one bandage", func(got []string) bool { return count(got, "bandage_roll") == 1 })
}

func count(list []string, s string) int {
	n := 0
	for _, v := range list {
		if v == s {
			n++
		}
	}
	return n
}

// TestReloadFromConsole: the console's W key, confirmed, reloads the
// server's own world folder (changed on disk) while a player stands in a
// changed room; the console then shows the reload and the staff.
func TestReloadFromConsole(t *testing.T) {
	cfg := adminConfig(t.TempDir())
	cfg.WorldDir = copyWorld(t)
	srv := startServer(t, cfg)
	player := dial(t, srv.addr("telnet"))
	player.createCharacter("Lavinia", "whateley2")
	player.do("west", "Corridor")
	if err := srv.db.SetRole(context.Background(), "Lavinia", store.RoleBuilder, true); err != nil {
		t.Fatal(err)
	}
	editFile(t, cfg.WorldDir, sanitarium+"/room_corridor_001.json", `"description": "`, `"description": "`+newCorridor+` `)

	console := openAdmin(t, srv, 80, 24)
	console.expect("Staff  admins none  builders Lavinia")
	console.keys("W")
	console.expect("reload world · Enter, or force")
	console.keys("\r")
	console.expect("Reload the world from its folder, players staying connected? [y/N]")
	console.keys("y")
	console.expect("world reload started")
	console.expect("Reload  ok at")
	wantIn(t, player.look("Corridor"), newCorridor)
}
