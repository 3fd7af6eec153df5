package world

// place is an occupied room: who stands in it. Places exist only while
// someone is there; the room's data comes from the room cache.
type place struct {
	room  *Room // the room, as the cache gave it when someone entered
	chars []*Character
}

// placeOf returns the place of room id, made on first use.
func (w *World) placeOf(id string) *place {
	p := w.places[id]
	if p == nil {
		p = &place{}
		w.places[id] = p
	}
	return p
}

// putIn adds c to the place of room r, which becomes c's room.
func (w *World) putIn(c *Character, r *Room) {
	c.RoomID = r.ID
	p := w.placeOf(r.ID)
	p.room = r
	p.chars = append(p.chars, c)
}

// takeOut removes c from the place of its room, and from its fight.
func (w *World) takeOut(c *Character) {
	w.leaveFight(c)
	p := w.places[c.RoomID]
	if p == nil {
		return
	}
	for i, o := range p.chars {
		if o == c {
			p.chars = append(p.chars[:i], p.chars[i+1:]...)
			break
		}
	}
	if len(p.chars) == 0 {
		delete(w.places, c.RoomID)
	}
}

// others returns who else is in c's room.
func (w *World) others(c *Character) []*Character {
	p := w.places[c.RoomID]
	if p == nil {
		return nil
	}
	out := make([]*Character, 0, len(p.chars))
	for _, o := range p.chars {
		if o != c {
			out = append(out, o)
		}
	}
	return out
}

// tellRoom notifies everyone in room id except skip.
func (w *World) tellRoom(id string, skip *Character, text string) {
	p := w.places[id]
	if p == nil {
		return
	}
	for _, o := range p.chars {
		if o != skip {
			o.notify(text)
		}
	}
}
