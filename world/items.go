package world

import (
	"strconv"
	"time"

	"mythosd/store"
)

// Where an item is.
const (
	onFloor uint8 = iota + 1 // on the floor of room
	carried                  // in char's inventory
	worn                     // in char's equipment slot
	inside                   // in container in
)

// Container states.
const (
	stateOpen uint8 = iota
	stateClosed
	stateLocked
	stateSealed
)

var stateNames = [...]string{"open", "closed", "locked", "sealed"}

// parseState returns a container state by name.
func parseState(s string) (uint8, bool) {
	for i, n := range stateNames {
		if n == s {
			return uint8(i), true
		}
	}
	return 0, false
}

// Item is one item instance in the world. It is always in exactly one
// place: on a floor, carried, worn or inside a container. Loop-owned.
type Item struct {
	ID       int64
	proto    *proto
	room     string     // onFloor
	char     *Character // carried, worn
	in       *Item      // inside
	contents []*Item    // a container's contents
	origin   string     // the placement it was made for, if any
	dropped  int64      // unix nanoseconds a player dropped it on a floor, 0 if not
	where    uint8
	slot     uint8 // worn
	state    uint8 // a container's
	blessed  bool  // curse lifted
	dirty    bool  // changed since the last hand-off
	sweeping bool  // a sweep is scheduled for it
}

// name is the item's name with its article.
func (it *Item) name() string { return it.proto.Name }

// stacks reports whether it stacks with others of its prototype.
func (it *Item) stacks() bool { return !it.proto.isContainer() && it.where != worn }

// cursed reports whether the curse still holds it.
func (it *Item) cursed() bool { return it.proto.has(flagCursed) && !it.blessed }

// weight is its weight with whatever it holds, in tenths of a pound.
func (it *Item) weight() int {
	w := it.proto.Weight
	for _, in := range it.contents {
		w += in.weight()
	}
	return w
}

// depth is how many containers hold it (0 when not inside one).
func (it *Item) depth() int {
	d := 0
	for in := it.in; in != nil; in = in.in {
		d++
	}
	return d
}

// height is how many levels of containers it holds (0 for a non-container
// or an empty one holding no containers; 1 if it holds a container).
func (it *Item) height() int {
	h := 0
	for _, in := range it.contents {
		if in.proto.isContainer() {
			h = max(h, 1+in.height())
		}
	}
	return h
}

// holds reports whether other is it or inside it, at any depth.
func (it *Item) holds(other *Item) bool {
	for x := other; x != nil; x = x.in {
		if x == it {
			return true
		}
	}
	return false
}

// owner returns the character who carries or wears it, directly or in a
// container, or nil.
func (it *Item) owner() *Character {
	top := it
	for top.in != nil {
		top = top.in
	}
	if top.where == carried || top.where == worn {
		return top.char
	}
	return nil
}

// floorRoom returns the room whose floor holds it, directly or in a
// container, or "".
func (it *Item) floorRoom() string {
	top := it
	for top.in != nil {
		top = top.in
	}
	if top.where == onFloor {
		return top.room
	}
	return ""
}

// record is what the store keeps of it.
func (it *Item) record() store.ItemState {
	st := store.ItemState{ID: it.ID, Proto: it.proto.ID, Origin: it.origin, Blessed: it.blessed}
	if it.proto.isContainer() {
		st.State = stateNames[it.state]
	}
	if it.dropped != 0 {
		st.DroppedAt = time.Unix(0, it.dropped)
	}
	switch it.where {
	case onFloor:
		st.Place, st.Holder = store.PlaceRoom, it.room
	case carried:
		st.Place, st.Holder = store.PlaceInv, strconv.FormatInt(it.char.ID, 10)
	case worn:
		st.Place, st.Holder, st.Slot = store.PlaceWorn, strconv.FormatInt(it.char.ID, 10), slotNames[it.slot]
	case inside:
		st.Place, st.Holder = store.PlaceIn, strconv.FormatInt(it.in.ID, 10)
	}
	return st
}

// itemPlace is a destination for a move.
type itemPlace struct {
	where uint8
	room  string
	char  *Character
	in    *Item
	slot  uint8
}

func floorOf(room string) itemPlace { return itemPlace{where: onFloor, room: room} }
func invOf(c *Character) itemPlace  { return itemPlace{where: carried, char: c} }
func slotOf(c *Character, slot int) itemPlace {
	return itemPlace{where: worn, char: c, slot: uint8(slot)}
}
func insideOf(box *Item) itemPlace { return itemPlace{where: inside, in: box} }

// moveItem takes it from where it is and puts it at to, in one step: the
// next hand-off carries its new place. Loop only.
func (w *World) moveItem(it *Item, to itemPlace) {
	from := it.place()
	w.unplace(it)
	w.place(it, to)
	w.markItem(it)
	w.itemMoves++
	w.itemEvent(it, from, to)
}

// place is where it is now.
func (it *Item) place() itemPlace {
	return itemPlace{where: it.where, room: it.room, char: it.char, in: it.in, slot: it.slot}
}

