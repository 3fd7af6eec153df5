package world

import (
	"context"
	"encoding/json"
	"errors"
	"slices"

	"mythosd/store"
	"mythosd/world/worldfile"
)

// spawnZone is "spawn add|remove <npc> ... zone": a spawn of the room's
// sub-zone that may appear in any of its rooms, kept in the sub-zone's
// config. The config and the sub-zone's rooms are read off the loop; the
// change is made when they come back.
func (w *World) spawnZone(c *Character, a spawnArgs, add bool) {
	if add && w.npcDefs[a.npc] == nil {
		c.send("There is no NPC " + a.npc + ". Type medit for the list.\n")
		return
	}
	r, ok := w.rooms.peek(c.RoomID)
	if !ok {
		c.send("This room has not finished loading; try again in a moment.\n")
		return
	}
	plane, zone, sub := r.Plane, r.Zone, r.SubZone // the room stays the loop's
	owner := worldfile.ZoneID(plane, zone, sub)
	st := w.cfg.Store
	w.async(c, storeTimeout, func(ctx context.Context) func() {
		z, err := st.Zone(ctx, owner)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			return func() { c.send(storeTroubleText) }
		}
		rooms, err := st.SubZoneRooms(ctx, plane, zone, sub)
		if err != nil {
			return func() { c.send(storeTroubleText) }
		}
		return func() { w.changeZoneSpawns(c, owner, z.Attributes, rooms, a, add) }
	})
}

// zoneSpawnEdit is a sub-zone's spawns before and after a change: the
// config's entries as the file holds them, and as the store keeps them.
type zoneSpawnEdit struct {
	owner                 string
	rawBefore, rawAfter   []json.RawMessage
	before, after         []store.NPCSpawn
	beforeJSON, afterJSON json.RawMessage
	isNPC                 func(string) bool
	what                  string
	now                   bool
}

// changeZoneSpawns makes the change to the sub-zone's spawns (config is its
// config as stored, rooms its rooms) and tells c.
func (w *World) changeZoneSpawns(c *Character, owner, config string, rooms []string, a spawnArgs, add bool) {
	if w.reload.Running { // began while the config was read
		c.send(reloadBusyText)
		return
	}
	e := &zoneSpawnEdit{owner: owner, now: a.now, isNPC: func(id string) bool { return w.npcDefs[id] != nil }}
	if !w.readZoneSpawns(c, e, config, rooms) || !e.change(c, a, add, rooms) {
		return
	}
	e.beforeJSON, e.afterJSON = spawnsJSON(e.rawBefore), spawnsJSON(e.rawAfter)
	w.setZoneSpawns(owner, e.after, e.afterJSON, e.now)
	w.recordEdit(c, e.what, func() error {
		if !sameSpawns(w.ownerSpawns(owner), e.after) {
			return errors.New("the sub-zone's spawns have changed since")
		}
		w.setZoneSpawns(owner, e.before, e.beforeJSON, false)
		return nil
	})
	c.send(spawnedText(e.now))
}

// readZoneSpawns fills e's before from the sub-zone's config as kept (with
// the spawns the loop last set there, which may not have reached the store
// yet), answering c and reporting false
// when it will not do or the live spawns differ from it.
func (w *World) readZoneSpawns(c *Character, e *zoneSpawnEdit, config string, rooms []string) bool {
	var err error
	if v, set := w.zoneSpawns[e.owner]; set {
		config, err = store.SetConfigKey(config, "spawns", v)
	}
	if err != nil {
		c.send("The sub-zone's config as kept will not do (" + err.Error() + "); mend it in the world files.\n")
		return false
	}
	if e.rawBefore, err = configSpawns(config); err == nil {
		e.before, err = worldfile.CheckSubZoneSpawns(e.owner, e.rawBefore, rooms, e.isNPC)
	}
	switch {
	case err != nil:
		c.send("The sub-zone's spawns as kept will not do (" + err.Error() + "); mend them in the world files.\n")
		return false
	case !sameSpawns(e.before, w.ownerSpawns(e.owner)):
		c.send("The sub-zone's spawns changed meanwhile; try again.\n")
		return false
	}
	return true
}

// change fills e's after: a's spawn added (or replaced) or removed, checked
// as the loader checks a sub-zone's spawns; it answers c and reports false
// when that will not do.
func (e *zoneSpawnEdit) change(c *Character, a spawnArgs, add bool, rooms []string) bool {
	i := slices.IndexFunc(e.rawBefore, func(raw json.RawMessage) bool { return wholeZoneSpawnOf(raw, a.npc) })
	e.rawAfter = slices.Clone(e.rawBefore)
	switch {
	case add:
		entry, _ := json.Marshal(fileSpawn(worldfile.RoomSpawn{NPC: a.npc, Max: a.max, Chance: a.chance, Time: a.time}))
		if i >= 0 {
			e.rawAfter[i] = entry
		} else {
			e.rawAfter = append(e.rawAfter, entry)
		}
		e.what = "spawn add " + a.npc + " zone"
	case i < 0:
		c.send("No spawn of " + a.npc + " for the whole sub-zone is kept. Type places for the list.\n")
		return false
	default:
		e.rawAfter = slices.Delete(e.rawAfter, i, i+1)
		e.what = "spawn remove " + a.npc + " zone"
	}
	var err error
	if e.after, err = worldfile.CheckSubZoneSpawns(e.owner, e.rawAfter, rooms, e.isNPC); err != nil {
		c.send("That will not do: " + err.Error() + ".\n")
		return false
	}
	return true
}

// setZoneSpawns makes list the sub-zone's spawns, in the world and in the
// next batch (its config's "spawns", raw, and its spawn rows).
func (w *World) setZoneSpawns(owner string, list []store.NPCSpawn, raw json.RawMessage, now bool) {
	w.setOwnerSpawns(owner, list, now)
	w.storeZoneAttr(owner, "spawns", raw)
	if w.zoneSpawns == nil {
		w.zoneSpawns = make(map[string]json.RawMessage)
	}
	w.zoneSpawns[owner] = raw
}

// configSpawns returns the entries of a config's "spawns", as written.
func configSpawns(config string) ([]json.RawMessage, error) {
	if config == "" {
		return nil, nil
	}
	var obj struct {
		Spawns []json.RawMessage `json:"spawns"`
	}
	if err := json.Unmarshal([]byte(config), &obj); err != nil {
		return nil, errors.New("spawns: must be a list of objects")
	}
	return obj.Spawns, nil
}

// wholeZoneSpawnOf reports whether a sub-zone spawn entry is of npc and
// names no room: it may fill any room of the sub-zone.
func wholeZoneSpawnOf(raw json.RawMessage, npc string) bool {
	var sp struct {
		NPC  string `json:"npc"`
		Room string `json:"room"`
	}
	return json.Unmarshal(raw, &sp) == nil && sp.NPC == npc && sp.Room == ""
}

// spawnsJSON is a config's "spawns" for list, nil for none.
func spawnsJSON(list []json.RawMessage) json.RawMessage {
	if len(list) == 0 {
		return nil
	}
	raw, _ := json.Marshal(list) // raw values from JSON always encode
	return raw
}

// sameSpawns reports whether two lists hold the same spawns, whatever
// rooms they were resolved to (the sub-zone may have gained a room).
func sameSpawns(a, b []store.NPCSpawn) bool {
	return slices.EqualFunc(a, b, func(x, y store.NPCSpawn) bool {
		return x.ID == y.ID && x.NPC == y.NPC && x.Max == y.Max && x.Chance == y.Chance && x.Time == y.Time
	})
}
