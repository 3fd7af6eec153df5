package worldfile

import (
	"slices"
	"strings"

	"mythosd/store"
)

// roomSegment is the optional segment before a regular room's stable name.
const roomSegment = "room_"

// resolver finds the room an inexact exit target means. A room answers to
// its key: plane, zone and the id's stable part, which is the id without
// "{plane}_{zone}_", without a following "{sub_zone}_" and without a
// following "room_". A target is parsed the same way, its sub-zone segment
// being optional; it matches every room with the same key whose sub-zone is
// the target's (when the target names one). It resolves only when exactly
// one room matches. See docs/WORLD-FORMAT.md.
type resolver struct {
	ids   map[string]bool
	byKey map[string][]candidate
	zones []zonePrefix // sorted by prefix
}

// candidate is a room as the resolver indexes it.
type candidate struct {
	id, subZone string
}

// zonePrefix is a zone that has rooms: its id prefix and its sub-zones.
type zonePrefix struct {
	plane, zone, prefix string
	subZones            []string
}

// newResolver indexes rooms.
func newResolver(rooms []store.Room) *resolver {
	r := &resolver{ids: make(map[string]bool, len(rooms)), byKey: make(map[string][]candidate)}
	zones := make(map[string]*zonePrefix)
	for _, room := range rooms {
		r.ids[room.ID] = true
		prefix := ZoneID(room.Plane, room.Zone, "") + "_"
		z, ok := zones[prefix]
		if !ok {
			z = &zonePrefix{plane: room.Plane, zone: room.Zone, prefix: prefix}
			zones[prefix] = z
		}
		if !slices.Contains(z.subZones, room.SubZone) {
			z.subZones = append(z.subZones, room.SubZone)
		}
		rest, ok := strings.CutPrefix(room.ID, prefix)
		if !ok {
			continue
		}
		rest = strings.TrimPrefix(rest, room.SubZone+"_")
		if stable := strings.TrimPrefix(rest, roomSegment); stable != "" {
			k := resolveKey(room.Plane, room.Zone, stable)
			r.byKey[k] = append(r.byKey[k], candidate{id: room.ID, subZone: room.SubZone})
		}
	}
	for _, z := range zones {
		slices.Sort(z.subZones)
		r.zones = append(r.zones, *z)
	}
	slices.SortFunc(r.zones, func(a, b zonePrefix) int { return strings.Compare(a.prefix, b.prefix) })
	return r
}

// resolveKey joins a room key's parts.
func resolveKey(plane, zone, stable string) string {
	return plane + "\x00" + zone + "\x00" + stable
}

// exists reports whether id is a room id.
func (r *resolver) exists(id string) bool {
	return r.ids[id]
}

// matches returns, sorted, the ids of every room that target matches under
// the resolution rule. The target resolves when there is exactly one.
func (r *resolver) matches(target string) []string {
	var found []string
	for _, z := range r.zones {
		rest, ok := strings.CutPrefix(target, z.prefix)
		if !ok {
			continue
		}
		found = r.collect(found, z, "", rest)
		for _, sub := range z.subZones {
			if local, ok := strings.CutPrefix(rest, sub+"_"); ok {
				found = r.collect(found, z, sub, local)
			}
		}
	}
	slices.Sort(found)
	return slices.Compact(found)
}

// collect appends the rooms of zone z whose stable part is local (less an
// optional "room_") and, when sub is not "", whose sub-zone is sub.
func (r *resolver) collect(found []string, z zonePrefix, sub, local string) []string {
	stable := strings.TrimPrefix(local, roomSegment)
	if stable == "" {
		return found
	}
	for _, c := range r.byKey[resolveKey(z.plane, z.zone, stable)] {
		if sub == "" || c.subZone == sub {
			found = append(found, c.id)
		}
	}
	return found
}
