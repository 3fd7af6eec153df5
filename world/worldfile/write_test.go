package worldfile_test

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"mythosd/data"
	"mythosd/store"
	"mythosd/world/worldfile"
)

// loadShipped loads the shipped world, which must have no errors.
func loadShipped(tb testing.TB) store.World {
	tb.Helper()
	w, report, err := worldfile.Load(data.World())
	if err != nil || report.Err() != nil {
		tb.Fatalf("load shipped world: %v %v", err, report.Err())
	}
	return w
}

// loadDir loads the world in dir and fails on any error problem.
func loadDir(tb testing.TB, dir string) store.World {
	tb.Helper()
	w, report, err := worldfile.Load(os.DirFS(dir))
	if err != nil {
		tb.Fatalf("load %s: %v", dir, err)
	}
	if n := report.Count(worldfile.Error); n != 0 {
		tb.Fatalf("load %s: %d errors: %v", dir, n, report.Problems)
	}
	return w
}

func writeWorld(tb testing.TB, dir string, w store.World) worldfile.WriteStats {
	tb.Helper()
	stats, err := worldfile.Write(dir, w)
	if err != nil {
		tb.Fatalf("write world to %s: %v", dir, err)
	}
	return stats
}

// byID sorts a copy of list by id, as the store returns prototypes.
func byID[T any](list []T, id func(T) string) []T {
	out := slices.Clone(list)
	slices.SortFunc(out, func(a, b T) int { return strings.Compare(id(a), id(b)) })
	return out
}

// TestExportShippedWorldRoundTrip exports the shipped world, loads the
// export and finds the same rooms (exits, placements and all), zones,
// prototypes, NPCs and spawns; a second export of what was loaded is
// byte-identical to the first.
func TestExportShippedWorldRoundTrip(t *testing.T) {
	shipped := loadShipped(t)
	dir := filepath.Join(t.TempDir(), "out")
	first := writeWorld(t, dir, shipped)
	if first.Written == 0 || first.Removed != 0 {
		t.Fatalf("first export: %+v", first)
	}
	got := loadDir(t, dir)
	checks := []struct {
		name      string
		want, got any
	}{
		{"rooms", shipped.Rooms, got.Rooms},
		{"zones", shipped.Zones, got.Zones},
		{"item prototypes", byID(shipped.Items, func(p store.ItemProto) string { return p.ID }), got.Items},
		{"NPCs", shipped.NPCs, got.NPCs},
		{"spawns", shipped.Spawns, got.Spawns},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.want, c.got) {
			t.Errorf("%s differ after the round trip:\nshipped  %+v\nexported %+v", c.name, c.want, c.got)
		}
	}
	again := writeWorld(t, dir, got)
	if again.Written != 0 || again.Removed != 0 || again.Unchanged != first.Written {
		t.Errorf("second export into the first: %+v, want all %d unchanged", again, first.Written)
	}
	a, err := worldfile.Encode(shipped)
	if err != nil {
		t.Fatal(err)
	}
	b, err := worldfile.Encode(got)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a, b) {
		t.Error("the export of the exported world is not byte-identical to the first export")
	}
}

// TestExportLayout checks the files are where the shipped world keeps them.
func TestExportLayout(t *testing.T) {
	files, err := worldfile.Encode(loadShipped(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{
		"earth/kingsport/zone_config.json",
		"earth/kingsport/harbor/subzone_config.json",
		"earth/kingsport/harbor/intersection_harbor_water.json",
		"earth/kingsport/harbor/room_tavern_001.json",
		"items/items.json",
		"npcs/npcs.json",
	} {
		f, ok := files[p]
		if !ok {
			t.Errorf("no %s in the export", p)
			continue
		}
		if !strings.HasSuffix(string(f), "}\n") || !strings.HasPrefix(string(f), "{\n  \"") {
			t.Errorf("%s: want a 2-space indented object and a trailing newline, got %.40q", p, f)
		}
	}
}

// TestWriteFolders checks which folders Write takes: missing, empty and
// earlier exports, whose stale .json files it removes, keeping the rest.
func TestWriteFolders(t *testing.T) {
	shipped := loadShipped(t)
	t.Run("foreign folder refused", func(t *testing.T) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := worldfile.Write(dir, shipped); !errors.Is(err, worldfile.ErrNotExport) {
			t.Fatalf("write into a foreign folder: %v, want ErrNotExport", err)
		}
	})
	t.Run("empty folder taken", func(t *testing.T) {
		writeWorld(t, t.TempDir(), shipped)
	})
	t.Run("earlier export updated", func(t *testing.T) {
		dir := t.TempDir()
		writeWorld(t, dir, shipped)
		keep := []string{".git/HEAD", "README.md"}
		for _, p := range keep {
			full := filepath.Join(dir, filepath.FromSlash(p))
			if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(full, []byte("x"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		smaller := shipped
		gone := smaller.Rooms[0]
		smaller.Rooms = smaller.Rooms[1:]
		stats := writeWorld(t, dir, smaller)
		if stats.Removed != 1 || stats.Written != 0 {
			t.Errorf("export without room %s: %+v, want 1 removed, 0 written", gone.ID, stats)
		}
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(gone.SourceFile))); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s still there: %v", gone.SourceFile, err)
		}
		for _, p := range keep {
			if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(p))); err != nil {
				t.Errorf("%s was not kept: %v", p, err)
			}
		}
	})
}

