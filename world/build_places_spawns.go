package world

import (
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"mythosd/store"
	"mythosd/world/worldfile"
)

// spawnArgs is what spawn add and spawn remove were told.
type spawnArgs struct {
	npc     string
	max     int
	chance  float64
	time    string
	now     bool
	zone    bool // the sub-zone's spawn, not the room's own
	changes bool // a number, chance or time was given
}

// parseSpawnArgs reads "<npc> [n] [chance] [day|night|any] [now] [zone]":
// a whole number is how many, a decimal number the chance.
func parseSpawnArgs(words []string) (spawnArgs, error) {
	if len(words) == 0 {
		return spawnArgs{}, errors.New("name an NPC")
	}
	a := spawnArgs{npc: words[0], max: 1, chance: 1, time: store.SpawnAny}
	for _, word := range words[1:] {
		switch {
		case word == "now":
			a.now = true
		case word == "zone":
			a.zone = true
		case word == store.SpawnDay || word == store.SpawnNight || word == store.SpawnAny:
			a.time, a.changes = word, true
		case strings.Contains(word, "."):
			x, err := strconv.ParseFloat(word, 64)
			if err != nil {
				return a, errors.New("the chance is a number such as 0.5, not " + strconv.Quote(word))
			}
			if x == 0 { // 0 would read as the default, 1; the loader checks the rest
				return a, errors.New("the chance is more than 0 and at most 1")
			}
			a.chance, a.changes = x, true
		default:
			n, err := strconv.Atoi(word)
			if err != nil {
				return a, errors.New(strconv.Quote(word) + " is no number, chance, time or now")
			}
			if n == 0 {
				return a, errors.New("how many is 1 to 100")
			}
			a.max, a.changes = n, true
		}
	}
	return a, nil
}

// cmdSpawn is "spawn add <npc> [n] [chance] [day|night|any] [now] [zone]"
// and "spawn remove <npc> [now] [zone]": the spawns of the room, kept in
// its file, or with zone those of its sub-zone that may appear in any of
// its rooms, kept in the sub-zone's config.
func (w *World) cmdSpawn(c *Character, args string) {
	if err := checkText(args); err != nil {
		c.send("That will not do: " + err.Error() + ".\n")
		return
	}
	words := strings.Fields(strings.ToLower(args))
	if len(words) == 0 || (words[0] != "add" && words[0] != "remove") {
		c.send("Spawn with: spawn add <npc> [how many] [chance] [day|night] [now] [zone], or spawn remove <npc> [now] [zone].\n")
		return
	}
	a, err := parseSpawnArgs(words[1:])
	if err != nil {
		c.send("That will not do: " + err.Error() + ".\n")
		return
	}
	switch {
	case words[0] == "remove" && a.changes:
		c.send("Type spawn remove <npc> [now] [zone]; a number, chance or time belongs to spawn add.\n")
	case a.zone:
		w.spawnZone(c, a, words[0] == "add")
	case words[0] == "add":
		w.spawnAdd(c, a)
	default:
		w.spawnRemove(c, a)
	}
}

// spawnAdd adds a spawn of a.npc to c's room, or changes the one there.
func (w *World) spawnAdd(c *Character, a spawnArgs) {
	if w.npcDefs[a.npc] == nil {
		c.send("There is no NPC " + a.npc + ". Type medit for the list.\n")
		return
	}
	room := c.RoomID
	list := w.roomSpawnList(room)
	entry := worldfile.RoomSpawn{NPC: a.npc, Max: a.max, Chance: a.chance, Time: a.time}
	if i := slices.IndexFunc(list, func(s worldfile.RoomSpawn) bool { return s.NPC == a.npc }); i >= 0 {
		list[i] = entry
	} else {
		list = append(list, entry)
	}
	w.changeRoomSpawns(c, room, list, "spawn add "+a.npc, a.now)
}

// spawnRemove removes the room's spawn of a.npc.
func (w *World) spawnRemove(c *Character, a spawnArgs) {
	room := c.RoomID
	list := w.roomSpawnList(room)
	i := slices.IndexFunc(list, func(s worldfile.RoomSpawn) bool { return s.NPC == a.npc })
	if i < 0 {
		if s := w.zoneSpawnOf(room, a.npc); s != nil {
			c.send("The spawn of " + a.npc + " here belongs to the sub-zone (" + s.ID + "); type spawn remove " + a.npc + " zone.\n")
		} else {
			c.send("No spawn of " + a.npc + " is kept for this room. Type places for the list.\n")
		}
		return
	}
	w.changeRoomSpawns(c, room, slices.Delete(list, i, i+1), "spawn remove "+a.npc, a.now)
}

