package worldfile

import (
	"fmt"
	"os"
	"testing"
	"testing/fstest"
)

func BenchmarkLoadCompat(b *testing.B) {
	fsys := os.DirFS(compatRoot)
	b.ReportAllocs()
	for b.Loop() {
		w, _, err := Load(fsys)
		if err != nil || len(w.Rooms) != compatRooms {
			b.Fatalf("load: %d rooms, %v", len(w.Rooms), err)
		}
	}
}

// BenchmarkLoadLarge loads a generated world of 50 sub-zones of 100 rooms
// each, in memory, where every other exit needs the resolution rule.
func BenchmarkLoadLarge(b *testing.B) {
	const subs, perSub = 50, 100
	fsys := fstest.MapFS{}
	for s := range subs {
		sub := fmt.Sprintf("sub_%02d", s)
		for i := range perSub {
			next := fmt.Sprintf("earth_arkham_city_%s_room_st_%03d", sub, (i+1)%perSub)
			prev := fmt.Sprintf("earth_arkham_city_%s_st_%03d", sub, (i+perSub-1)%perSub)
			doc := roomDoc(sub, fmt.Sprintf("st_%03d", i), map[string]any{"east": next, "west": prev})
			fsys[fmt.Sprintf("earth/arkham_city/%s/room_%03d.json", sub, i)] = jsonFile(b, doc)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		w, rep, err := Load(fsys)
		if err != nil || len(w.Rooms) != subs*perSub || len(rep.Resolved) != subs*perSub {
			b.Fatalf("load: %d rooms, %d resolved, %v", len(w.Rooms), len(rep.Resolved), err)
		}
	}
}
