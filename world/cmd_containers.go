package world

import (
	"strconv"
	"strings"

	"mythosd/store"
)

// findContainer finds a container c can reach, answering c when none.
func (w *World) findContainer(c *Character, args string) *Item {
	box := findOne(c, w.reachable(c), args, "here")
	if box != nil && !box.proto.isContainer() {
		c.send(capitalize(box.name()) + " holds nothing; it is no container.\n")
		return nil
	}
	return box
}

// closedWhy says why box cannot be reached into, or "".
func closedWhy(box *Item) string {
	switch box.state {
	case stateClosed:
		return capitalize(box.name()) + " is closed."
	case stateLocked:
		return capitalize(box.name()) + " is locked."
	case stateSealed:
		return capitalize(box.name()) + " is sealed."
	}
	return ""
}

// insideText lists what box holds, if c can see in.
func (w *World) insideText(box *Item) string {
	if why := closedWhy(box); why != "" {
		return why + "\n"
	}
	if len(box.contents) == 0 {
		return capitalize(box.name()) + " is empty.\n"
	}
	return capitalize(box.name()) + " holds:\n" + listLines(box.contents)
}

// lookIn shows what a container holds.
func (w *World) lookIn(c *Character, args string) {
	if box := w.findContainer(c, args); box != nil {
		c.send(w.insideText(box))
		if closedWhy(box) == "" {
			w.sendContents(c, box)
		}
	}
}

// getFrom takes things out of a container.
func (w *World) getFrom(c *Character, what, from string) {
	box := w.findContainer(c, from)
	if box == nil {
		return
	}
	why := closedWhy(box)
	if why == "" {
		why = w.lootBarred(c, box)
	}
	if why != "" {
		c.send(why + "\n")
		return
	}
	q, ok := query(c, what)
	if !ok {
		return
	}
	found, ok := q.pick(box.contents)
	if !ok {
		c.send(capitalize(box.name()) + " holds no " + q.what() + ".\n")
		return
	}
	took, why := w.takeAll(c, found, box.owner() != c)
	w.reportTaken(c, took, why, "You take ", " takes ", " from "+box.name())
}

// cmdPut puts things from the inventory into a container.
func (w *World) cmdPut(c *Character, args string) {
	what, into, ok := cutWord(args, "in")
	if !ok {
		if what, into, ok = cutWord(args, "into"); !ok {
			c.send("Put what in what? put tonic in satchel\n")
			return
		}
	}
	box := w.findContainer(c, into)
	if box == nil {
		return
	}
	if why := closedWhy(box); why != "" {
		c.send(why + "\n")
		return
	}
	q, ok := query(c, what)
	if !ok {
		return
	}
	found, ok := q.pick(c.inv)
	if q.all {
		found = removeItem(found, box) // "all" never means the container itself
	}
	if !ok || len(found) == 0 {
		c.send("You carry no " + q.what() + " to put in " + box.name() + ".\n")
		return
	}
	put, why := moveEach(found, func(it *Item) string { return cannotPut(it, box) },
		func(it *Item) { w.moveItem(it, insideOf(box)) })
	if len(put) > 0 {
		names := groupNames(put)
		c.send("You put " + names + " in " + box.name() + ".\n")
		w.tellRoom(c.RoomID, c, c.Name+" puts "+names+" in "+box.name()+".")
	}
	if why != "" {
		c.send(why + "\n")
	}
}

// cannotPut says why it cannot go into box, or "".
func cannotPut(it, box *Item) string {
	spec := box.proto.Container
	switch {
	case it.holds(box):
		return "You cannot put " + it.name() + " inside itself."
	case it.proto.isContainer() && (box.in != nil || it.height() > 0):
		return "Containers nest two deep at most: " + it.name() + " will not go in " + box.name() + "."
	case box.in != nil && box.in.in != nil:
		return "Containers nest two deep at most."
	case !wouldStack(box.contents, it) && stackCount(box.contents) >= spec.Capacity:
		return capitalize(box.name()) + " is full."
	case spec.MaxWeight > 0 && box.weight()-box.proto.Weight+it.weight() > spec.MaxWeight:
		return capitalize(box.name()) + " cannot hold that much weight."
	case box.floorRoom() != "" && it.proto.has(flagNoDrop):
		return "You cannot bring yourself to leave " + it.name() + " behind."
	case box.floorRoom() != "" && it.cursed():
		return capitalize(it.name()) + " clings to you; a curse holds it."
	}
	return ""
}

// cmdOpen opens a container.
func (w *World) cmdOpen(c *Character, args string) {
	box := w.findContainer(c, args)
	if box == nil {
		return
	}
	switch {
	case !box.proto.Container.Closable:
		c.send(capitalize(box.name()) + " does not open or close.\n")
	case box.state == stateOpen:
		c.send(capitalize(box.name()) + " is already open.\n")
	case box.state == stateSealed && !c.Admin:
		c.send(capitalize(box.name()) + " is sealed; only the keepers of this place may open it.\n")
	case box.state == stateLocked:
		c.send(capitalize(box.name()) + " is locked.\n")
	default:
		w.setState(c, box, stateOpen, "open")
	}
}

