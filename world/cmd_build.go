package world

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"mythosd/store"
	"mythosd/world/worldfile"
)

// newRoomDescription is what a dug room says until a builder writes it.
const newRoomDescription = "Nothing has been written of this place yet."

// buildCommands are the builders' room commands.
func buildCommands() []*command {
	return []*command{
		{name: "dig", summary: "make a room that way, with the exit there and back; dig <dir> to <room id> links",
			run: (*World).cmdDig, exact: true, needs: store.RoleBuilder, edits: true},
		{name: "redit", summary: "show or change the room you stand in: name, desc, env, flags, exits",
			run: (*World).cmdRedit, exact: true, needs: store.RoleBuilder, edits: true},
		{name: "rdelete", summary: "delete a room you are not in, with every way into it (undo takes it back)",
			run: (*World).cmdRdelete, exact: true, needs: store.RoleBuilder, edits: true},
		{name: "goto", summary: "step to a room, or to where a character plays",
			run: func(w *World, c *Character, args string) { w.cmdAdmin(c, "goto "+args) }, exact: true, needs: store.RoleBuilder},
	}
}

// digUsage answers a dig the builder got wrong.
const digUsage = "Usage: dig <direction> <name of the new room> | dig <direction> to <room id>\n"

// cmdDig makes a room in direction dir from c's room, or links c's room
// with an existing one, both ways.
func (w *World) cmdDig(c *Character, args string) {
	word, rest := splitCommand(args)
	dir, ok := parseDirection(word)
	if !ok || rest == "" {
		c.send(digUsage)
		return
	}
	// "to" and one word is a link to a room by id; "To the Tower" is a name.
	if to, target, _ := strings.Cut(rest, " "); strings.ToLower(to) == "to" && target != "" && !strings.Contains(target, " ") {
		if err := checkRoomID(target); err != nil {
			c.send("No room could have the id " + strconv.Quote(target) + ": " + err.Error() + ".\n")
			return
		}
		w.withRoom(c, c.RoomID, func(here *Room, err error) { w.digTo(c, here, err, dir, target) })
		return
	}
	name, err := buildText("name", rest, maxRoomName)
	if err != nil {
		tellErr(c, err)
		return
	}
	w.withRoom(c, c.RoomID, func(here *Room, err error) {
		if w.digRefused(c, here, err, dir) {
			return
		}
		w.async(c, storeTimeout, func(ctx context.Context) func() {
			ids, err := w.cfg.Store.RoomIDs(ctx)
			return func() { w.digNew(c, here.ID, dir, name, ids, err) }
		})
	})
}

// digRefused answers c and reports true when no room can be dug dir from here.
func (w *World) digRefused(c *Character, here *Room, err error, dir string) bool {
	if !w.mayBuild(c) {
		return true
	}
	if err != nil {
		c.send(storeTroubleText)
		return true
	}
	if _, taken := here.Exit(dir); taken {
		c.send("An exit already leads " + dir + " from here; redit exit " + dir + " delete first.\n")
		return true
	}
	return false
}

// digNew makes the room named name dir of room hereID, with the exits
// there and back, once the ids of the stored rooms have been read.
func (w *World) digNew(c *Character, hereID, dir, name string, ids []string, err error) {
	if err != nil {
		w.log.Error("read room ids for dig", "err", err)
		c.send(storeTroubleText)
		return
	}
	here, ok := w.rooms.peek(hereID)
	if !ok {
		c.send(storeTroubleText)
		return
	}
	if w.digRefused(c, here, nil, dir) {
		return
	}
	sr := store.Room{ID: w.newRoomID(here.Room, name, ids), Name: name, Description: newRoomDescription,
		Plane: here.Plane, Zone: here.Zone, SubZone: here.SubZone, Environment: here.Environment,
		Exits: []store.Exit{{Direction: opposite(dir), Target: here.ID}}}
	path, err := worldfile.RoomPath(sr)
	if err != nil {
		c.send("This room's place in the world has no folder a new room could go in.\n")
		return
	}
	sr.SourceFile = path
	made, err := buildRoom(sr, here.zones)
	if err != nil {
		tellErr(c, err)
		return
	}
	w.built.dug[sr.ID] = true
	w.linkRooms(c, here, dir, nil, made, "dig "+dir+" to "+name)
	c.send("You dig " + dir + ": " + name + " (" + sr.ID + ").\n")
}

// digTo links room here with the stored room target both ways.
func (w *World) digTo(c *Character, here *Room, err error, dir, target string) {
	if w.digRefused(c, here, err, dir) {
		return
	}
	if target == here.ID {
		c.send("Dig links two rooms; for a way back into this one, use redit exit " + dir + " " + target + ".\n")
		return
	}
	w.withRoom(c, target, func(there *Room, err error) {
		here, ok := w.rooms.peek(here.ID) // as it is now: the load may have taken a while
		switch {
		case errors.Is(err, store.ErrNotFound):
			c.send("No room has the id " + target + ".\n")
		case err != nil || !ok:
			c.send(storeTroubleText)
		case w.digRefused(c, here, nil, dir):
		default:
			if _, taken := there.Exit(opposite(dir)); taken {
				c.send(there.Name + " already has an exit " + opposite(dir) + "; dig links only free ways.\n")
				return
			}
			w.linkRooms(c, here, dir, there, there, "dig "+dir+" to "+there.Name)
			c.send("You link " + dir + " to " + there.Name + ", and back.\n")
		}
	})
}

// linkRooms adds the exit dir from here to there and its way back, as one
// change: before is there as it was (nil for a room just made).
func (w *World) linkRooms(c *Character, here *Room, dir string, before, there *Room, what string) {
	hs := copyStoredRoom(here.Room)
	hs.Exits = append(hs.Exits, store.Exit{Direction: dir, Target: there.ID})
	ts := copyStoredRoom(there.Room)
	if _, back := ts.Exit(opposite(dir)); !back {
		ts.Exits = append(ts.Exits, store.Exit{Direction: opposite(dir), Target: here.ID})
	}
	hNext, err := rebuilt(here, hs)
	if err == nil {
		there, err = rebuilt(there, ts)
	}
	if err != nil {
		tellErr(c, err)
		return
	}
	w.changeRooms(c, what, roomStep{id: here.ID, before: here, after: hNext}, roomStep{id: there.ID, before: before, after: there})
}

// newRoomID is a free id for a room named name in the sub-zone of room
// like: {plane}_{zone}_{sub_zone}_room_{slug}_{nnn}, the first nnn that
// no stored room, cached room or room dug since start has.
func (w *World) newRoomID(like store.Room, name string, stored []string) string {
	if w.built.dug == nil {
		w.built.dug = make(map[string]bool)
	}
	taken := make(map[string]bool)
	prefix := like.Plane + "_" + like.Zone + "_" + like.SubZone + "_room_" + slug(name) + "_"
	for _, id := range stored {
		if strings.HasPrefix(id, prefix) {
			taken[id] = true
		}
	}
	for n := 1; ; n++ {
		id := fmt.Sprintf("%s%03d", prefix, n)
		if _, cached := w.rooms.peek(id); !taken[id] && !cached && !w.built.dug[id] {
			return id
		}
	}
}

// opposite is the direction back from dir.
func opposite(dir string) string {
	for _, d := range directions() {
		if d.name == dir {
			return d.opposite
		}
	}
	return dir
}
