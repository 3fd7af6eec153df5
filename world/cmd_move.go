package world

// moveCommands are go's.
func moveCommands() []*command {
	return []*command{{name: "go", summary: "walk in a direction: go north", run: (*World).cmdGo}}
}

// directionCommands are the ten directions, each a command with its short
// form (n, ne, u ...).
func directionCommands() []*command {
	var cmds []*command
	for _, d := range directions() {
		cmds = append(cmds, &command{name: d.name, aliases: []string{d.abbrev}, exact: true,
			run: func(w *World, c *Character, _ string) { w.move(c, d.name) }})
	}
	return cmds
}

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
	if c.fight != nil {
		c.send("You are fighting for your life! Flee first.\n")
		return
	}
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
		case w.exitLocked(r.ID, e):
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
	w.relocate(c, to, c.Name+" leaves "+departureTo(dir)+".", c.Name+" arrives "+arrivalFrom(dir)+".")
}

// relocate moves c into room to, telling the room it leaves and the room it
// enters, and shows c the new room.
func (w *World) relocate(c *Character, to *Room, leaving, arriving string) {
	from := c.RoomID
	w.dispelPhantom(c, "")
	w.takeOut(c)
	w.tellRoom(from, c, leaving)
	w.markDirty(c)
	c.roomEvals = 0
	w.recordVisit(c, to.ID)
	w.tellRoom(to.ID, c, arriving)
	w.putIn(c, to)
	w.showRoomWith(c, to, w.phantomOnEntry(c))
	if to.Encounter != "" {
		w.encounter(c, to.Encounter)
	}
	w.meetNPCs(c, to.ID, w.cfg.Clock.Now())
}
