package world

import (
	"cmp"
	"errors"
	"fmt"
	"slices"

	"mythosd/store"
)

// roomBuild is what the loop keeps of rooms built in the game. Loop-owned.
type roomBuild struct {
	// edits are the rooms changed since the last hand-off, for its batch.
	edits map[string]store.RoomEdit
	// dug are the ids of rooms made in the game since start, so that two
	// digs never pick one id before the store knows the first.
	dug map[string]bool
	// changes counts the rooms set or removed since start.
	changes uint64
}

// roomStep is one room of a builder's change: the room as it was and as it
// becomes; nil is "no such room".
type roomStep struct {
	id            string
	before, after *Room
}

// changeRooms applies a builder's change of one or more rooms to the live
// world and the next batch, and records it for undo as what. Loop only.
func (w *World) changeRooms(c *Character, what string, steps ...roomStep) {
	for _, s := range steps {
		w.setRoom(s.id, s.after)
	}
	w.recordEdit(c, what, func() error { return w.revertRooms(steps) })
}

// revertRooms puts the rooms of a change back as they were, unless one of
// them is no longer as the change left it, or a room it made cannot go.
func (w *World) revertRooms(steps []roomStep) error {
	for _, s := range steps {
		if err := w.stillAsLeft(s); err != nil {
			return err
		}
		if s.before == nil {
			if name, ok := w.exitInto(s.id, steps); ok {
				return fmt.Errorf("%s has an exit into it since; take that away first", name)
			}
		}
	}
	for _, s := range steps {
		w.setRoom(s.id, w.restored(s))
	}
	return nil
}

// restored is the room a step's undo puts back: as it was before, but with
// what place and spawn own (the placements, its attributes' items and
// spawns) as they stand now, since those changes have undos of their own.
func (w *World) restored(s roomStep) *Room {
	cur, ok := w.rooms.peek(s.id)
	if s.before == nil || !ok {
		return s.before
	}
	sr := s.before.Room
	sr.Exits = slices.Clone(sr.Exits)
	for _, key := range placeAttrs() {
		v, err := store.Attribute(cur.Attributes, key)
		if err == nil {
			sr.Attributes, err = store.SetAttribute(sr.Attributes, key, v)
		}
		if err != nil {
			w.log.Error("carry a room's attribute over its undo", "room", s.id, "key", key, "err", err)
			return s.before
		}
	}
	r, err := rebuilt(cur, sr)
	if err != nil {
		w.log.Error("rebuild a room for undo", "room", s.id, "err", err)
		return s.before
	}
	return r
}

// stillAsLeft reports, as an error, why a step cannot be taken back: the
// room changed since, or (for a room the step made) something is in it.
func (w *World) stillAsLeft(s roomStep) error {
	cur, ok := w.rooms.peek(s.id)
	switch {
	case s.after == nil && ok:
		return fmt.Errorf("%s has been made again since", s.id)
	case s.after == nil:
		return nil
	case !ok:
		return fmt.Errorf("%s is gone from the world since", s.after.Name)
	case !store.SameRoom(cur.Room, s.after.Room):
		return fmt.Errorf("%s has been changed since", cur.Name)
	case s.before == nil:
		return w.canRemoveRoom(s.id)
	}
	return nil
}

// occupant is what keeps a room from leaving the world.
type occupant int

const (
	unoccupied occupant = iota
	occupiedByCharacter
	occupiedByNPC
	occupiedByThings
)

// roomOccupant says who or what is in room id, first found first: a
// character, an NPC, or an item on its floor that counts (loose).
func (w *World) roomOccupant(id string, loose func(*Item) bool) occupant {
	switch {
	case w.places[id] != nil && len(w.places[id].chars) > 0:
		return occupiedByCharacter
	case len(w.npcsIn[id]) > 0:
		return occupiedByNPC
	case w.floors[id] != nil && slices.ContainsFunc(w.floors[id].items, loose):
		return occupiedByThings
	}
	return unoccupied
}

// canRemoveRoom reports why room id cannot leave the world: someone, an
// NPC or an item is in it.
func (w *World) canRemoveRoom(id string) error {
	switch w.roomOccupant(id, func(*Item) bool { return true }) {
	case occupiedByCharacter:
		return errors.New("someone is in it")
	case occupiedByNPC:
		return errors.New("something lives in it")
	case occupiedByThings:
		return errors.New("things lie in it")
	}
	if r, ok := w.rooms.peek(id); ok {
		for _, key := range placeAttrs() {
			if v, err := store.Attribute(r.Attributes, key); err != nil || v != nil {
				return errors.New(key + " are placed in it since; take them away first (places lists them)")
			}
		}
	}
	return nil
}

