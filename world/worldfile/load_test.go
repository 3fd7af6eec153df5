package worldfile

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"mythosd/store"
)

func TestLoadWellFormedWorld(t *testing.T) {
	const ward1, ward2 = "earth_arkham_city_sanitarium_room_ward_001", "earth_arkham_city_sanitarium_room_ward_002"
	zoneCfg := `{"zone_type":"city","name":"Arkham","environment":"street_paved",` +
		`"special_rules":{"sanity_drain_rate":0.1}}`
	subCfg := `{"environment":"indoors","start_room":"` + ward2 + `",` +
		`"special_rules":{"lucidity_drain_rate":0.5,"sanity_drain_rate":9}}`
	fsys := fstest.MapFS{
		"earth/arkham_city/zone_config.json":               rawFile(zoneCfg),
		"earth/arkham_city/sanitarium/subzone_config.json": rawFile(subCfg),
		"earth/arkham_city/sanitarium/README.md":           rawFile("not a room"),
		"earth/arkham_city/sanitarium/.draft.json":         rawFile("{broken"),
		".git/objects/room.json":                           rawFile("{broken"),
		"earth/arkham_city/sanitarium/room_ward_002.json":  jsonFile(t, with(roomDoc("sanitarium", "ward_002", map[string]any{"south": ward1}), "environment", "haunted")),
		"earth/arkham_city/sanitarium/room_ward_001.json": jsonFile(t, with(with(roomDoc("sanitarium", "ward_001", map[string]any{
			"up":    nil,
			"east":  ward1,
			"north": map[string]any{"target": ward2, "flags": []string{"locked", "hidden"}, "description": "A barred door."},
		}), "encounter", "horrific"), "field1", 3)),
	}
	w, rep := mustLoad(t, fsys)
	checkProblems(t, rep.Problems, nil)
	if len(rep.Resolved) != 0 || rep.Err() != nil {
		t.Fatalf("resolved %v, err %v; want none", rep.Resolved, rep.Err())
	}
	want := store.World{
		Zones: []store.Zone{
			{ID: "earth_arkham_city", Plane: "earth", Zone: "arkham_city", Name: "Arkham",
				Environment: "street_paved", DrainRate: 0.1, Attributes: zoneCfg},
			{ID: "earth_arkham_city_sanitarium", Plane: "earth", Zone: "arkham_city", SubZone: "sanitarium",
				Name: "Sanitarium", Environment: "indoors", DrainRate: 0.5, Attributes: subCfg},
		},
		Rooms: []store.Room{
			{ID: ward1, Name: "Room ward_001", Description: "A room called ward_001 in sanitarium.",
				Plane: "earth", Zone: "arkham_city", SubZone: "sanitarium",
				Exits: []store.Exit{
					{Direction: "north", Target: ward2, Flags: []string{"locked", "hidden"}, Description: "A barred door."},
					{Direction: "east", Target: ward1},
				},
				Attributes: `{"encounter":"horrific","field1":3}`,
				SourceFile: "earth/arkham_city/sanitarium/room_ward_001.json"},
			{ID: ward2, Name: "Room ward_002", Description: "A room called ward_002 in sanitarium.",
				Plane: "earth", Zone: "arkham_city", SubZone: "sanitarium", Environment: "haunted",
				Exits:      []store.Exit{{Direction: "south", Target: ward1}},
				SourceFile: "earth/arkham_city/sanitarium/room_ward_002.json"},
		},
	}
	if !reflect.DeepEqual(w, want) {
		t.Fatalf("world =\n%+v\nwant\n%+v", w, want)
	}
	if got := StartRoom(w); got != ward2 {
		t.Errorf("StartRoom = %q, want %q", got, ward2)
	}
}

// problemCase is one world with something wrong and what Load must say.
type problemCase struct {
	name  string
	files fstest.MapFS
	want  []wantProblem
	check func(t *testing.T, w store.World)
}

const (
	roomA   = "earth/arkham_city/northside/room_a.json"
	roomB   = "earth/arkham_city/northside/room_b.json"
	idA     = "earth_arkham_city_northside_room_a"
	subConf = "earth/arkham_city/northside/subzone_config.json"
)

