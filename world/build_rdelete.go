package world

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"

	"mythosd/store"
)

// rdeleteUsage answers an rdelete the builder got wrong.
const rdeleteUsage = "Usage: rdelete <room id>   deletes a room you are not standing in, and every way into it\n"

// roomDeletion is one rdelete, as undo needs it.
type roomDeletion struct {
	id string
	// steps are the room (after nil) and each room that led to it, its
	// exits there removed.
	steps  []roomStep
	spawns []store.NPCSpawn // the room's own spawns
	zones  []spawnRooms     // the sub-zones' spawns that could fill it
}

// spawnRooms is a sub-zone's spawn whose rooms a deletion changed.
type spawnRooms struct {
	s             *spawnState
	before, after []string
}

// rdeleteMark is what must not change while an rdelete reads the store:
// the rooms builders changed and the cache's resets.
type rdeleteMark struct{ changes, gen uint64 }

// markRooms is the rdeleteMark as it is now.
func (w *World) markRooms() rdeleteMark {
	return rdeleteMark{changes: w.roomsChanged(), gen: w.rooms.gen}
}

// cmdRdelete is "rdelete <room id>": the room leaves the world with its
// placements, its spawns and every exit of another room that leads to it,
// as one change that undo takes back.
func (w *World) cmdRdelete(c *Character, args string) {
	id, ok := w.rdeleteTarget(c, args)
	if !ok {
		return
	}
	w.withRoom(c, id, func(r *Room, err error) {
		switch {
		case errors.Is(err, store.ErrNotFound):
			c.send("No room has the id " + id + ".\n")
		case err != nil:
			c.send(storeTroubleText)
		default:
			w.rdeleteLookup(c, r)
		}
	})
}

// rdeleteTarget reads the room id rdelete was given, or answers c why not.
func (w *World) rdeleteTarget(c *Character, args string) (string, bool) {
	id := strings.TrimSpace(args)
	var why string
	switch {
	case id == "":
		why = rdeleteUsage
	case strings.EqualFold(id, "here") || id == c.RoomID:
		why = "You cannot delete the room you stand in; step out and name it: rdelete <room id>.\n"
	case checkRoomID(id) != nil:
		why = "That is no room id: " + errBadRoomID.Error() + ".\n" + rdeleteUsage
	case id == w.cfg.StartRoom:
		why = "That is where new characters begin and the dead wake; it cannot be deleted.\n"
	default:
		return id, true
	}
	c.send(why)
	return "", false
}

// rdeleteRefusal says why room id cannot be deleted now, or "".
func (w *World) rdeleteRefusal(id string) string {
	switch w.roomOccupant(id, func(it *Item) bool { return !placedHere(it, id) }) {
	case occupiedByCharacter:
		return "someone stands in it"
	case occupiedByNPC:
		return "NPCs are in it; admin slay them, and spawn remove their spawns, first"
	case occupiedByThings:
		return "things lie on its floor; carry them out, or admin purge them there"
	}
	if s := w.pinningSpawn(id); s != nil {
		return "the sub-zone's spawn " + s.ID + " of " + s.NPC + " appears only there; spawn remove " + s.NPC + " zone first"
	}
	return ""
}

// placedHere reports whether it and everything in it were made by the
// placements of room id, so that they go with the room.
func placedHere(it *Item, id string) bool {
	if !strings.HasPrefix(it.origin, id+"#") {
		return false
	}
	for _, in := range it.contents {
		if !placedHere(in, id) {
			return false
		}
	}
	return true
}

// pinningSpawn returns a spawn kept elsewhere (a sub-zone's) that may fill
// room id and no other room, or nil.
func (w *World) pinningSpawn(id string) *spawnState {
	for owner, list := range w.spawnsBy {
		for _, s := range list {
			if owner != id && !s.retired && slices.Equal(s.Rooms, []string{id}) {
				return s
			}
		}
	}
	return nil
}

// rdeleteLookup reads off the loop which rooms lead to room r, loads them,
// and finishes the deletion on the loop.
func (w *World) rdeleteLookup(c *Character, r *Room) {
	if why := w.rdeleteRefusal(r.ID); why != "" {
		c.send("You cannot delete " + r.Name + ": " + why + ".\n")
		return
	}
	id, mark, st := r.ID, w.markRooms(), w.cfg.Store
	local := w.unsentLeadingTo(id)
	w.async(c, storeTimeout, func(ctx context.Context) func() {
		ids, err := st.RoomsLeadingTo(ctx, id)
		return func() {
			if err != nil {
				w.log.Error("read the rooms leading to a room", "room", id, "err", err)
				c.send(storeTroubleText)
				return
			}
			ids = slices.DeleteFunc(slices.Compact(slices.Sorted(slices.Values(append(ids, local...)))),
				func(from string) bool { return from == id })
			w.withRooms(c, ids, nil, func(from []*Room, err error) { w.rdeleteFinish(c, r, mark, from, err) })
		}
	})
}

// unsentLeadingTo lists the rooms changed since the last hand-off (so not
// yet in the store's sight) that lead to room id.
func (w *World) unsentLeadingTo(id string) []string {
	var out []string
	for from, e := range w.built.edits {
		if !e.Deleted && slices.ContainsFunc(e.Room.Exits, func(x store.Exit) bool { return x.Target == id }) {
			out = append(out, from)
		}
	}
	return out
}

