package worldfile_test

import (
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"mythosd/store"
	"mythosd/world/worldfile"
)

// FuzzEncodeRoom encodes a room with any id, name, description and kept
// keys: never a panic, and what encodes loads back with the same text.
func FuzzEncodeRoom(f *testing.F) {
	f.Add("earth_a_b_room_x", "The Hall", "Dust & <echoes>.", `{"encounter":"horrific"}`)
	f.Add("../../etc/passwd", "\x00", "\xff", `{`)
	f.Add("earth_a_b_", "N", "D", `{"items":[{"proto":"x"}],"id":"other"}`)
	f.Fuzz(func(t *testing.T, id, name, desc, attrs string) {
		r := store.Room{ID: id, Name: name, Description: desc, Plane: "earth", Zone: "a", SubZone: "b", Attributes: attrs}
		files, err := worldfile.Encode(store.World{Rooms: []store.Room{r}})
		if err != nil {
			return
		}
		if len(files) != 1 {
			t.Fatalf("%d files for one room", len(files))
		}
		fsys := fstest.MapFS{}
		for p, data := range files {
			if !strings.HasPrefix(p, "earth/a/b/") || strings.Count(p, "/") != 3 {
				t.Fatalf("room written to %q", p)
			}
			fsys[p] = &fstest.MapFile{Data: data}
		}
		w, _, err := worldfile.Load(fsys)
		if err != nil {
			t.Fatal(err)
		}
		if !plain(id) || !plain(name) || !plain(desc) {
			return
		}
		if len(w.Rooms) != 1 || w.Rooms[0].ID != id || w.Rooms[0].Name != name || w.Rooms[0].Description != desc {
			t.Fatalf("room %q %q %q loaded back as %+v", id, name, desc, w.Rooms)
		}
	})
}

// plain reports whether s survives JSON unchanged and is a required
// field's value: valid UTF-8, not blank.
func plain(s string) bool {
	return utf8.ValidString(s) && strings.TrimSpace(s) != ""
}
