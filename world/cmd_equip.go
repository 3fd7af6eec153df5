package world

import (
	"strings"
)

// cmdWear puts on or wields something carried.
func (w *World) cmdWear(c *Character, args string) {
	q, ok := query(c, args)
	if !ok {
		return
	}
	found, ok := q.pick(c.inv)
	if !ok {
		c.send("You carry no " + q.what() + ".\n")
		return
	}
	for _, it := range found {
		if !w.wear(c, it) {
			return
		}
	}
}

// wear puts it in the first free slot it fits, or swaps it with what is in
// its first slot; it reports whether it did.
func (w *World) wear(c *Character, it *Item) bool {
	if len(it.proto.slots) == 0 {
		c.send("You cannot wear or wield " + it.name() + ".\n")
		return false
	}
	slot := int(it.proto.slots[0])
	for _, s := range it.proto.slots {
		if c.worn[s] == nil {
			slot = int(s)
			break
		}
	}
	old := c.worn[slot]
	if old != nil {
		if old.cursed() {
			c.send(capitalize(old.name()) + " will not come off: a curse holds it to you.\n")
			return false
		}
		rest := removeItem(append([]*Item(nil), c.inv...), it)
		if !wouldStack(rest, old) && stackCount(rest) >= maxStacks {
			c.send("Your hands are full: there is no room to take off " + old.name() + ".\n")
			return false
		}
		w.moveItem(old, invOf(c))
		c.send("You take off " + old.name() + ".\n")
	}
	w.moveItem(it, slotOf(c, slot))
	c.send("You wear " + it.name() + " (" + slotLabel(slot) + ").\n")
	w.tellRoom(c.RoomID, c, c.Name+" puts on "+it.name()+".")
	return true
}

// slotLabel is how a slot reads: "main hand".
func slotLabel(slot int) string { return strings.ReplaceAll(slotNames[slot], "_", " ") }

// wornList is what c wears, in slot order.
func (c *Character) wornList() []*Item {
	var out []*Item
	for _, it := range c.worn {
		if it != nil {
			out = append(out, it)
		}
	}
	return out
}

// cmdRemove takes off something worn.
func (w *World) cmdRemove(c *Character, args string) {
	q, ok := query(c, args)
	if !ok {
		return
	}
	found, ok := q.pick(c.wornList())
	if !ok {
		c.send("You wear no " + q.what() + ".\n")
		return
	}
	for _, it := range found {
		switch {
		case it.cursed():
			c.send(capitalize(it.name()) + " will not come off: a curse holds it to you.\n")
			return
		case !wouldStack(c.inv, it) && stackCount(c.inv) >= maxStacks:
			c.send("Your hands are full: there is no room to take off " + it.name() + ".\n")
			return
		}
		w.moveItem(it, invOf(c))
		c.send("You take off " + it.name() + ".\n")
		w.tellRoom(c.RoomID, c, c.Name+" takes off "+it.name()+".")
	}
}

// cmdEquipment lists what c wears, slot by slot.
func (w *World) cmdEquipment(c *Character, _ string) {
	var b strings.Builder
	b.WriteString("You are wearing:\n")
	for i, it := range c.worn {
		name := "-"
		if it != nil {
			name = it.name() + it.suffix()
		}
		b.WriteString("  " + padRight(slotLabel(i)+":", 11) + name + "\n")
	}
	c.send(b.String())
}

// padRight pads s with spaces to n bytes.
func padRight(s string, n int) string {
	if len(s) >= n {
		return s + " "
	}
	return s + strings.Repeat(" ", n-len(s))
}

// liftCurses frees c of the curses on what c carries and wears, when c
// prays in a temple.
func (w *World) liftCurses(c *Character) {
	p := w.places[c.RoomID]
	if p == nil || p.room == nil || p.room.Env != "temple" {
		return
	}
	lifted := false
	c.eachItem(func(it *Item) {
		if it.cursed() {
			it.blessed = true
			w.markItem(it)
			lifted = true
		}
	})
	if lifted {
		c.send("A warmth passes through you: the curses on your belongings loosen and fall away.\n")
	}
}