// changeRoomSpawns checks list as the world loader does and makes it the
// room's own spawns, telling c.
func (w *World) changeRoomSpawns(c *Character, room string, list []worldfile.RoomSpawn, what string, now bool) {
	for i := range list {
		list[i] = fileSpawn(list[i])
	}
	after, err := worldfile.CheckRoomSpawns(room, list, func(id string) bool { return w.npcDefs[id] != nil })
	if err != nil {
		c.send("That will not do: " + err.Error() + ".\n")
		return
	}
	before := w.ownerSpawns(room)
	w.setRoomSpawns(room, after, now)
	w.recordEdit(c, what, func() error {
		if !reflect.DeepEqual(w.ownerSpawns(room), after) {
			return errors.New("the room's spawns have changed since")
		}
		w.setRoomSpawns(room, before, false)
		return nil
	})
	c.send(spawnedText(now))
}

// spawnedText tells the builder when a spawn change takes effect.
func spawnedText(now bool) string {
	if now {
		return "Done; the spawns are tried now.\n"
	}
	return "Done; it takes effect as NPCs respawn (add now to try at once).\n"
}

// setRoomSpawns makes list the room's own spawns, in the world and in the
// next batch (the room's "spawns" and its spawn rows).
func (w *World) setRoomSpawns(room string, list []store.NPCSpawn, now bool) {
	w.setOwnerSpawns(room, list, now)
	w.storeRoomAttr(room, "spawns", roomSpawnsJSON(list))
}

// fileSpawn is s as a room file writes it: defaults left out.
func fileSpawn(s worldfile.RoomSpawn) worldfile.RoomSpawn {
	if s.Max == 1 {
		s.Max = 0
	}
	if s.Chance == 1 {
		s.Chance = 0
	}
	if s.Time == store.SpawnAny {
		s.Time = ""
	}
	return s
}

// ownerSpawns returns the spawns in force of a room (its own) or a
// sub-zone, as the store keeps them.
func (w *World) ownerSpawns(owner string) []store.NPCSpawn {
	var out []store.NPCSpawn
	for _, s := range w.spawnsBy[owner] {
		if !s.retired {
			out = append(out, s.NPCSpawn)
		}
	}
	return out
}

// roomSpawnList returns the room's own spawns as its file holds them.
func (w *World) roomSpawnList(room string) []worldfile.RoomSpawn {
	var out []worldfile.RoomSpawn
	for _, s := range w.spawnsBy[room] {
		if !s.retired {
			out = append(out, worldfile.RoomSpawn{NPC: s.NPC, Max: s.Max, Chance: s.Chance, Time: s.Time})
		}
	}
	return out
}

// zoneSpawnOf returns a spawn of npc kept elsewhere (a sub-zone config)
// that may fill room, or nil.
func (w *World) zoneSpawnOf(room, npc string) *spawnState {
	for owner, list := range w.spawnsBy {
		if owner == room {
			continue
		}
		for _, s := range list {
			if s.NPC == npc && !s.retired && slices.Contains(s.Rooms, room) {
				return s
			}
		}
	}
	return nil
}

// setOwnerSpawns makes list (as CheckRoomSpawns or CheckSubZoneSpawns gave
// it) the spawns of owner (a room or a sub-zone), in the world and in the
// next batch's spawn rows. A spawn of an NPC the room
// already spawns keeps its living population (one removed earlier whose
// NPCs are still about comes back to them); a new place is tried after the
// NPC's respawn delay, or at once when now; a removed spawn fills no place
// again, and when now its NPCs leave at once.
func (w *World) setOwnerSpawns(owner string, list []store.NPCSpawn, now bool) {
	old := w.spawnsBy[owner]
	used := make([]bool, len(old))
	next := make([]*spawnState, 0, len(list))
	for _, sp := range list {
		s, places := &spawnState{}, sp.Max
		if j := firstUnused(old, used, sp.NPC); j < 0 {
			w.spawns = append(w.spawns, s) // a reload retires it with the rest
		} else {
			used[j], s = true, old[j]
			places = sp.Max - s.Max
			if s.retired {
				s.retired, places = false, sp.Max-s.alive
			}
		}
		s.NPCSpawn, s.def = sp, w.npcDefs[sp.NPC]
		w.queueSpawn(s, places, now)
		next = append(next, s)
	}
	for j, s := range old {
		if used[j] {
			continue
		}
		s.retired = true
		if now {
			w.clearSpawn(s)
		}
		if s.alive > 0 { // kept, so that undo finds its NPCs again
			next = append(next, s)
		}
	}
	w.fileSpawns(owner, next)
	w.storeSpawns(owner, list)
}