// cmdClose closes a container.
func (w *World) cmdClose(c *Character, args string) {
	box := w.findContainer(c, args)
	if box == nil {
		return
	}
	switch {
	case !box.proto.Container.Closable:
		c.send(capitalize(box.name()) + " does not open or close.\n")
	case box.state != stateOpen:
		c.send(capitalize(box.name()) + " is already shut.\n")
	default:
		w.setState(c, box, stateClosed, "close")
	}
}

// setState changes a container's state and tells the room.
func (w *World) setState(c *Character, box *Item, st uint8, verb string) {
	box.state = st
	w.markItem(box)
	c.send("You " + verb + " " + box.name() + ".\n")
	w.tellRoom(c.RoomID, c, c.Name+" "+verb+"s "+box.name()+".")
}

// hasKey reports whether c carries a key that fits lock id.
func (c *Character) hasKey(id string) bool {
	found := false
	c.eachItem(func(it *Item) {
		if it.proto.KeyID != "" && it.proto.KeyID == id {
			found = true
		}
	})
	return found
}

// cmdLock locks a container or a door with its key.
func (w *World) cmdLock(c *Character, args string) { w.lockOrUnlock(c, args, true) }

// cmdUnlock unlocks a container or a door with its key.
func (w *World) cmdUnlock(c *Character, args string) { w.lockOrUnlock(c, args, false) }

func (w *World) lockOrUnlock(c *Character, args string, lock bool) {
	if dir, ok := parseDirection(strings.ToLower(strings.TrimSpace(args))); ok {
		w.lockExit(c, dir, lock)
		return
	}
	box := w.findContainer(c, args)
	if box == nil {
		return
	}
	key := box.proto.Container.Key
	switch {
	case box.state == stateSealed && !c.Admin:
		c.send(capitalize(box.name()) + " is sealed; no key of yours will turn in it.\n")
	case box.state == stateSealed:
		w.setState(c, box, stateClosed, "unseal")
	case key == "":
		c.send(capitalize(box.name()) + " has no lock.\n")
	case lock && box.state == stateLocked, !lock && box.state != stateLocked:
		c.send(capitalize(box.name()) + " is already " + map[bool]string{true: "locked", false: "unlocked"}[lock] + ".\n")
	case lock && box.state == stateOpen:
		c.send("Close " + box.name() + " first.\n")
	case !c.hasKey(key):
		c.send("You have no key that fits " + box.name() + ".\n")
	case lock:
		w.setState(c, box, stateLocked, "lock")
	default:
		w.setState(c, box, stateClosed, "unlock")
	}
}

// lockExit locks or unlocks the locked exit in direction dir of c's room.
func (w *World) lockExit(c *Character, dir string, lock bool) {
	w.withRoom(c, c.RoomID, func(r *Room, err error) {
		if err != nil {
			w.showRoomOrFog(c, r, err)
			return
		}
		e, ok := r.Exit(dir)
		f := w.floorFor(r.ID)
		switch {
		case !ok:
			c.send("There is no way " + dir + " to lock or unlock.\n")
		case !e.Has(store.ExitLocked):
			c.send("The way " + dir + " has no lock.\n")
		case e.Key == "":
			c.send("The way " + dir + " is barred past any key.\n")
		case lock != f.unlocked[dir]:
			c.send("The way " + dir + " is already " + map[bool]string{true: "locked", false: "unlocked"}[lock] + ".\n")
		case !c.hasKey(e.Key):
			c.send("You have no key that fits the way " + dir + ".\n")
		default:
			f.setUnlocked(dir, !lock)
			w.sameDoorBeyond(r.ID, e, !lock)
			verb := map[bool]string{true: "lock", false: "unlock"}[lock]
			c.send("You " + verb + " the way " + dir + ".\n")
			w.tellRoom(c.RoomID, c, c.Name+" "+verb+"s the way "+dir+".")
		}
	})
}

// setUnlocked marks the locked exit in direction dir open or shut.
func (f *floor) setUnlocked(dir string, open bool) {
	if f.unlocked == nil {
		f.unlocked = map[string]bool{}
	}
	f.unlocked[dir] = open
}

// sameDoorBeyond opens or shuts the other side of a door: the exit of the
// room beyond that leads back with the same key (when that room is loaded;
// otherwise its side keeps its own state until its reset).
func (w *World) sameDoorBeyond(from string, e store.Exit, open bool) {
	beyond, ok := w.rooms.peek(e.Target)
	if !ok {
		return
	}
	for _, back := range beyond.Exits {
		if back.Target == from && back.Key == e.Key && back.Has(store.ExitLocked) {
			w.floorFor(beyond.ID).setUnlocked(back.Direction, open)
		}
	}
}

// exitLocked reports whether exit e of room id bars the way now.
func (w *World) exitLocked(id string, e store.Exit) bool {
	if !e.Has(store.ExitLocked) {
		return false
	}
	f := w.floors[id]
	return f == nil || !f.unlocked[e.Direction]
}

// itemByID finds an item in memory by its id text ("123" or "#123").
func (w *World) itemByID(s string) *Item {
	id, err := strconv.ParseInt(strings.TrimPrefix(s, "#"), 10, 64)
	if err != nil {
		return nil
	}
	return w.items[id]
}