// exitInto finds a room outside steps whose exit leads into room id. Every
// room a builder has changed stays cached (see setRoom), and a room made in
// the game can only have been linked to by such a change, so the cache
// holds every room that could.
func (w *World) exitInto(id string, steps []roomStep) (string, bool) {
	for other, item := range w.rooms.items.Items() {
		if slices.ContainsFunc(steps, func(s roomStep) bool { return s.id == other }) {
			continue
		}
		if r := item.Object.(*Room); slices.ContainsFunc(r.Exits, func(e store.Exit) bool { return e.Target == id }) {
			return r.Name, true
		}
	}
	return "", false
}

// setRoom makes r room id in the live world (nil removes it) and in the
// next batch. An edited room stays cached for good, so that undo finds it
// and no load replaces it with what the store held before the commit.
func (w *World) setRoom(id string, r *Room) {
	if w.built.edits == nil {
		w.built.edits = make(map[string]store.RoomEdit)
	}
	w.built.changes++
	if r == nil {
		w.rooms.remove(id)
		delete(w.floors, id)
		w.built.edits[id] = store.RoomEdit{Room: store.Room{ID: id}, Deleted: true}
		return
	}
	w.rooms.set(r)
	if p := w.places[id]; p != nil {
		p.room = r
	}
	if _, ok := w.floors[id]; !ok {
		w.installFloor(r)
	}
	w.built.edits[id] = store.RoomEdit{Room: r.Room}
}

// roomsChanged counts the rooms set or removed by builders; a change that
// reads the store first compares it before and after. Loop only.
func (w *World) roomsChanged() uint64 { return w.built.changes }

// takeRoomEdits returns the room edits since the last hand-off, for its
// batch, and forgets them.
func (w *World) takeRoomEdits() map[string]store.RoomEdit {
	edits := w.built.edits
	w.built.edits = nil
	return edits
}

// rebuilt is room old with its stored part replaced by sr: built from the
// same zones, with old's placements, and fresh memos. No I/O.
func rebuilt(old *Room, sr store.Room) (*Room, error) {
	slices.SortStableFunc(sr.Exits, func(a, b store.Exit) int {
		return cmp.Compare(directionRank(a.Direction), directionRank(b.Direction))
	})
	r, err := buildRoom(sr, old.zones)
	if err != nil {
		return nil, err
	}
	r.placements, r.resetEvery = old.placements, old.resetEvery
	return r, nil
}

// editRoom changes room r as edit says (on a copy of its stored part) and
// applies it as c's change, recorded as what. It answers c with done, or
// with why the change cannot be made.
func (w *World) editRoom(c *Character, r *Room, what, done string, edit func(sr *store.Room) error) {
	if !w.mayBuild(c) {
		return
	}
	sr := copyStoredRoom(r.Room)
	if err := edit(&sr); err != nil {
		tellErr(c, err)
		return
	}
	next, err := rebuilt(r, sr)
	if err != nil {
		c.send("That would leave the room unreadable: " + err.Error() + ".\n")
		return
	}
	w.changeRooms(c, what, roomStep{id: r.ID, before: r, after: next})
	c.send(done + "\n")
}

// mayBuild reports whether c's change may be applied now, answering c
// when not: a change that finishes after a store read or a room load
// (dig, links, the editor's save) is checked again as it lands, since a
// world reload may have begun meanwhile (whose import the change could
// overwrite) or c may have lost the builder's role.
func (w *World) mayBuild(c *Character) bool {
	switch {
	case !c.may(store.RoleBuilder):
		c.send("You are no longer a builder; the change is not made.\n")
		return false
	case w.reload.Running:
		c.send(reloadBusyText)
		return false
	}
	return true
}

// copyStoredRoom copies a stored room deeply enough to change its exits.
func copyStoredRoom(r store.Room) store.Room {
	exits := make([]store.Exit, len(r.Exits))
	for i, e := range r.Exits {
		e.Flags = append([]string(nil), e.Flags...)
		exits[i] = e
	}
	r.Exits = exits
	return r
}

// directionRank is dir's place in the order rooms show exits.
func directionRank(dir string) int {
	return slices.IndexFunc(directions(), func(d direction) bool { return d.name == dir })
}
