package world

import "strconv"

// useVerb returns the handler of use, drink, eat or read.
func useVerb(verb string) func(*World, *Character, string) {
	return func(w *World, c *Character, args string) { w.use(c, verb, args) }
}

// use uses, drinks, eats or reads something carried.
func (w *World) use(c *Character, verb, args string) {
	list := append(append([]*Item(nil), c.inv...), c.wornList()...)
	it := findOne(c, list, args, "about you")
	if it == nil {
		return
	}
	u := it.proto.Use
	if u == nil || (verb != "use" && u.Verb != verb) {
		c.send("You cannot " + verb + " " + it.name() + ".\n")
		return
	}
	if u.Text != "" {
		c.send(wrap(u.Text, c.width()) + "\n")
	} else {
		c.send("You " + u.Verb + " " + it.name() + ".\n")
	}
	if u.Verb != "read" {
		w.tellRoom(c.RoomID, c, c.Name+" "+u.Verb+"s "+it.name()+".")
	}
	if it.proto.consumed() {
		w.destroy(it)
	}
	if u.Lucidity != 0 {
		w.changeLucidity(c, u.Lucidity, "item_"+u.Verb)
		c.send("Lucidity " + signed(u.Lucidity) + ".\n")
	}
}

// signed shows n with its sign: "+3", "-2".
func signed(n int) string {
	if n > 0 {
		return "+" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}