// loadedA asserts that room a was loaded and returns it.
func loadedA(t *testing.T, w store.World) store.Room {
	t.Helper()
	return roomByID(t, w, idA)
}

func TestLoadFileProblems(t *testing.T) {
	valid := jsonFile(t, roomDoc("northside", "a", nil))
	cases := []problemCase{
		{name: "invalid JSON", files: fstest.MapFS{roomA: rawFile("{\n  \"id\": \n}")},
			want: []wantProblem{{roomA, "", Error, "invalid JSON at line 3"}}},
		{name: "array document", files: fstest.MapFS{roomA: rawFile("[1, 2]")},
			want: []wantProblem{{roomA, "", Error, "one JSON object"}}},
		{name: "null document", files: fstest.MapFS{roomA: rawFile("null")},
			want: []wantProblem{{roomA, "", Error, "one JSON object"}}},
		{name: "trailing data", files: fstest.MapFS{roomA: rawFile(string(valid.Data) + "{}")},
			want: []wantProblem{{roomA, "", Error, "invalid JSON"}}},
		{name: "invalid UTF-8", files: fstest.MapFS{roomA: rawFile("{\"id\": \"\xff\"}")},
			want: []wantProblem{{roomA, "", Error, "not valid UTF-8"}}},
		{name: "byte order mark accepted", files: fstest.MapFS{roomA: rawFile(utf8BOM + string(valid.Data))},
			check: func(t *testing.T, w store.World) { loadedA(t, w) }},
		{name: "too large", files: fstest.MapFS{roomA: rawFile(`{"id":"` + strings.Repeat("x", maxFileSize) + `"}`)},
			want: []wantProblem{{roomA, "", Error, "larger than"}}},
		{name: "room in plane folder", files: fstest.MapFS{"earth/room_a.json": valid},
			want: []wantProblem{{"earth/room_a.json", "", Error, "belongs in a {plane}/{zone}/{sub_zone}/ folder"}}},
		{name: "room in zone folder", files: fstest.MapFS{"earth/arkham_city/room_a.json": valid},
			want: []wantProblem{{"earth/arkham_city/room_a.json", "", Error, "belongs in a {plane}/{zone}/{sub_zone}/ folder"}}},
		{name: "room too deep", files: fstest.MapFS{"earth/arkham_city/northside/x/room_a.json": valid},
			want: []wantProblem{{"earth/arkham_city/northside/x/room_a.json", "", Error, "room file belongs"}}},
		{name: "zone config misplaced", files: fstest.MapFS{"earth/arkham_city/northside/zone_config.json": rawFile("{}")},
			want: []wantProblem{{"earth/arkham_city/northside/zone_config.json", "", Error, "zone config belongs"}}},
		{name: "sub-zone config misplaced", files: fstest.MapFS{"earth/arkham_city/subzone_config.json": rawFile("{}")},
			want: []wantProblem{{"earth/arkham_city/subzone_config.json", "", Error, "sub-zone config belongs"}}},
		{name: "duplicate room id", files: fstest.MapFS{roomA: valid, roomB: valid},
			want: []wantProblem{{roomB, "id", Error, `duplicate room id "` + idA + `", also in ` + roomA}},
			check: func(t *testing.T, w store.World) {
				if len(w.Rooms) != 1 || w.Rooms[0].SourceFile != roomA {
					t.Errorf("rooms = %+v, want only the one of %s", w.Rooms, roomA)
				}
			}},
	}
	runProblemCases(t, cases)
}

func TestLoadRequiredFields(t *testing.T) {
	var cases []problemCase
	for _, key := range []string{"id", "name", "description", "plane", "zone", "sub_zone"} {
		loaded := key != "id"
		for _, v := range []any{nil, "  ", 7} {
			msg := map[any]string{nil: "required field is missing", "  ": "required field is empty", 7: "must be a string"}[v]
			doc := with(roomDoc("northside", "a", nil), key, v)
			cases = append(cases, problemCase{
				name:  key + " " + msg,
				files: fstest.MapFS{roomA: jsonFile(t, doc)},
				want:  []wantProblem{{roomA, key, Error, msg}},
				check: func(t *testing.T, w store.World) {
					if got := len(w.Rooms) == 1; got != loaded {
						t.Fatalf("room loaded = %v, want %v", got, loaded)
					}
					if loaded && (w.Rooms[0].Plane != "earth" || w.Rooms[0].SubZone != "northside") {
						t.Errorf("room place = %s/%s, want the folders'", w.Rooms[0].Plane, w.Rooms[0].SubZone)
					}
				},
			})
		}
	}
	runProblemCases(t, cases)
}

