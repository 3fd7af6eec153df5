package store

import (
	"encoding/json"
	"slices"
)

// worldDiff names every way world b differs from a, ignoring rooms' source
// files: "room X changed", "room X removed", "room X added", and the same
// for zones, item prototypes, NPC definitions and spawns, sorted.
func worldDiff(a, b World) []string {
	var out []string
	out = append(out, diffBy("room", a.Rooms, b.Rooms, func(r Room) string { return r.ID }, func(x, y Room) bool {
		x, y = normalRoom(x), normalRoom(y)
		x.SourceFile, y.SourceFile = "", ""
		return roomsEqual(x, y)
	})...)
	out = append(out, diffBy("zone", a.Zones, b.Zones, func(z Zone) string { return z.ID },
		func(x, y Zone) bool { return x == y })...)
	out = append(out, diffBy("item prototype", a.Items, b.Items, func(p ItemProto) string { return p.ID }, sameJSON[ItemProto])...)
	out = append(out, diffBy("NPC", a.NPCs, b.NPCs, func(d NPCDef) string { return d.ID }, sameJSON[NPCDef])...)
	out = append(out, diffBy("spawn", a.Spawns, b.Spawns, func(s NPCSpawn) string { return s.ID }, sameJSON[NPCSpawn])...)
	slices.Sort(out)
	return out
}

// diffBy compares two lists keyed by id.
func diffBy[T any](what string, a, b []T, id func(T) string, equal func(T, T) bool) []string {
	old := make(map[string]T, len(a))
	for _, v := range a {
		old[id(v)] = v
	}
	var out []string
	for _, v := range b {
		prev, ok := old[id(v)]
		delete(old, id(v))
		switch {
		case !ok:
			out = append(out, what+" "+id(v)+" added")
		case !equal(prev, v):
			out = append(out, what+" "+id(v)+" changed")
		}
	}
	for key := range old {
		out = append(out, what+" "+key+" removed")
	}
	return out
}

// sameJSON compares two values as the store keeps them.
func sameJSON[T any](a, b T) bool {
	x, errA := json.Marshal(a)
	y, errB := json.Marshal(b)
	return errA == nil && errB == nil && string(x) == string(y)
}
