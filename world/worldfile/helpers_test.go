package worldfile

import (
	"encoding/json"
	"strings"
	"testing"
	"testing/fstest"

	"mythosd/store"
)

// compatRoot is the MythosMUD world of August 2025, read in place.
const compatRoot = "../../../shared/compat/mythosmud-rooms-2025-08/rooms"

// jsonFile marshals v into a file of a MapFS.
func jsonFile(tb testing.TB, v any) *fstest.MapFile {
	tb.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		tb.Fatalf("marshal %v: %v", v, err)
	}
	return &fstest.MapFile{Data: b}
}

// rawFile wraps text as a file of a MapFS.
func rawFile(text string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte(text)}
}

// roomDoc returns a valid room of earth/arkham_city/{sub} with id
// "earth_arkham_city_{sub}_room_{stable}" and the given exits.
func roomDoc(sub, stable string, exits map[string]any) map[string]any {
	return map[string]any{
		"id":          "earth_arkham_city_" + sub + "_room_" + stable,
		"name":        "Room " + stable,
		"description": "A room called " + stable + " in " + sub + ".",
		"plane":       "earth",
		"zone":        "arkham_city",
		"sub_zone":    sub,
		"exits":       exits,
	}
}

// with returns a copy of doc with key set to v, or removed when v is nil.
func with(doc map[string]any, key string, v any) map[string]any {
	out := make(map[string]any, len(doc)+1)
	for k, x := range doc {
		out[k] = x
	}
	if v == nil {
		delete(out, key)
	} else {
		out[key] = v
	}
	return out
}

// mustLoad loads fsys and fails on an I/O error.
func mustLoad(tb testing.TB, fsys fstest.MapFS) (store.World, *Report) {
	tb.Helper()
	w, rep, err := Load(fsys)
	if err != nil {
		tb.Fatalf("Load: %v", err)
	}
	return w, rep
}

// wantProblem is a problem a test expects; msg is a substring of Message.
type wantProblem struct {
	file, field string
	sev         Severity
	msg         string
}

// checkProblems asserts that got holds exactly want, in order.
func checkProblems(tb testing.TB, got []Problem, want []wantProblem) {
	tb.Helper()
	if len(got) != len(want) {
		tb.Fatalf("got %d problems, want %d:\n%s", len(got), len(want), problemList(got))
	}
	for i, w := range want {
		g := got[i]
		if g.File != w.file || g.Field != w.field || g.Severity != w.sev || !strings.Contains(g.Message, w.msg) {
			tb.Errorf("problem %d = %s %q, want %s %s: %s: ...%s...", i, g.Severity, g.String(), w.sev, w.file, w.field, w.msg)
		}
	}
}

// problemList formats problems one a line.
func problemList(ps []Problem) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString("  " + p.Severity.String() + " " + p.String() + "\n")
	}
	return b.String()
}

// roomByID returns the room with id, failing when there is none.
func roomByID(tb testing.TB, w store.World, id string) store.Room {
	tb.Helper()
	for _, r := range w.Rooms {
		if r.ID == id {
			return r
		}
	}
	tb.Fatalf("room %q not loaded", id)
	return store.Room{}
}

// hasRoom reports whether w holds a room with id.
func hasRoom(w store.World, id string) bool {
	for _, r := range w.Rooms {
		if r.ID == id {
			return true
		}
	}
	return false
}
