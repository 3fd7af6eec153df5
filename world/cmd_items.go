package world

import (
	"fmt"
	"strings"
)

// itemCommands are the commands of items: carrying, containers,
// equipment, giving, using.
func itemCommands() []*command {
	return []*command{
		{name: "inventory", aliases: []string{"i", "inv"}, summary: "what you carry, and your money", run: (*World).cmdInventory},
		{name: "get", aliases: []string{"take"}, summary: "pick up: get lamp, get 3 tonic, get all, get tonic from satchel", run: (*World).cmdGet},
		{name: "drop", summary: "put down: drop lamp, drop all.tonic", run: (*World).cmdDrop},
		{name: "put", summary: "put something in a container: put tonic in satchel", run: (*World).cmdPut},
		{name: "examine", aliases: []string{"x"}, summary: "look closely at a thing", run: (*World).cmdExamine},
		{name: "wear", aliases: []string{"wield", "equip"}, summary: "wear or wield: wear coat, wield revolver", run: (*World).cmdWear},
		{name: "remove", aliases: []string{"unequip"}, summary: "take off what you wear", run: (*World).cmdRemove},
		{name: "equipment", aliases: []string{"eq"}, summary: "what you wear and wield", run: (*World).cmdEquipment},
		{name: "give", summary: "hand over: give lamp to Ada, give $1.50 to Ada", run: (*World).cmdGive},
		{name: "use", summary: "use a thing; also drink, eat, read", run: useVerb("use")},
		{name: "drink", summary: "drink something you carry", run: useVerb("drink"), topic: "use"},
		{name: "eat", summary: "eat something you carry", run: useVerb("eat"), topic: "use"},
		{name: "read", summary: "read a paper you carry", run: useVerb("read"), topic: "use"},
		{name: "open", summary: "open a container", run: (*World).cmdOpen, topic: "containers"},
		{name: "close", summary: "close a container", run: (*World).cmdClose, topic: "containers"},
		{name: "lock", summary: "lock a container or door with its key", run: (*World).cmdLock, topic: "containers"},
		{name: "unlock", summary: "unlock a container or door with its key: unlock cabinet, unlock north", run: (*World).cmdUnlock, topic: "containers"},
	}
}

// floorItems is what lies on the floor of c's room.
func (w *World) floorItems(c *Character) []*Item {
	if f := w.floors[c.RoomID]; f != nil {
		return f.items
	}
	return nil
}

// cmdInventory lists what c carries.
func (w *World) cmdInventory(c *Character, _ string) {
	var b strings.Builder
	if len(c.inv) == 0 {
		b.WriteString("You carry nothing.\n")
	} else {
		b.WriteString("You are carrying:\n")
		b.WriteString(listLines(c.inv))
	}
	fmt.Fprintf(&b, "Weight: %s of %s lb; %d of %d stacks. Money: %s.\n",
		tenths(c.carriedWeight()), tenths(c.weightLimit()), stackCount(c.inv), maxStacks, dollars(c.money))
	c.send(b.String())
	w.sendItemList(c, "inv")
}

// tenths shows tenths of a pound as "3.5".
func tenths(n int) string { return fmt.Sprintf("%d.%d", n/10, n%10) }

// dollars shows cents as "$1.50".
func dollars(cents int64) string { return fmt.Sprintf("$%d.%02d", cents/100, cents%100) }

// query parses args as an item query, answering c when it is bad.
func query(c *Character, args string) (itemQuery, bool) {
	q, msg := parseItemQuery(args)
	if msg != "" {
		c.send(msg + "\n")
		return q, false
	}
	return q, true
}

// cmdGet picks things up from the floor, or takes them out of a container.
func (w *World) cmdGet(c *Character, args string) {
	if what, from, ok := cutWord(args, "from"); ok {
		w.getFrom(c, what, from)
		return
	}
	q, ok := query(c, args)
	if !ok {
		return
	}
	found, ok := q.pick(w.floorItems(c))
	if !ok {
		c.send("You see no " + q.what() + " here.\n")
		return
	}
	if q.all {
		if found = carryable(found); len(found) == 0 {
			c.send("There is nothing here you can carry.\n")
			return
		}
	}
	took, why := w.takeAll(c, found, true)
	w.reportTaken(c, took, why, "You pick up ", " picks up ", "")
}

// carryable leaves out the furniture, which "all" never means.
func carryable(items []*Item) []*Item {
	out := items[:0:0]
	for _, it := range items {
		if !it.proto.has(flagFixed) {
			out = append(out, it)
		}
	}
	return out
}

// takeAll moves items into c's inventory as far as the limits allow, and
// returns what it moved and why it left any behind.
func (w *World) takeAll(c *Character, items []*Item, addWeight bool) ([]*Item, string) {
	return moveEach(items, func(it *Item) string { return w.cannotCarry(c, it, addWeight) },
		func(it *Item) { w.moveItem(it, invOf(c)) })
}

// moveEach moves every item that check lets through (check returns why
// not, or ""), and returns those it moved and the first reason it left
// one behind.
func moveEach(items []*Item, check func(*Item) string, move func(*Item)) ([]*Item, string) {
	var moved []*Item
	first := ""
	for _, it := range items {
		if why := check(it); why != "" {
			if first == "" {
				first = why
			}
			continue
		}
		move(it)
		moved = append(moved, it)
	}
	return moved, first
}

