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

// placeCommands are the commands for what rooms start with and who
// appears in them, which only builders see.
func placeCommands() []*command {
	return []*command{
		{name: "place", summary: "add an item the room starts with at every reset", run: (*World).cmdPlace,
			exact: true, topic: "places", needs: store.RoleBuilder, edits: true},
		{name: "unplace", summary: "remove an item the room starts with", run: (*World).cmdUnplace,
			exact: true, topic: "places", needs: store.RoleBuilder, edits: true},
		{name: "places", summary: "list what the room starts with and who appears in it", run: (*World).cmdPlaces,
			exact: true, needs: store.RoleBuilder},
		{name: "spawn", summary: "add or remove an NPC that appears in the room", run: (*World).cmdSpawn,
			exact: true, topic: "places", needs: store.RoleBuilder, edits: true},
	}
}

// placeArgs is what place and unplace were told: "<proto> [n] [in
// <container>] [now]".
type placeArgs struct {
	proto, container string
	n                int
	now              bool
}

// parsePlaceArgs reads place's or unplace's words; counted says whether a
// number may follow the prototype.
func parsePlaceArgs(args string, counted bool) (placeArgs, error) {
	a := placeArgs{n: 1}
	if err := checkText(args); err != nil {
		return a, err
	}
	words := strings.Fields(strings.ToLower(args))
	if len(words) > 0 && words[len(words)-1] == "now" {
		a.now, words = true, words[:len(words)-1]
	}
	if i := slices.Index(words, "in"); i >= 0 {
		if i != len(words)-2 {
			return a, errors.New("name one container after in")
		}
		a.container, words = words[i+1], words[:i]
	}
	switch {
	case len(words) == 2 && counted:
		n, err := strconv.Atoi(words[1])
		if err != nil || n == 0 { // 0 would read as the default, 1; the loader checks the rest
			return a, errors.New("how many is a whole number, 1 to 20, not " + strconv.Quote(words[1]))
		}
		a.n = n
	case len(words) != 1:
		return a, errors.New("name one prototype")
	}
	a.proto = words[0]
	return a, nil
}

// buildFloor returns the loaded floor of c's room, or nil after telling c.
func (w *World) buildFloor(c *Character) *floor {
	f := w.floors[c.RoomID]
	if f == nil {
		c.send("This room has not finished loading; try again in a moment.\n")
	}
	return f
}

// cmdPlace is "place <proto> [n] [in <container>] [now]".
func (w *World) cmdPlace(c *Character, args string) {
	a, err := parsePlaceArgs(args, true)
	if err != nil {
		c.send("Place with: place <prototype> [how many] [in <container>] [now]; " + err.Error() + ".\n")
		return
	}
	f := w.buildFloor(c)
	if f == nil {
		return
	}
	list := clonePlacements(f.placements)
	pl := store.Placement{Proto: a.proto}
	if a.n != 1 {
		pl.Quantity = a.n
	}
	what := "place " + a.proto
	at, in := len(list), -1
	if a.container != "" {
		if at = slices.IndexFunc(list, func(p store.Placement) bool { return p.Proto == a.container }); at < 0 {
			c.send("Nothing placed here is " + a.container + "; place the container first.\n")
			return
		}
		in = len(list[at].Contents)
		list[at].Contents = append(list[at].Contents, pl)
		what += " in " + a.container
	} else {
		list = append(list, pl)
	}
	if err := w.checkPlacements(list); err != nil {
		c.send("That will not do: " + err.Error() + ".\n")
		return
	}
	before := f.placements
	w.setPlacements(f, list, nil, a.now)
	w.recordEdit(c, what, w.undoPlacements(f, before, list, func(k, j int) (int, int, bool) { return dropAt(k, j, at, in) }))
	c.send(placedText(a.now))
}

// cmdUnplace is "unplace <proto> [in <container>] [now]".
func (w *World) cmdUnplace(c *Character, args string) {
	a, err := parsePlaceArgs(args, false)
	if err != nil {
		c.send("Remove a placement with: unplace <prototype> [in <container>] [now]; " + err.Error() + ".\n")
		return
	}
	f := w.buildFloor(c)
	if f == nil {
		return
	}
	list := clonePlacements(f.placements)
	at, in, ok := findPlacement(list, a)
	if !ok {
		c.send("Nothing placed here is " + a.proto + strings.TrimSuffix(" in "+a.container, " in ") + ". Type places for the list.\n")
		return
	}
	what := "unplace " + a.proto
	if in >= 0 {
		list[at].Contents = slices.Delete(list[at].Contents, in, in+1)
		what += " in " + a.container
	} else {
		list = slices.Delete(list, at, at+1)
	}
	before := f.placements
	w.setPlacements(f, list, func(k, j int) (int, int, bool) { return dropAt(k, j, at, in) }, a.now)
	w.recordEdit(c, what, w.undoPlacements(f, before, list, func(k, j int) (int, int, bool) { return makeRoomAt(k, j, at, in) }))
	if a.now {
		c.send("Removed; what it made is gone.\n")
	} else {
		c.send("Removed; what it made stays until taken or swept away, and the next reset makes no more.\n")
	}
}

