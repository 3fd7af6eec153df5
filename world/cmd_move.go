package world

import (
	"mythosd/store"
)

// cmdGo walks in the direction its argument names.
func (w *World) cmdGo(c *Character, args string) {
	dir, ok := parseDirection(args)
	if !ok {
		c.send("Go where? Name a direction: north, south, east, west, northeast, northwest, southeast, southwest, up or down.\n")
		return
	}
	w.move(c, dir)
}

// move takes c through the exit in direction dir, if there is one.
func (w *World) move(c *Character, dir string) {
	from := c.RoomID
	w.withRoom(c, from, func(r *Room, err error) {
		if err != nil {
			w.showRoomOrFog(c, r, err)
			return
		}
		e, ok := r.Exit(dir)
		switch {
		case !ok:
			c.send("You cannot go " + departureTo(dir) + " from here.\n")
		case e.Has(store.ExitLocked):
			c.send("The way " + dir + " is locked.\n")
		default:
			w.withRoom(c, e.Target, func(to *Room, err error) { w.step(c, from, dir, to, err) })
		}
	})
}

// step moves c from room from into room to, which it reached going dir.
func (w *World) step(c *Character, from, dir string, to *Room, err error) {
	if c.RoomID != from {
		return // moved meanwhile
	}
	if err != nil {
		c.send("The way " + dir + " dissolves into fog; you cannot follow it now.\n")
		return
	}
	w.takeOut(c)
	w.tellRoom(from, c, c.Name+" leaves "+departureTo(dir)+".")
	c.RoomID = to.ID
	w.markDirty(c)
	w.recordVisit(c, to.ID)
	w.tellRoom(to.ID, c, c.Name+" arrives "+arrivalFrom(dir)+".")
	w.putIn(c)
	w.showRoom(c, to)
}