// withRooms runs fn with the rooms ids, loaded (in c's name) when not
// cached; a room gone since it was listed is left out.
func (w *World) withRooms(c *Character, ids []string, got []*Room, fn func([]*Room, error)) {
	if len(ids) == 0 {
		fn(got, nil)
		return
	}
	w.withRoom(c, ids[0], func(r *Room, err error) {
		switch {
		case errors.Is(err, store.ErrNotFound):
			w.withRooms(c, ids[1:], got, fn)
		case err != nil:
			fn(nil, err)
		default:
			w.withRooms(c, ids[1:], append(got, r), fn)
		}
	})
}

// rdeleteFinish deletes room r, and the exits of the rooms from that lead
// to it, unless the rooms changed since mark or r can no longer go.
func (w *World) rdeleteFinish(c *Character, r *Room, mark rdeleteMark, from []*Room, err error) {
	switch {
	case err != nil:
		c.send(storeTroubleText)
		return
	case w.reload.Running:
		c.send(reloadBusyText)
		return
	case w.markRooms() != mark:
		c.send("The world changed while the ways into " + r.Name + " were looked up; type rdelete again.\n")
		return
	}
	if why := w.rdeleteRefusal(r.ID); why != "" {
		c.send("You cannot delete " + r.Name + ": " + why + ".\n")
		return
	}
	d, err := w.planDeletion(r, from)
	if err != nil {
		tellErr(c, err)
		return
	}
	w.applyDeletion(d)
	w.recordEdit(c, "rdelete "+r.Name+" ("+r.ID+")", func() error { return w.undoDeletion(d) })
	c.send("You delete " + r.Name + " (" + r.ID + ")" + waysText(len(d.steps)-1) + ".\n")
}

// waysText tells how many other rooms lost their way in.
func waysText(n int) string {
	switch n {
	case 0:
		return "; no other room led there"
	case 1:
		return " and the way into it from 1 other room"
	}
	return " and the ways into it from " + strconv.Itoa(n) + " other rooms"
}

// planDeletion is the deletion of r: r goes, and each room of from loses
// its exits to r.
func (w *World) planDeletion(r *Room, from []*Room) (*roomDeletion, error) {
	id := r.ID
	if cur, ok := w.rooms.peek(id); ok {
		r = cur
	}
	d := &roomDeletion{id: id, steps: []roomStep{{id: id, before: r}}, spawns: w.ownerSpawns(id)}
	for _, f := range from {
		if cur, ok := w.rooms.peek(f.ID); ok {
			f = cur
		}
		sr := copyStoredRoom(f.Room)
		n := len(sr.Exits)
		if sr.Exits = slices.DeleteFunc(sr.Exits, func(e store.Exit) bool { return e.Target == id }); len(sr.Exits) == n {
			continue
		}
		next, err := rebuilt(f, sr)
		if err != nil {
			return nil, errors.New("that would leave " + f.Name + " unreadable: " + err.Error())
		}
		d.steps = append(d.steps, roomStep{id: f.ID, before: f, after: next})
	}
	for _, list := range w.spawnsBy {
		for _, s := range list {
			if !s.retired && spawnOwner(s.ID) != id && slices.Contains(s.Rooms, id) {
				after := slices.DeleteFunc(slices.Clone(s.Rooms), func(room string) bool { return room == id })
				d.zones = append(d.zones, spawnRooms{s: s, before: s.Rooms, after: after})
			}
		}
	}
	return d, nil
}

// applyDeletion makes deletion d in the live world and the next batch:
// what the room's placements made goes, its spawns fill no more places,
// the sub-zones' spawns no longer pick it, and the rooms change.
func (w *World) applyDeletion(d *roomDeletion) {
	if f := w.floors[d.id]; f != nil {
		for _, it := range slices.Clone(f.items) {
			w.destroy(it)
		}
	}
	w.setOwnerSpawns(d.id, nil, false)
	for _, z := range d.zones {
		w.setSpawnRooms(z.s, z.after)
	}
	delete(w.resetQueued, d.id)
	for _, s := range d.steps {
		w.setRoom(s.id, s.after)
	}
}

// undoDeletion puts the room of d back with its placements and spawns, and
// the exits that led to it, unless one of those rooms or spawns changed.
func (w *World) undoDeletion(d *roomDeletion) error {
	for _, z := range d.zones {
		if z.s.retired || !slices.Equal(z.s.Rooms, z.after) {
			return errors.New("the sub-zone's spawns have changed since")
		}
	}
	if err := w.revertRooms(d.steps); err != nil {
		return err
	}
	w.setOwnerSpawns(d.id, d.spawns, false)
	for _, z := range d.zones {
		w.setSpawnRooms(z.s, z.before)
	}
	return nil
}

// setSpawnRooms makes rooms where spawn s may appear, in the world and in
// the next batch's spawn rows of its owner.
func (w *World) setSpawnRooms(s *spawnState, rooms []string) {
	s.Rooms = rooms
	owner := spawnOwner(s.ID)
	w.storeSpawns(owner, w.ownerSpawns(owner))
}
