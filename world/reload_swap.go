package world

import (
	"slices"
	"time"

	"mythosd/store"
)

// swapWorld puts an imported world in place of the live one, on the loop,
// while players stay connected: the room cache is emptied so that rooms
// come again from the store (places keep who stands in them), item
// prototypes, NPC definitions and spawns are replaced, the NPCs of the old
// spawns and those in removed rooms leave, and builders' undo stacks are
// dropped (they would write the old world back). Once the start room has
// arrived, the characters and floor items of removed rooms move there and
// done is called with how many of each moved. Loop only.
func (w *World) swapWorld(res WorldReload, done func(chars, items int)) {
	now := w.cfg.Clock.Now()
	rooms := make(map[string]bool, len(res.World.Rooms))
	for _, r := range res.World.Rooms {
		rooms[r.ID] = true
	}
	w.rooms.reset()
	w.edits.byChar = nil
	w.zoneSpawns = nil // the reloaded configs are the store's
	w.swapProtos(res.World.Items)
	w.swapNPCs(res.World, rooms, now)
	loaded := make(map[string]bool, len(w.floors))
	for id, f := range w.floors {
		loaded[id] = true
		f.stale = rooms[id]
	}
	for id := range w.places {
		if rooms[id] {
			w.rooms.get(id, func(r *Room, err error) { w.refreshPlace(id, r, err) })
		}
	}
	w.rooms.get(w.cfg.StartRoom, func(start *Room, err error) {
		if err != nil {
			w.log.Error("world reload: the start room will not load; characters and items stay in removed rooms",
				"room", w.cfg.StartRoom, "err", err)
			done(0, 0)
			return
		}
		chars := w.evacuate(rooms, start)
		items := w.rehomeFloors(rooms, start.ID)
		items += w.adoptMoved(res.Moved, loaded, start.ID)
		done(chars, items)
	})
}

// refreshPlace gives the place of room id the room as reloaded.
func (w *World) refreshPlace(id string, r *Room, err error) {
	if p := w.places[id]; p != nil && err == nil {
		p.room = r
	}
}

// swapProtos makes list the item prototypes in force. Items of a
// prototype the list keeps take its new form; items of one it drops keep
// their old one until they leave the world.
func (w *World) swapProtos(list []store.ItemProto) {
	protos := make(map[string]*proto, len(list)+1)
	for _, p := range list {
		protos[p.ID] = newProto(p)
	}
	if protos[corpseProtoID] == nil {
		protos[corpseProtoID] = w.protos[corpseProtoID]
	}
	for _, it := range w.items {
		if p := protos[it.proto.ID]; p != nil {
			it.proto = p
		}
	}
	w.protos = protos
}

// swapNPCs retires the spawns in force and the NPCs that fill them, and
// those an admin made in rooms the new world lacks, then installs the new
// definitions and spawns, which fill anew from the next tick.
func (w *World) swapNPCs(sw store.World, rooms map[string]bool, now time.Time) {
	for _, s := range w.spawns {
		s.retired = true
	}
	var leaving []*NPC
	for _, list := range w.npcsIn {
		for _, n := range list {
			if n.spawn != nil || !rooms[n.room] {
				leaving = append(leaving, n)
			}
		}
	}
	for _, n := range leaving {
		w.removeNPC(n, capitalize(n.name())+" fades like a dream on waking.", now)
	}
	w.installNPCs(sw.NPCs, sw.Spawns, now)
}

// evacuate moves the characters standing in rooms the world no longer has
// to start, telling them, and returns how many moved.
func (w *World) evacuate(rooms map[string]bool, start *Room) int {
	var gone []*Character
	for id, p := range w.places {
		if !rooms[id] {
			gone = append(gone, p.chars...)
		}
	}
	slices.SortFunc(gone, func(a, b *Character) int { return int(a.ID - b.ID) })
	for _, c := range gone {
		c.notify(paint(styleSystem, "The world shifts; the place where you stood is no more. You come to yourself elsewhere."))
		w.relocate(c, start, c.Name+" fades with the vanishing place.", c.Name+" stumbles in, blinking, from a place that is no more.")
	}
	return len(gone)
}

// rehomeFloors moves what lies on loaded floors of removed rooms to the
// floor of start, as dropped there now (so it is swept away in time),
// forgets those floors and returns how many items moved.
func (w *World) rehomeFloors(rooms map[string]bool, start string) int {
	moved := 0
	for id, f := range w.floors {
		if rooms[id] {
			continue
		}
		for _, it := range slices.Clone(f.items) {
			w.moveItem(it, floorOf(start))
			it.origin = ""
			w.markDropped(it)
			moved++
		}
		delete(w.floors, id)
	}
	return moved
}

// adoptMoved brings into the start room's floor the items the import
// moved there from floors that were not loaded (loaded ones moved in
// memory), unless the start room's load brought them already, and returns
// how many there were.
func (w *World) adoptMoved(moved []store.ItemState, loaded map[string]bool, start string) int {
	var recs []store.ItemState
	n := 0
	for _, rec := range moved {
		if rec.Place == store.PlaceRoom && loaded[rec.Holder] {
			continue
		}
		if rec.Place == store.PlaceRoom {
			n++
		}
		recs = append(recs, rec)
	}
	made := w.adoptItems(recs, func(rec store.ItemState) (itemPlace, bool) {
		return floorOf(start), rec.Place == store.PlaceRoom
	})
	for _, it := range made {
		if it.where == onFloor {
			it.origin = ""
			w.markDropped(it)
		}
	}
	return n
}

// refreshFloor takes a reloaded room's placements and reset interval for
// its floor, loaded before the reload, and brings what the new placements
// lack at once. Loop only.
func (w *World) refreshFloor(f *floor, r *Room) {
	if !f.stale {
		return
	}
	f.stale = false
	hadResets := len(f.placements) > 0
	f.placements, f.resetEvery = r.placements, r.resetEvery
	if len(f.placements) > 0 && !hadResets {
		w.due.add(w.cfg.Clock.Now().Add(f.resetEvery), dueReset, r.ID, 0)
	}
	w.resetFloor(f)
	r.floorItems = nil
}
