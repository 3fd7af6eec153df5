package data_test

import (
	"testing"

	"mythosd/data"
	"mythosd/store"
	"mythosd/world/worldfile"
)

// TestShippedWorld holds the shipped world to its promises: it loads with
// no problem at all, is big enough, starts in the sanitarium, uses every
// direction and many environments, and every room can be reached from the
// start and can reach the start again.
func TestShippedWorld(t *testing.T) {
	w, report, err := worldfile.Load(data.World())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range report.Problems {
		t.Errorf("problem: %s", p)
	}
	if len(report.Resolved) > 0 {
		t.Errorf("shipped world needs %d exit rewrites; write exact ids", len(report.Resolved))
	}
	zones, subzones := 0, 0
	for _, z := range w.Zones {
		if z.SubZone == "" {
			zones++
		} else {
			subzones++
		}
	}
	if zones < 3 || subzones < 8 || len(w.Rooms) < 120 {
		t.Errorf("%d zones, %d sub-zones, %d rooms; want at least 3, 8, 120", zones, subzones, len(w.Rooms))
	}
	start := worldfile.StartRoom(w)
	byID := make(map[string]store.Room, len(w.Rooms))
	for _, r := range w.Rooms {
		byID[r.ID] = r
	}
	if byID[start].SubZone != "sanitarium" {
		t.Errorf("start room %q is not in the sanitarium", start)
	}
	checkDirectionsAndEnvironments(t, w)
	checkReachable(t, w, start)
}

func checkDirectionsAndEnvironments(t *testing.T, w store.World) {
	t.Helper()
	dirs := make(map[string]bool)
	envs := make(map[string]bool)
	zones := worldfile.ZoneMap(w.Zones)
	for _, r := range w.Rooms {
		for _, e := range r.Exits {
			dirs[e.Direction] = true
		}
		envs[worldfile.EffectiveEnvironment(r, zones)] = true
	}
	for _, d := range store.Directions() {
		if !dirs[d] {
			t.Errorf("no exit goes %s", d)
		}
	}
	if len(envs) < 10 {
		t.Errorf("only %d environments in use: %v", len(envs), envs)
	}
}

// checkReachable walks the exits from start, then backwards, and reports
// rooms that cannot be reached or cannot get back.
func checkReachable(t *testing.T, w store.World, start string) {
	t.Helper()
	forward := make(map[string][]string)
	backward := make(map[string][]string)
	for _, r := range w.Rooms {
		for _, e := range r.Exits {
			forward[r.ID] = append(forward[r.ID], e.Target)
			backward[e.Target] = append(backward[e.Target], r.ID)
		}
	}
	there, back := reach(forward, start), reach(backward, start)
	for _, r := range w.Rooms {
		if !there[r.ID] {
			t.Errorf("room %s cannot be reached from the start", r.ID)
		}
		if !back[r.ID] {
			t.Errorf("room %s has no way back to the start", r.ID)
		}
	}
}

func reach(edges map[string][]string, from string) map[string]bool {
	seen := map[string]bool{from: true}
	queue := []string{from}
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		for _, next := range edges[id] {
			if !seen[next] {
				seen[next] = true
				queue = append(queue, next)
			}
		}
	}
	return seen
}