func TestLoadFolderDisagreement(t *testing.T) {
	cases := []problemCase{}
	for key, bad := range map[string]string{"plane": "mars", "zone": "dunwich", "sub_zone": "southside"} {
		cases = append(cases, problemCase{
			name:  key,
			files: fstest.MapFS{roomA: jsonFile(t, with(roomDoc("northside", "a", nil), key, bad))},
			want:  []wantProblem{{roomA, key, Error, `"` + bad + `" disagrees with the folder`}},
			check: func(t *testing.T, w store.World) {
				r := loadedA(t, w)
				if r.Plane != "earth" || r.Zone != "arkham_city" || r.SubZone != "northside" {
					t.Errorf("room place = %s/%s/%s, want the folders'", r.Plane, r.Zone, r.SubZone)
				}
			},
		})
	}
	slices.SortFunc(cases, func(a, b problemCase) int { return strings.Compare(a.name, b.name) })
	runProblemCases(t, cases)
}

func TestLoadRoomContentProblems(t *testing.T) {
	doc := func(exits map[string]any) *fstest.MapFile { return jsonFile(t, roomDoc("northside", "a", exits)) }
	cases := []problemCase{
		{name: "unknown room environment",
			files: fstest.MapFS{roomA: jsonFile(t, with(roomDoc("northside", "a", nil), "environment", "lava"))},
			want:  []wantProblem{{roomA, "environment", Error, `unknown environment "lava"`}},
			check: func(t *testing.T, w store.World) {
				if r := loadedA(t, w); r.Environment != "" {
					t.Errorf("environment = %q, want it left out", r.Environment)
				}
			}},
		{name: "environment not a string",
			files: fstest.MapFS{roomA: jsonFile(t, with(roomDoc("northside", "a", nil), "environment", []int{1}))},
			want:  []wantProblem{{roomA, "environment", Error, "must be a string"}}},
		{name: "unknown exit direction", files: fstest.MapFS{roomA: doc(map[string]any{"widdershins": idA, "north": idA})},
			want: []wantProblem{{roomA, "exits.widdershins", Error, `unknown exit direction "widdershins"`}},
			check: func(t *testing.T, w store.World) {
				if r := loadedA(t, w); len(r.Exits) != 1 || r.Exits[0].Direction != "north" {
					t.Errorf("exits = %+v, want north only", r.Exits)
				}
			}},
		{name: "unknown exit flag",
			files: fstest.MapFS{roomA: doc(map[string]any{"north": map[string]any{"target": idA, "flags": []string{"sticky", "hidden"}}})},
			want:  []wantProblem{{roomA, "exits.north.flags", Error, `unknown exit flag "sticky"`}},
			check: func(t *testing.T, w store.World) {
				r := loadedA(t, w)
				if e, _ := r.Exit("north"); !slices.Equal(e.Flags, []string{"hidden"}) {
					t.Errorf("flags = %v, want [hidden]", e.Flags)
				}
			}},
		{name: "flags not an array", files: fstest.MapFS{roomA: doc(map[string]any{"north": map[string]any{"target": idA, "flags": "hidden"}})},
			want: []wantProblem{{roomA, "exits.north.flags", Error, "must be an array"}}},
		{name: "exit target missing", files: fstest.MapFS{roomA: doc(map[string]any{"north": map[string]any{"flags": []string{"hidden"}}})},
			want: []wantProblem{{roomA, "exits.north.target", Error, "required field is missing"}}},
		{name: "exit target not a string", files: fstest.MapFS{roomA: doc(map[string]any{"north": map[string]any{"target": 3}})},
			want: []wantProblem{{roomA, "exits.north.target", Error, "must be a string"}}},
		{name: "unknown exit key", files: fstest.MapFS{roomA: doc(map[string]any{"north": map[string]any{"target": idA, "colour": "red"}})},
			want: []wantProblem{{roomA, "exits.north.colour", Error, `unknown exit key "colour"`}}},
		{name: "exit a number", files: fstest.MapFS{roomA: doc(map[string]any{"north": 3})},
			want: []wantProblem{{roomA, "exits.north", Error, "must be null, a room id or an object"}}},
		{name: "exit an empty id", files: fstest.MapFS{roomA: doc(map[string]any{"north": ""})},
			want: []wantProblem{{roomA, "exits.north", Error, "target is empty"}}},
		{name: "exits not an object", files: fstest.MapFS{roomA: jsonFile(t, with(roomDoc("northside", "a", nil), "exits", []string{idA}))},
			want: []wantProblem{{roomA, "exits", Error, "must be an object"}}},
		{name: "unknown encounter kind dropped",
			files: fstest.MapFS{roomA: jsonFile(t, with(roomDoc("northside", "a", nil), "encounter", "mild"))},
			want:  []wantProblem{{roomA, "encounter", Error, `want "disturbing", "horrific" or "cosmic", got "mild"`}},
			check: func(t *testing.T, w store.World) {
				if r := loadedA(t, w); r.Attributes != "" {
					t.Errorf("attributes = %s, want the bad encounter dropped", r.Attributes)
				}
			}},
		{name: "lucidity_flux out of range",
			files: fstest.MapFS{roomA: jsonFile(t, with(roomDoc("northside", "a", nil), "lucidity_flux", 12))},
			want:  []wantProblem{{roomA, "lucidity_flux", Error, "want a number from -10 to 10, got 12"}}},
		{name: "lucidity_flux not a number",
			files: fstest.MapFS{roomA: jsonFile(t, with(roomDoc("northside", "a", nil), "lucidity_flux", "calm"))},
			want:  []wantProblem{{roomA, "lucidity_flux", Error, `want a number from -10 to 10, got "calm"`}}},
	}
	runProblemCases(t, cases)
}

