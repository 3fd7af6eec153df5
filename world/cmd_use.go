package world

import "strconv"

// useVerb returns the handler of use, drink, eat or read. In a fight,
// the use waits for the character's turn.
func useVerb(verb string) func(*World, *Character, string) {
	return func(w *World, c *Character, args string) {
		if c.fight != nil {
			c.action = action{kind: actUse, args: args}
			c.send("You will use it at your next turn.\n")
			return
		}
		w.use(c, verb, args)
	}
}

// use uses, drinks, eats or reads something carried; "use <item> on
// <name>" uses a medical item on another character.
func (w *World) use(c *Character, verb, args string) {
	what, on, ok := cutWord(args, "on")
	if !ok {
		what = args
	}
	list := append(append([]*Item(nil), c.inv...), c.wornList()...)
	it := findOne(c, list, what, "about you")
	if it == nil {
		return
	}
	if ok {
		w.useOn(c, it, on)
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
	if u.DP != 0 {
		w.setDP(c, c.dp+u.DP)
		c.send("DP " + signed(u.DP) + ".\n")
	}
}

// useOn uses medical item it on another character in c's room: a mortally
// wounded one stops bleeding at 1 DP; another regains the item's DP.
func (w *World) useOn(c *Character, it *Item, name string) {
	o, err := w.playing(name)
	if err != nil || o.RoomID != c.RoomID || o.limbo {
		c.send("There is nobody called \"" + clip(name, 40) + "\" here.\n")
		return
	}
	if it.proto.Use == nil || it.proto.Use.DP <= 0 {
		c.send(capitalize(it.name()) + " will not help " + o.Name + ".\n")
		return
	}
	if it.proto.consumed() {
		w.destroy(it)
	}
	c.send("You tend to " + o.Name + " with " + it.name() + ".\n")
	w.tellRoom(c.RoomID, c, c.Name+" tends to "+o.Name+" with "+it.name()+".")
	if o.mortal() {
		w.setDP(o, 1)
		o.notify("The bleeding stops. You will live.")
		return
	}
	w.setDP(o, o.dp+it.proto.Use.DP)
}

// signed shows n with its sign: "+3", "-2".
func signed(n int) string {
	if n > 0 {
		return "+" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}