// unplace takes it out of its holder.
func (w *World) unplace(it *Item) {
	switch it.where {
	case onFloor:
		if f := w.floors[it.room]; f != nil {
			f.items = removeItem(f.items, it)
		}
	case carried:
		it.char.inv = removeItem(it.char.inv, it)
	case worn:
		it.char.worn[it.slot] = nil
	case inside:
		it.in.contents = removeItem(it.in.contents, it)
	}
	it.where, it.room, it.char, it.in = 0, "", nil, nil
}

// place puts a detached item at to.
func (w *World) place(it *Item, to itemPlace) {
	it.where, it.dropped = to.where, 0
	switch to.where {
	case onFloor:
		it.room = to.room
		f := w.floorFor(to.room)
		f.items = append(f.items, it)
	case carried:
		it.char = to.char
		to.char.inv = append(to.char.inv, it)
	case worn:
		it.char, it.slot = to.char, to.slot
		to.char.worn[to.slot] = it
	case inside:
		it.in = to.in
		to.in.contents = append(to.in.contents, it)
	}
}

// removeItem removes it from list, keeping the order.
func removeItem(list []*Item, it *Item) []*Item {
	for i, x := range list {
		if x == it {
			copy(list[i:], list[i+1:])
			list[len(list)-1] = nil
			return list[:len(list)-1]
		}
	}
	return list
}

// markItem records that it changed and must reach the store.
func (w *World) markItem(it *Item) {
	if !it.dirty {
		it.dirty = true
		w.dirtyItems = append(w.dirtyItems, it)
	}
}

// newItem makes an instance of p at to with a fresh id. Loop only.
func (w *World) newItem(p *proto, to itemPlace, origin string) *Item {
	it := &Item{ID: w.nextItemID, proto: p, origin: origin}
	w.nextItemID++
	p.made = true
	if p.Container != nil && p.Container.Closable {
		it.state = stateClosed
	}
	w.items[it.ID] = it
	w.place(it, to)
	w.markItem(it)
	w.itemsMade++
	w.itemMoves++
	return it
}

// destroy takes it and everything inside it out of the world for good.
func (w *World) destroy(it *Item) {
	from := it.place()
	w.unplace(it)
	w.itemEvent(it, from, itemPlace{})
	w.forget(it, true)
}

// forget drops it and its contents from the world's memory; gone also
// tells the store they left the world.
func (w *World) forget(it *Item, gone bool) {
	for _, in := range it.contents {
		w.forget(in, gone)
	}
	delete(w.items, it.ID)
	if gone {
		w.itemsGone++
		w.goneItems = append(w.goneItems, it.ID)
		w.itemMoves++
	}
}

// itemFromRecord makes a loaded item, not yet attached; nil when its
// prototype is no longer in the world.
func (w *World) itemFromRecord(rec store.ItemState) *Item {
	p := w.protos[rec.Proto]
	if p == nil {
		w.log.Warn("item of unknown prototype left in the store", "item", rec.ID, "proto", rec.Proto)
		return nil
	}
	if rec.Proto == corpseProtoID {
		p = w.corpseProto(corpseName(rec.Origin))
	}
	it := &Item{ID: rec.ID, proto: p, origin: rec.Origin, blessed: rec.Blessed}
	if st, ok := parseState(rec.State); ok {
		it.state = st
	}
	if !rec.DroppedAt.IsZero() {
		it.dropped = rec.DroppedAt.UnixNano()
	}
	return it
}

// adoptItems attaches loaded items to their holders: those held by hold
// go there, the rest into the containers among them. Items already in
// memory are skipped (never loaded twice).
func (w *World) adoptItems(recs []store.ItemState, hold func(rec store.ItemState) (itemPlace, bool)) []*Item {
	byID := make(map[string]*Item, len(recs))
	var made []*Item
	for _, rec := range recs {
		if w.items[rec.ID] != nil {
			continue
		}
		if it := w.itemFromRecord(rec); it != nil {
			byID[strconv.FormatInt(rec.ID, 10)] = it
			made = append(made, it)
		}
	}
	for _, rec := range recs {
		it := byID[strconv.FormatInt(rec.ID, 10)]
		if it == nil {
			continue
		}
		to, ok := hold(rec)
		if rec.Place == store.PlaceIn {
			box := byID[rec.Holder]
			if box == nil {
				continue // its container is not loaded: leave it in the store
			}
			to, ok = insideOf(box), true
		}
		if !ok {
			continue
		}
		w.items[it.ID] = it
		dropped := it.dropped
		w.place(it, to)
		it.dropped = dropped
	}
	return made
}

// handOffItems adds the items changed since the last hand-off to b.
func (w *World) handOffItems(b *store.Batch) {
	if len(w.dirtyItems) == 0 && len(w.goneItems) == 0 {
		return
	}
	b.Items = make(map[int64]store.ItemState, len(w.dirtyItems)+len(w.goneItems))
	for _, it := range w.dirtyItems {
		it.dirty = false
		if w.items[it.ID] == it {
			b.Items[it.ID] = it.record()
		}
	}
	for _, id := range w.goneItems {
		b.Items[id] = store.ItemState{ID: id, Gone: true}
	}
	clear(w.dirtyItems)
	w.dirtyItems = w.dirtyItems[:0]
	w.goneItems = w.goneItems[:0]
	if b.Meta == nil {
		b.Meta = map[string]string{}
	}
	b.Meta[store.MetaNextItemID] = strconv.FormatInt(w.nextItemID, 10)
}