func TestLoadConfigProblems(t *testing.T) {
	zoneConf := "earth/arkham_city/zone_config.json"
	cases := []problemCase{
		{name: "invalid JSON keeps a derived zone", files: fstest.MapFS{subConf: rawFile("{")},
			want: []wantProblem{{subConf, "", Error, "invalid JSON"}},
			check: func(t *testing.T, w store.World) {
				ids := []string{}
				for _, z := range w.Zones {
					ids = append(ids, z.ID+"="+z.Name)
				}
				if want := []string{"earth_arkham_city=Arkham City", "earth_arkham_city_northside=Northside"}; !slices.Equal(ids, want) {
					t.Errorf("zones = %v, want %v", ids, want)
				}
			}},
		{name: "unknown environment", files: fstest.MapFS{zoneConf: rawFile(`{"environment":"lava"}`)},
			want: []wantProblem{{zoneConf, "environment", Error, `unknown environment "lava"`}}},
		{name: "name not a string", files: fstest.MapFS{zoneConf: rawFile(`{"name":1}`)},
			want: []wantProblem{{zoneConf, "name", Error, "must be a string"}}},
		{name: "special_rules not an object", files: fstest.MapFS{zoneConf: rawFile(`{"special_rules":[]}`)},
			want: []wantProblem{{zoneConf, "special_rules", Error, "must be an object"}}},
		{name: "drain rate not a number", files: fstest.MapFS{subConf: rawFile(`{"special_rules":{"lucidity_drain_rate":"high"}}`)},
			want: []wantProblem{{subConf, "special_rules.lucidity_drain_rate", Error, "must be a number"}}},
		{name: "start room that does not exist",
			files: fstest.MapFS{subConf: rawFile(`{"start_room":"nowhere"}`), roomA: jsonFile(t, roomDoc("northside", "a", nil))},
			want:  []wantProblem{{subConf, "start_room", Warning, `room "nowhere" does not exist`}}},
		{name: "start room in a zone config", files: fstest.MapFS{zoneConf: rawFile(`{"start_room":"` + idA + `"}`)},
			want: []wantProblem{{zoneConf, "start_room", Warning, "only a sub-zone config"}}},
		{name: "zone ids that collide",
			files: fstest.MapFS{"earth/a_b/c/subzone_config.json": rawFile("{}"), "earth/a/b/subzone_config.json": rawFile("{}")},
			want:  []wantProblem{{"earth/a_b/c/subzone_config.json", "", Error, `zone id "earth_a_b" is also the id of the zone of earth/a/b/subzone_config.json`}}},
	}
	runProblemCases(t, cases)
}

