package worldfile

import (
	"encoding/json"
	"io/fs"
	"os"
	"path"
	"reflect"
	"strings"
	"testing"

	"mythosd/store"
)

// Counts pinned from the MythosMUD world of August 2025.
const (
	compatRoomFiles = 80 // one id is defined twice
	compatRooms     = 79
	compatZones     = 14  // 3 zones, 11 sub-zones
	compatExits     = 141 // exits written in the room files
	compatResolved  = 56  // every one a missing "room_" segment
	compatMissing   = 2   // the palace's east and up
)

// loadCompat loads the 2025 world in place.
func loadCompat(tb testing.TB) (store.World, *Report) {
	tb.Helper()
	w, rep, err := Load(os.DirFS(compatRoot))
	if err != nil {
		tb.Fatalf("load compat world: %v", err)
	}
	return w, rep
}

func TestLoadCompatWorld(t *testing.T) {
	w, rep := loadCompat(t)
	if len(w.Rooms) != compatRooms || len(w.Zones) != compatZones {
		t.Fatalf("loaded %d rooms and %d zones, want %d and %d", len(w.Rooms), len(w.Zones), compatRooms, compatZones)
	}
	// The 2025 data breaks three rules of the format; the rooms still load.
	checkProblems(t, rep.Problems, []wantProblem{
		{"earth/arkham_city/east_town/intersection_Derby_Mass.json", "id", Error,
			`duplicate room id "earth_arkham_city_intersection_derby_mass", also in earth/arkham_city/downtown/intersection_Derby_Mass.json`},
		{"earth/arkham_city/northside/intersection_Brown_Curwen.json", "plane", Error, "required field is missing"},
		{"yeng/katmandu/palance/Palance_Ground_001.json", "sub_zone", Error, `"palace" disagrees with the folder "palance"`},
		{"yeng/katmandu/palance/Palance_Ground_001.json", "exits.east", Warning,
			`target "yeng_katmandu_palace_palace_ground_002" does not exist; exit dropped`},
		{"yeng/katmandu/palance/Palance_Ground_001.json", "exits.up", Warning,
			`target "yeng_katmandu_palace_palace_upper_001" does not exist; exit dropped`},
	})
	if rep.Count(Warning) != compatMissing || len(rep.Resolved) != compatResolved {
		t.Errorf("%d warnings and %d resolved, want %d and %d", rep.Count(Warning), len(rep.Resolved), compatMissing, compatResolved)
	}
	checkCompatResolutions(t, w, rep)
	checkCompatExits(t, w, rep)
	checkCompatZones(t, w)
	if got, want := StartRoom(w), "earth_arkham_city_campus_room_boundary_st_001"; got != want {
		t.Errorf("StartRoom = %q, want %q (no sanitarium: the first room by id)", got, want)
	}
	w2, rep2 := loadCompat(t)
	if !reflect.DeepEqual(w, w2) || !reflect.DeepEqual(rep, rep2) {
		t.Error("two loads of the compat world differ")
	}
}

// checkCompatResolutions asserts that every loaded exit leads to a room and
// that every rewrite of the 2025 world adds the missing "room_" segment.
func checkCompatResolutions(t *testing.T, w store.World, rep *Report) {
	t.Helper()
	ids := make(map[string]bool)
	for _, r := range w.Rooms {
		ids[r.ID] = true
	}
	n := 0
	for _, r := range w.Rooms {
		for _, e := range r.Exits {
			n++
			if !ids[e.Target] {
				t.Errorf("room %s: exits.%s leads to %q, no room", r.ID, e.Direction, e.Target)
			}
		}
	}
	if n != compatExits-compatMissing {
		t.Errorf("loaded %d exits, want %d", n, compatExits-compatMissing)
	}
	for _, r := range rep.Resolved {
		if ids[r.From] || !ids[r.To] || strings.Replace(r.To, "_room_", "_", 1) != r.From {
			t.Errorf("resolution %v: want a missing room_ segment added, to a room", r)
		}
	}
}

// rawRoom is a room file decoded with nothing but encoding/json.
type rawRoom struct {
	ID    string         `json:"id"`
	Exits map[string]any `json:"exits"`
}

// checkCompatExits reads every room file again, independently, and asserts
// that each exit in it either leads to a room (as written or resolved) or is
// reported as a warning naming its file and direction.
func checkCompatExits(t *testing.T, w store.World, rep *Report) {
	t.Helper()
	loaded := make(map[string]store.Room)
	for _, r := range w.Rooms {
		loaded[r.SourceFile] = r
	}
	files, exits := 0, 0
	err := fs.WalkDir(os.DirFS(compatRoot), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, "config.json") || path.Ext(p) != ".json" {
			return err
		}
		files++
		data, err := os.ReadFile(path.Join(compatRoot, p))
		if err != nil {
			return err
		}
		var raw rawRoom
		if err := json.Unmarshal(data, &raw); err != nil {
			return err
		}
		for dir, v := range raw.Exits {
			if target, ok := v.(string); ok {
				exits++
				checkCompatExit(t, loaded[p], rep, p, dir, target)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files != compatRoomFiles || exits != compatExits {
		t.Errorf("read %d room files with %d exits, want %d and %d", files, exits, compatRoomFiles, compatExits)
	}
}

// checkCompatExit checks one exit of the file at p.
func checkCompatExit(t *testing.T, room store.Room, rep *Report, p, dir, target string) {
	t.Helper()
	if e, ok := room.Exit(dir); ok {
		if e.Target != target && !reflect.DeepEqual(findResolution(rep, p, dir), Resolution{
			File: p, Room: room.ID, Direction: dir, From: target, To: e.Target,
		}) {
			t.Errorf("%s: exits.%s: %q became %q with no resolution recorded", p, dir, target, e.Target)
		}
		return
	}
	for _, q := range rep.Problems {
		if q.File == p && q.Field == "exits."+dir && q.Severity == Warning && strings.Contains(q.Message, target) {
			return
		}
	}
	if room.ID == "" {
		for _, q := range rep.Problems {
			if q.File == p && q.Severity == Error {
				return // the file's room was not loaded, and an Error says why
			}
		}
	}
	t.Errorf("%s: exits.%s to %q neither loaded nor reported", p, dir, target)
}

// findResolution returns the rewrite of file p's exit dir, if any.
func findResolution(rep *Report, p, dir string) Resolution {
	for _, r := range rep.Resolved {
		if r.File == p && r.Direction == dir {
			return r
		}
	}
	return Resolution{}
}

// checkCompatZones spot-checks configs: old drain-rate key, names, environments.
func checkCompatZones(t *testing.T, w store.World) {
	t.Helper()
	zones := ZoneMap(w.Zones)
	for id, want := range map[string]store.Zone{
		"earth_arkham_city":                 {Name: "Arkham City", Environment: "outdoors", DrainRate: 0.1},
		"earth_arkham_city_lower_southside": {Name: "Lower Southside", Environment: "outdoors", DrainRate: 0.18},
		"yeng_katmandu_palance":             {Name: "Palance", Environment: "indoors", DrainRate: 0.3},
	} {
		z := zones[id]
		if z.Name != want.Name || z.Environment != want.Environment || z.DrainRate != want.DrainRate {
			t.Errorf("zone %s = %q %q %v, want %q %q %v", id, z.Name, z.Environment, z.DrainRate, want.Name, want.Environment, want.DrainRate)
		}
	}
	for _, r := range w.Rooms {
		if env := EffectiveEnvironment(r, zones); env != "outdoors" && env != "indoors" {
			t.Errorf("room %s: effective environment %q", r.ID, env)
		}
	}
}
