package store

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"slices"
)

// worldDigest maps every part of a world, by kind and id ("room ID",
// "zone ID", "item prototype ID", "NPC ID", "spawn ID"), to a digest of
// its content as the store keeps it (rooms' source files aside), so that
// two worlds, or a world and the one last imported, compare part by part.
type worldDigest map[string]string

// digestOf returns the digest of w.
func digestOf(w World) worldDigest {
	d := make(worldDigest, len(w.Rooms)+len(w.Zones)+len(w.Items)+len(w.NPCs)+len(w.Spawns))
	for _, r := range w.Rooms {
		r = normalRoom(r)
		r.SourceFile = ""
		d["room "+r.ID] = digestJSON(r)
	}
	addDigests(d, "zone", w.Zones, func(z Zone) string { return z.ID })
	addDigests(d, "item prototype", w.Items, func(p ItemProto) string { return p.ID })
	addDigests(d, "NPC", w.NPCs, func(n NPCDef) string { return n.ID })
	addDigests(d, "spawn", w.Spawns, func(s NPCSpawn) string { return s.ID })
	return d
}

// addDigests adds the digests of list, keyed by kind and id.
func addDigests[T any](d worldDigest, kind string, list []T, id func(T) string) {
	for _, v := range list {
		d[kind+" "+id(v)] = digestJSON(v)
	}
}

// digestJSON is the sha256 of v as JSON, in hex.
func digestJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return "unencodable: " + err.Error()
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// describeChange names how the part key differs from a to b: "room X changed",
// "room X removed" (b lacks it) or "room X added" (a lacks it).
func describeChange(key string, a, b worldDigest) string {
	_, inA := a[key]
	_, inB := b[key]
	switch {
	case !inB:
		return key + " removed"
	case !inA:
		return key + " added"
	}
	return key + " changed"
}

// differ lists the parts whose digests differ in a and b, sorted.
func differ(a, b worldDigest) []string {
	var keys []string
	for k, v := range a {
		if b[k] != v {
			keys = append(keys, k)
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return keys
}

// conflicts names what importing folder would do to the parts builders
// changed: those whose stored digest is not what the last import (base)
// left, and which the folder has otherwise than the store. Without a base
// every difference counts.
func conflicts(base, stored, folder worldDigest) []string {
	var out []string
	for _, key := range differ(stored, folder) {
		if base == nil || base[key] != stored[key] { // a part missing has the digest ""
			out = append(out, describeChange(key, stored, folder))
		}
	}
	return out
}