// fileSpawns makes list the spawns kept for owner.
func (w *World) fileSpawns(owner string, list []*spawnState) {
	if len(list) == 0 {
		delete(w.spawnsBy, owner)
		return
	}
	if w.spawnsBy == nil {
		w.spawnsBy = make(map[string][]*spawnState)
	}
	w.spawnsBy[owner] = list
}

// firstUnused is the index of the first spawn of npc in list not yet
// used, one in force before one removed, or -1.
func firstUnused(list []*spawnState, used []bool, npc string) int {
	found := -1
	for i, s := range list {
		if used[i] || s.NPC != npc {
			continue
		}
		if !s.retired {
			return i
		}
		if found < 0 {
			found = i
		}
	}
	return found
}

// queueSpawn schedules n more attempts of s: at once when now, else after
// its respawn delay.
func (w *World) queueSpawn(s *spawnState, n int, now bool) {
	at := w.cfg.Clock.Now()
	if !now {
		at = at.Add(s.def.respawn)
	}
	for range n {
		w.npcQueue.push(npcEvent{at: at.UnixNano(), kind: evSpawn, spawn: s})
	}
}

// clearSpawn takes the living NPCs of a removed spawn out of the world.
func (w *World) clearSpawn(s *spawnState) {
	var leaving []*NPC
	for _, list := range w.npcsIn {
		for _, n := range list {
			if n.spawn == s {
				leaving = append(leaving, n)
			}
		}
	}
	now := w.cfg.Clock.Now()
	for _, n := range leaving {
		w.removeNPC(n, capitalize(n.name())+" is simply no longer there.", now)
	}
}

// roomSpawnsJSON is the room file's "spawns" for list, nil for none.
func roomSpawnsJSON(list []store.NPCSpawn) json.RawMessage {
	if len(list) == 0 {
		return nil
	}
	out := make([]worldfile.RoomSpawn, len(list))
	for i, s := range list {
		out[i] = fileSpawn(worldfile.RoomSpawn{NPC: s.NPC, Max: s.Max, Chance: s.Chance, Time: s.Time})
	}
	raw, _ := json.Marshal(out) // plain values always encode
	return raw
}

// spawnLines lists the spawns that may fill room: its own, and those of
// its sub-zone.
func (w *World) spawnLines(room string) string {
	var b strings.Builder
	for _, s := range w.spawnsBy[room] {
		if !s.retired {
			b.WriteString("  " + spawnLine(s) + "\n")
		}
	}
	owners := make([]string, 0, len(w.spawnsBy))
	for owner := range w.spawnsBy {
		owners = append(owners, owner)
	}
	slices.Sort(owners)
	for _, owner := range owners {
		for _, s := range w.spawnsBy[owner] {
			if owner != room && !s.retired && slices.Contains(s.Rooms, room) {
				b.WriteString("  " + spawnLine(s) + " (the sub-zone's, " + s.ID + ")\n")
			}
		}
	}
	if b.Len() == 0 {
		return "No NPC spawns here.\n"
	}
	return "Spawns here:\n" + b.String()
}

// spawnLine describes a spawn: "ghoul: up to 2, chance 0.7, at night".
func spawnLine(s *spawnState) string {
	line := s.NPC + ": up to " + strconv.Itoa(s.Max)
	if s.Chance < 1 {
		line += ", chance " + strconv.FormatFloat(s.Chance, 'g', -1, 64)
	}
	if s.Time != store.SpawnAny && s.Time != "" {
		line += ", by " + s.Time
	}
	return line + ", " + strconv.Itoa(s.alive) + " about"
}