func TestLoadWarnings(t *testing.T) {
	idB := "earth_arkham_city_northside_room_b"
	cases := []problemCase{
		{name: "dangling exit dropped",
			files: fstest.MapFS{roomA: jsonFile(t, roomDoc("northside", "a", map[string]any{"north": "earth_arkham_city_northside_room_zz", "south": idA}))},
			want:  []wantProblem{{roomA, "exits.north", Warning, `target "earth_arkham_city_northside_room_zz" does not exist; exit dropped`}},
			check: func(t *testing.T, w store.World) {
				if r := loadedA(t, w); len(r.Exits) != 1 || r.Exits[0].Direction != "south" {
					t.Errorf("exits = %+v, want south only", r.Exits)
				}
			}},
		{name: "id without plane and zone prefix",
			files: fstest.MapFS{roomA: jsonFile(t, with(roomDoc("northside", "a", nil), "id", "arkham_room_a"))},
			want:  []wantProblem{{roomA, "id", Warning, `"arkham_room_a" does not start with "earth_arkham_city_"`}}},
		{name: "ambiguous target",
			files: fstest.MapFS{
				roomA:                                    jsonFile(t, roomDoc("northside", "a", map[string]any{"east": "earth_arkham_city_b"})),
				roomB:                                    jsonFile(t, roomDoc("northside", "b", nil)),
				"earth/arkham_city/downtown/room_b.json": jsonFile(t, roomDoc("downtown", "b", nil)),
			},
			want: []wantProblem{{roomA, "exits.east", Warning,
				"matches 2 rooms (earth_arkham_city_downtown_room_b, " + idB + "); exit dropped"}}},
	}
	runProblemCases(t, cases)
}

// runProblemCases loads each case's world and checks its problems.
func runProblemCases(t *testing.T, cases []problemCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			w, rep := mustLoad(t, tc.files)
			checkProblems(t, rep.Problems, tc.want)
			hasError := slices.ContainsFunc(tc.want, func(p wantProblem) bool { return p.sev == Error })
			if err := rep.Err(); (err != nil) != hasError || (err != nil && !errors.Is(err, ErrInvalidWorld)) {
				t.Errorf("Err() = %v, want an ErrInvalidWorld: %v", err, hasError)
			}
			if tc.check != nil {
				tc.check(t, w)
			}
		})
	}
}

func TestLoadIOFailures(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "earth", "arkham_city", "northside")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "gone.json"), filepath.Join(sub, "room_a.json")); err != nil {
		t.Fatal(err)
	}
	for name, root := range map[string]string{"missing root": filepath.Join(dir, "nope"), "broken link": dir} {
		t.Run(name, func(t *testing.T) {
			w, rep, err := Load(os.DirFS(root))
			if err == nil || !errors.Is(err, os.ErrNotExist) {
				t.Fatalf("Load err = %v, want a not-exist I/O error", err)
			}
			if rep != nil || len(w.Rooms) != 0 {
				t.Errorf("Load gave a report %v and %d rooms with its error", rep, len(w.Rooms))
			}
		})
	}
}

func TestLoadDeterministic(t *testing.T) {
	fsys := fstest.MapFS{}
	for _, s := range []string{"c", "a", "b"} {
		fsys["earth/arkham_city/northside/room_"+s+".json"] = jsonFile(t, roomDoc("northside", s, map[string]any{
			"north": "earth_arkham_city_northside_" + s, "south": "nowhere_" + s,
		}))
	}
	w1, rep1 := mustLoad(t, fsys)
	for range 3 {
		w2, rep2 := mustLoad(t, fsys)
		if !reflect.DeepEqual(w1, w2) || !reflect.DeepEqual(rep1, rep2) {
			t.Fatal("two loads of one tree differ")
		}
	}
	if !slices.IsSortedFunc(w1.Rooms, func(a, b store.Room) int { return strings.Compare(a.ID, b.ID) }) {
		t.Error("rooms not sorted by id")
	}
}