// TestEncodeRefusesBadNames checks that names which cannot be files are
// refused rather than written somewhere else.
func TestEncodeRefusesBadNames(t *testing.T) {
	good := store.Room{ID: "earth_a_b_room_x", Name: "X", Description: "X.", Plane: "earth", Zone: "a", SubZone: "b"}
	tests := []struct {
		name string
		edit func(r *store.Room)
	}{
		{"id with a slash", func(r *store.Room) { r.ID = "earth_a_b_../../x" }},
		{"dot id", func(r *store.Room) { r.ID = ".hidden" }},
		{"config name", func(r *store.Room) { r.ID = "earth_a_b_subzone_config" }},
		{"plane items", func(r *store.Room) { r.Plane = "items" }},
		{"empty sub-zone", func(r *store.Room) { r.SubZone = "" }},
		{"parent folder", func(r *store.Room) { r.Zone = ".." }},
		{"bad attributes", func(r *store.Room) { r.Attributes = "{" }},
		{"unknown direction", func(r *store.Room) { r.Exits = []store.Exit{{Direction: "inward", Target: r.ID}} }},
	}
	if _, err := worldfile.Encode(store.World{Rooms: []store.Room{good}}); err != nil {
		t.Fatalf("good room refused: %v", err)
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := good
			tc.edit(&r)
			if _, err := worldfile.Encode(store.World{Rooms: []store.Room{r}}); err == nil {
				t.Errorf("room %+v encoded", r)
			}
		})
	}
}

// BenchmarkEncodeShipped encodes the shipped world, all files in memory.
func BenchmarkEncodeShipped(b *testing.B) {
	w := loadShipped(b)
	b.ReportAllocs()
	for b.Loop() {
		if files, err := worldfile.Encode(w); err != nil || len(files) == 0 {
			b.Fatalf("encode: %d files, %v", len(files), err)
		}
	}
}

// BenchmarkWriteUnchanged exports the shipped world over an earlier
// export of it: every file read and found unchanged.
func BenchmarkWriteUnchanged(b *testing.B) {
	w := loadShipped(b)
	dir := b.TempDir()
	writeWorld(b, dir, w)
	b.ReportAllocs()
	for b.Loop() {
		writeWorld(b, dir, w)
	}
}

// TestExportCompatWorld exports the 2025 MythosMUD world, whose exits the
// loader had to resolve: the export names every target exactly, so it
// loads with nothing resolved, the same rooms and exits, and encodes to
// the same bytes again.
func TestExportCompatWorld(t *testing.T) {
	compat, report, err := worldfile.Load(os.DirFS("../../../shared/compat/mythosmud-rooms-2025-08/rooms"))
	if err != nil {
		t.Fatal(err)
	}
	if len(report.Resolved) == 0 {
		t.Fatal("the compat world needs no resolution; this test would prove nothing")
	}
	dir := t.TempDir()
	writeWorld(t, dir, compat)
	got, again, err := worldfile.Load(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	if len(again.Resolved) != 0 || again.Count(worldfile.Warning) != 0 {
		t.Errorf("export of the compat world: %d resolved, problems %v", len(again.Resolved), again.Problems)
	}
	if len(got.Rooms) != len(compat.Rooms) {
		t.Fatalf("%d rooms exported, %d loaded", len(compat.Rooms), len(got.Rooms))
	}
	for i, r := range got.Rooms {
		if want := compat.Rooms[i]; r.ID != want.ID || !reflect.DeepEqual(r.Exits, want.Exits) || r.Attributes != want.Attributes {
			t.Errorf("room %s differs after the round trip:\n%+v\n%+v", want.ID, want, r)
		}
	}
	a, errA := worldfile.Encode(compat)
	b, errB := worldfile.Encode(got)
	if errA != nil || errB != nil || !reflect.DeepEqual(a, b) {
		t.Errorf("second encode differs from the first (%v, %v)", errA, errB)
	}
}
