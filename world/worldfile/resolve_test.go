package worldfile

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"mythosd/store"
)

// srcFile is the room file whose north exit a resolution case tests.
const srcFile = "earth/arkham_city/northside/room_src.json"

// placedRoom is a room of a resolution case: its folders and its id.
type placedRoom struct {
	zone, sub, id string
}

func TestResolveExitTargets(t *testing.T) {
	const src = "earth_arkham_city_northside_room_src"
	cases := []struct {
		name   string
		rooms  []placedRoom
		target string
		want   string // the target after loading; "" when the exit is dropped
		warn   string // a substring of the warning, when dropped
	}{
		{name: "exact id stays", rooms: []placedRoom{{"arkham_city", "northside", "earth_arkham_city_northside_room_x_001"}},
			target: "earth_arkham_city_northside_room_x_001", want: "earth_arkham_city_northside_room_x_001"},
		{name: "missing room segment", rooms: []placedRoom{{"arkham_city", "northside", "earth_arkham_city_northside_room_x_001"}},
			target: "earth_arkham_city_northside_x_001", want: "earth_arkham_city_northside_room_x_001"},
		{name: "extra room segment", rooms: []placedRoom{{"arkham_city", "northside", "earth_arkham_city_northside_x_001"}},
			target: "earth_arkham_city_northside_room_x_001", want: "earth_arkham_city_northside_x_001"},
		{name: "intersection without its sub-zone", rooms: []placedRoom{{"arkham_city", "northside", "earth_arkham_city_northside_intersection_a_b"}},
			target: "earth_arkham_city_intersection_a_b", want: "earth_arkham_city_northside_intersection_a_b"},
		{name: "sub-zone the id lacks", rooms: []placedRoom{{"arkham_city", "downtown", "earth_arkham_city_intersection_a_b"}},
			target: "earth_arkham_city_downtown_intersection_a_b", want: "earth_arkham_city_intersection_a_b"},
		{name: "neither sub-zone nor room segment", rooms: []placedRoom{{"arkham_city", "downtown", "earth_arkham_city_downtown_room_x_001"}},
			target: "earth_arkham_city_x_001", want: "earth_arkham_city_downtown_room_x_001"},
		{name: "other zone", rooms: []placedRoom{{"innsmouth", "waterfront", "earth_innsmouth_waterfront_room_x_001"}},
			target: "earth_innsmouth_waterfront_x_001", want: "earth_innsmouth_waterfront_room_x_001"},
		{name: "wrong sub-zone", rooms: []placedRoom{{"arkham_city", "downtown", "earth_arkham_city_downtown_room_x_001"}},
			target: "earth_arkham_city_uptown_x_001", warn: "does not exist; exit dropped"},
		{name: "unknown zone", rooms: []placedRoom{{"arkham_city", "downtown", "earth_arkham_city_downtown_room_x_001"}},
			target: "earth_dunwich_downtown_x_001", warn: "does not exist; exit dropped"},
		{name: "id outside its zone prefix matches only exactly", rooms: []placedRoom{{"arkham_city", "downtown", "odd_x_001"}},
			target: "earth_arkham_city_downtown_odd_x_001", warn: "does not exist; exit dropped"},
		{name: "same name in two sub-zones", rooms: []placedRoom{
			{"arkham_city", "downtown", "earth_arkham_city_downtown_room_x_001"},
			{"arkham_city", "uptown", "earth_arkham_city_uptown_room_x_001"},
		}, target: "earth_arkham_city_x_001", warn: "matches 2 rooms (earth_arkham_city_downtown_room_x_001, earth_arkham_city_uptown_room_x_001)"},
		{name: "sub-zone picks one of two", rooms: []placedRoom{
			{"arkham_city", "downtown", "earth_arkham_city_downtown_room_x_001"},
			{"arkham_city", "uptown", "earth_arkham_city_uptown_room_x_001"},
		}, target: "earth_arkham_city_uptown_x_001", want: "earth_arkham_city_uptown_room_x_001"},
		{name: "with and without room segment", rooms: []placedRoom{
			{"arkham_city", "downtown", "earth_arkham_city_downtown_room_x_001"},
			{"arkham_city", "downtown", "earth_arkham_city_downtown_x_001"},
		}, target: "earth_arkham_city_x_001", warn: "matches 2 rooms"},
		{name: "zones sharing a prefix", rooms: []placedRoom{
			{"arkham", "sub", "earth_arkham_sub_room_city_q"},
			{"arkham_city", "north", "earth_arkham_city_north_room_q"},
		}, target: "earth_arkham_city_q", warn: "matches 2 rooms (earth_arkham_city_north_room_q, earth_arkham_sub_room_city_q)"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				srcFile: jsonFile(t, roomDoc("northside", "src", map[string]any{"north": tc.target})),
			}
			for i, r := range tc.rooms {
				doc := map[string]any{"id": r.id, "name": "X", "description": "Somewhere.", "plane": "earth", "zone": r.zone, "sub_zone": r.sub}
				fsys[fmt.Sprintf("earth/%s/%s/room_%d.json", r.zone, r.sub, i)] = jsonFile(t, doc)
			}
			w, rep := mustLoad(t, fsys)
			checkResolution(t, rep, roomByID(t, w, src).Exits, tc.target, tc.want, tc.warn)
		})
	}
}

// checkResolution asserts what became of the north exit to target.
func checkResolution(t *testing.T, rep *Report, exits []store.Exit, target, want, warn string) {
	t.Helper()
	var got string
	for _, e := range exits {
		if e.Direction == "north" {
			got = e.Target
		}
	}
	if got != want {
		t.Fatalf("north exit leads to %q, want %q; problems:\n%s", got, want, problemList(rep.Problems))
	}
	wantResolved := want != "" && want != target
	if wantResolved {
		r := Resolution{File: srcFile, Room: "earth_arkham_city_northside_room_src", Direction: "north", From: target, To: want}
		if len(rep.Resolved) != 1 || rep.Resolved[0] != r {
			t.Errorf("Resolved = %v, want [%v]", rep.Resolved, r)
		}
	} else if len(rep.Resolved) != 0 {
		t.Errorf("Resolved = %v, want none", rep.Resolved)
	}
	warned, others := 0, 0
	for _, p := range rep.Problems {
		switch {
		case p.File != srcFile:
		case p.Severity == Warning && p.Field == "exits.north" && strings.Contains(p.Message, warn):
			warned++
		default:
			others++
		}
	}
	if others != 0 || (warn != "") != (warned == 1) {
		t.Errorf("problems:\n%swant exactly one warning about %q: %v", problemList(rep.Problems), warn, warn != "")
	}
}