// cannotCarry says why c cannot take it into the inventory, or "".
func (w *World) cannotCarry(c *Character, it *Item, addWeight bool) string {
	switch {
	case it.proto.has(flagFixed):
		return capitalize(it.name()) + " is fixed in place."
	case !wouldStack(c.inv, it) && stackCount(c.inv) >= maxStacks:
		return fmt.Sprintf("Your hands are full: you carry %d kinds of things already.", maxStacks)
	case addWeight && c.carriedWeight()+it.weight() > c.weightLimit():
		return capitalize(it.name()) + " is too heavy for you to carry as well."
	case it.proto.has(flagUnique) && it.owner() != c && c.hasProto(it.proto):
		return "You can carry only one of " + it.proto.plural + "."
	}
	return ""
}

// hasProto reports whether c carries or wears an instance of p anywhere.
func (c *Character) hasProto(p *proto) bool {
	found := false
	c.eachItem(func(it *Item) {
		if it.proto == p {
			found = true
		}
	})
	return found
}

// eachItem calls fn for everything c carries and wears, contents included.
func (c *Character) eachItem(fn func(*Item)) {
	var walk func(list []*Item)
	walk = func(list []*Item) {
		for _, it := range list {
			fn(it)
			walk(it.contents)
		}
	}
	walk(c.inv)
	for _, it := range c.worn {
		if it != nil {
			walk([]*Item{it})
		}
	}
}

// reportTaken tells c and the room what moved, and why it stopped.
func (w *World) reportTaken(c *Character, moved []*Item, why, self, others, tail string) {
	if len(moved) > 0 {
		names := groupNames(moved) + tail
		c.send(self + names + ".\n")
		w.tellRoom(c.RoomID, c, c.Name+others+names+".")
	}
	if why != "" {
		c.send(why + "\n")
	}
}

// cmdDrop puts things from the inventory on the floor.
func (w *World) cmdDrop(c *Character, args string) {
	q, ok := query(c, args)
	if !ok {
		return
	}
	found, ok := q.pick(c.inv)
	if !ok {
		c.send("You carry no " + q.what() + ".\n")
		return
	}
	dropped, why := moveEach(found, cannotLetGo, func(it *Item) {
		w.moveItem(it, floorOf(c.RoomID))
		w.markDropped(it)
	})
	w.reportTaken(c, dropped, why, "You drop ", " drops ", "")
}

// cannotLetGo says why it cannot leave its owner's hands, or "".
func cannotLetGo(it *Item) string {
	switch {
	case it.proto.has(flagNoDrop):
		return "You cannot bring yourself to let go of " + it.name() + "."
	case it.cursed():
		return capitalize(it.name()) + " clings to you; a curse holds it."
	}
	return ""
}

// cutWord splits "a from b" at the word sep.
func cutWord(args, sep string) (string, string, bool) {
	lower := asciiLower(args) // same length as args, whatever bytes it holds
	i := strings.Index(lower, " "+sep+" ")
	if i < 0 {
		return "", "", false
	}
	return strings.TrimSpace(args[:i]), strings.TrimSpace(args[i+len(sep)+2:]), true
}

// reachable is everything c can lay hands on: carried, worn, on the floor.
func (w *World) reachable(c *Character) []*Item {
	out := make([]*Item, 0, len(c.inv)+len(w.floorItems(c))+2)
	out = append(out, c.inv...)
	for _, it := range c.worn {
		if it != nil {
			out = append(out, it)
		}
	}
	return append(out, w.floorItems(c)...)
}

// findOne finds one item among list by query text, answering c when none.
func findOne(c *Character, list []*Item, args, where string) *Item {
	q, ok := query(c, args)
	if !ok {
		return nil
	}
	q.all, q.count = false, 0
	found, ok := q.pick(list)
	if !ok {
		c.send("You see no " + q.what() + " " + where + ".\n")
		return nil
	}
	return found[0]
}

// cmdExamine describes a thing closely.
func (w *World) cmdExamine(c *Character, args string) {
	if n := w.findNPC(c, args); n != nil {
		c.send(w.npcText(c, n))
		return
	}
	it := findOne(c, w.reachable(c), args, "here")
	if it == nil {
		return
	}
	c.send(w.examineText(c, it))
}

// examineText is what examine shows of it.
func (w *World) examineText(c *Character, it *Item) string {
	var b strings.Builder
	b.WriteString(capitalize(it.name()) + "\n")
	b.WriteString(wrap(it.proto.Description, c.width()) + "\n")
	fmt.Fprintf(&b, "It weighs %s lb", tenths(it.weight()))
	if len(it.proto.Slots) > 0 {
		b.WriteString("; it can be worn on: " + strings.ReplaceAll(strings.Join(it.proto.Slots, ", "), "_", " "))
	}
	b.WriteString(".\n")
	if it.proto.isContainer() {
		b.WriteString(w.insideText(it))
	}
	return b.String()
}

// asciiLower lower-cases the ASCII letters of s and leaves every other byte
// as it is, so that indexes into it are indexes into s.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
