package worldfile

import (
	"encoding/json"
	"fmt"
	"path"
	"slices"
	"strings"

	"mythosd/store"
)

var spawnTimes = []string{store.SpawnAny, store.SpawnDay, store.SpawnNight}

// checkSpawns reads the "spawns" of every sub-zone config and room file,
// once all files are read, and returns them resolved to room lists.
func (l *loader) checkSpawns() []store.NPCSpawn {
	bySubZone := map[string][]string{} // sub-zone id -> its rooms, sorted
	for _, r := range l.rooms {
		id := ZoneID(r.Plane, r.Zone, r.SubZone)
		bySubZone[id] = append(bySubZone[id], r.ID)
	}
	var out []store.NPCSpawn
	for _, loc := range l.sortedLocations() {
		e := l.zones[loc]
		if loc.subZone == "" && path.Base(e.file) == zoneConfigName && strings.Contains(e.zone.Attributes, `"spawns"`) {
			l.report.add(e.file, "spawns", Warning, "spawns belong in a sub-zone config or a room file; ignored")
		}
		if loc.subZone == "" || path.Base(e.file) != subZoneConfigName {
			continue
		}
		out = append(out, l.spawnsOf(e.file, e.zone.ID, e.zone.Attributes, bySubZone[e.zone.ID], true)...)
	}
	for _, r := range l.rooms {
		out = append(out, l.spawnsOf(r.SourceFile, r.ID, r.Attributes, []string{r.ID}, false)...)
	}
	return out
}

// sortedLocations returns the zones' locations in id order.
func (l *loader) sortedLocations() []location {
	locs := make([]location, 0, len(l.zones))
	for loc := range l.zones {
		locs = append(locs, loc)
	}
	slices.SortFunc(locs, func(a, b location) int { return strings.Compare(a.id(), b.id()) })
	return locs
}

// spawnsOf reads the "spawns" of one file, whose rooms are rooms; in a
// sub-zone config (subZone) a spawn may name one of them with "room".
func (l *loader) spawnsOf(file, owner, attrs string, rooms []string, subZone bool) []store.NPCSpawn {
	if attrs == "" {
		return nil
	}
	var obj map[string]json.RawMessage
	if json.Unmarshal([]byte(attrs), &obj) != nil || isNull(obj["spawns"]) {
		return nil
	}
	p := &fileProblems{file: file}
	defer func() { l.report.Problems = append(l.report.Problems, p.list...) }()
	known := []string{"npc", "max", "chance", "time"}
	if subZone {
		known = append(known, "room")
	}
	var out []store.NPCSpawn
	for i, o := range objectList(obj["spawns"], "spawns", p, known...) {
		pre := fmt.Sprintf("spawns[%d].", i)
		sp, ok := l.decodeSpawn(o, pre, rooms, subZone, p)
		if ok {
			sp.ID = fmt.Sprintf("%s#%d", owner, i)
			out = append(out, sp)
		}
	}
	return out
}

// decodeSpawn reads and checks one spawn; only a sub-zone's may name a
// room.
func (l *loader) decodeSpawn(obj map[string]json.RawMessage, pre string, rooms []string, subZone bool, p *fileProblems) (store.NPCSpawn, bool) {
	sp := store.NPCSpawn{NPC: reqString(obj, pre, "npc", p), Max: 1, Chance: 1, Time: store.SpawnAny, Rooms: rooms}
	ok := sp.NPC != ""
	if ok && l.npcs[sp.NPC] == nil {
		p.errorf(pre+"npc", "unknown NPC %q", sp.NPC)
		ok = false
	}
	if _, has := obj["max"]; has {
		sp.Max = intField(obj, pre, "max", true, 1, 100, p)
		ok = ok && sp.Max > 0
	}
	if c, has := optNumber(obj["chance"], pre+"chance", p); has {
		if c <= 0 || c > 1 {
			p.errorf(pre+"chance", "must be more than 0 and at most 1, not %v", c)
			ok = false
		}
		sp.Chance = c
	}
	if t := optString(obj, pre, "time", p); t != "" {
		if !slices.Contains(spawnTimes, t) {
			p.errorf(pre+"time", "unknown time %q; one of any, day, night", t)
			ok = false
		}
		sp.Time = t
	}
	if room := optString(obj, pre, "room", p); room != "" && subZone {
		if !slices.Contains(rooms, room) {
			p.errorf(pre+"room", "no room %q in this sub-zone", room)
			ok = false
		}
		sp.Rooms = []string{room}
	}
	if len(sp.Rooms) == 0 {
		p.errorf(pre[:len(pre)-1], "this sub-zone has no rooms to spawn in")
		ok = false
	}
	return sp, ok
}