// findPlacement finds the last placement of a.proto (in the first placed
// a.container when named): its index and its index in the container's
// contents (-1 when at the top).
func findPlacement(list []store.Placement, a placeArgs) (int, int, bool) {
	if a.container == "" {
		at := lastIndex(list, a.proto)
		return at, -1, at >= 0
	}
	at := slices.IndexFunc(list, func(p store.Placement) bool { return p.Proto == a.container })
	if at < 0 {
		return 0, 0, false
	}
	in := lastIndex(list[at].Contents, a.proto)
	return at, in, in >= 0
}

// lastIndex is the index of the last placement of proto in list, or -1.
func lastIndex(list []store.Placement, proto string) int {
	for i := len(list) - 1; i >= 0; i-- {
		if list[i].Proto == proto {
			return i
		}
	}
	return -1
}

// checkPlacements runs the world loader's checks on a room's placements.
func (w *World) checkPlacements(list []store.Placement) error {
	return w.checkPlacementsWith(list, nil)
}

// checkPlacementsWith is checkPlacements with prototype next (when not
// nil) as it would become.
func (w *World) checkPlacementsWith(list []store.Placement, next *store.ItemProto) error {
	return worldfile.CheckPlacements(list, func(id string) (store.ItemProto, bool) {
		if next != nil && id == next.ID {
			return *next, true
		}
		if p := w.protos[id]; p != nil && id != corpseProtoID {
			return p.ItemProto, true
		}
		return store.ItemProto{}, false
	})
}

// placedText tells the builder when a placement takes effect.
func placedText(now bool) string {
	if now {
		return "Placed; the room has reset and holds it now.\n"
	}
	return "Placed; it appears at the room's next reset (place ... now resets the room at once).\n"
}

// setPlacements makes list what f's room starts with, in the world and in
// the next batch. remap (nil: nothing moves) renames the origins of the
// items made for the placements; an item whose placement went is left
// where it is, as if dropped (swept within the hour), or unmade when now.
// With now the room resets at once; else at its next reset, which is put
// in the schedule if the room had none.
func (w *World) setPlacements(f *floor, list []store.Placement, remap originMap, now bool) {
	w.noteFloor(f)
	if remap != nil {
		w.remapOrigins(f, remap, now)
	}
	f.placements = list
	if r, ok := w.rooms.peek(f.room); ok {
		r.placements = list
	}
	var raw json.RawMessage
	if len(list) > 0 {
		raw, _ = json.Marshal(list) // placements always encode
	}
	w.storeRoomAttr(f.room, "items", raw)
	w.queueReset(f)
	if now {
		w.resetFloor(f)
	}
}

// noteFloor records, the first time a builder changes f, whether its reset
// is in the schedule (it is when the room had placements on arrival).
func (w *World) noteFloor(f *floor) {
	if w.resetQueued == nil {
		w.resetQueued = make(map[string]bool)
	}
	if _, seen := w.resetQueued[f.room]; !seen {
		w.resetQueued[f.room] = len(f.placements) > 0
	}
}

// queueReset puts f's reset in the schedule if it has placements and none
// is there.
func (w *World) queueReset(f *floor) {
	if len(f.placements) == 0 || w.resetQueued[f.room] {
		return
	}
	if f.resetEvery <= 0 {
		f.resetEvery = defaultResetEvery
	}
	w.due.add(w.cfg.Clock.Now().Add(f.resetEvery), dueReset, f.room, 0)
	w.resetQueued[f.room] = true
}

// undoPlacements puts f's placements back to before, unless they have
// changed since they became after; remap renames the items' origins back.
func (w *World) undoPlacements(f *floor, before, after []store.Placement, remap originMap) func() error {
	return func() error {
		if !reflect.DeepEqual(f.placements, after) {
			return errors.New("the room's placements have changed since")
		}
		w.setPlacements(f, clonePlacements(before), remap, false)
		return nil
	}
}

// clonePlacements copies list one level deep (contents included).
func clonePlacements(list []store.Placement) []store.Placement {
	out := slices.Clone(list)
	for i := range out {
		out[i].Contents = slices.Clone(out[i].Contents)
	}
	return out
}

// cmdPlaces lists what c's room starts with and who appears in it.
func (w *World) cmdPlaces(c *Character, args string) {
	if strings.TrimSpace(args) != "" {
		c.send("Type places alone; it lists what this room starts with and who appears in it.\n")
		return
	}
	f := w.buildFloor(c)
	if f == nil {
		return
	}
	var b strings.Builder
	if len(f.placements) == 0 {
		b.WriteString("Nothing is placed here.\n")
	} else {
		b.WriteString("Placed here, back at every reset:\n")
		for i, pl := range f.placements {
			b.WriteString("  " + strconv.Itoa(i+1) + ". " + w.placementLine(pl) + "\n")
		}
	}
	b.WriteString(w.spawnLines(c.RoomID))
	c.send(b.String())
}

// placementLine describes one placement: "cabinet (a filing cabinet),
// locked, holding papers, key_west".
func (w *World) placementLine(pl store.Placement) string {
	s := pl.Proto
	if pl.Quantity > 1 {
		s += " x" + strconv.Itoa(pl.Quantity)
	}
	if p := w.protos[pl.Proto]; p != nil {
		s += " (" + p.Name + ")"
	}
	if pl.State != "" {
		s += ", " + pl.State
	}
	if len(pl.Contents) > 0 {
		var in []string
		for _, x := range pl.Contents {
			q := x.Proto
			if x.Quantity > 1 {
				q += " x" + strconv.Itoa(x.Quantity)
			}
			in = append(in, q)
		}
		s += ", holding " + strings.Join(in, ", ")
	}
	return s
}
