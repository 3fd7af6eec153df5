package world

import (
	"unicode/utf8"

	"mythosd/world/lucidity"
)

// maxMessage is the longest message a player may say or emote, in characters.
const maxMessage = 500

// checkMessage tells c why msg cannot be sent, or returns true.
func checkMessage(c *Character, msg, verb string) bool {
	if msg == "" {
		c.send(capitalize(verb) + " what?\n")
		return false
	}
	if utf8.RuneCountInString(msg) > maxMessage {
		c.send("That is too much to " + verb + " at once (500 characters at most).\n")
		return false
	}
	return true
}

// cmdSay speaks to everyone in the room.
func (w *World) cmdSay(c *Character, args string) {
	if !checkMessage(c, args, "say") {
		return
	}
	msg := w.distortOutgoing(c, args)
	c.send("You say, \"" + msg + "\"\n")
	w.sendChannel(c, "say", c.Name, msg)
	w.tellRoomChat(c, "say", func(heard string) string { return c.Name + " says, \"" + heard + "\"" }, msg)
}

// cmdEmote acts something out before everyone in the room.
func (w *World) cmdEmote(c *Character, args string) {
	if !checkMessage(c, args, "emote") {
		return
	}
	msg := w.distortOutgoing(c, args)
	c.send(c.Name + " " + msg + "\n")
	w.sendChannel(c, "emote", c.Name, c.Name+" "+msg)
	w.tellRoomChat(c, "emote", func(heard string) string { return c.Name + " " + heard }, msg)
}

// tellRoomChat gives a line of chat from c to everyone else in c's room,
// each hearing it through their own state of mind.
func (w *World) tellRoomChat(c *Character, channel string, format func(string) string, msg string) {
	p := w.places[c.RoomID]
	if p == nil {
		return
	}
	for _, o := range p.chars {
		if o == c {
			continue
		}
		line := format(w.distortIncoming(o, msg))
		o.notify(line)
		w.sendChannel(o, channel, c.Name, line)
	}
}

// distortOutgoing is what a speaker's tier does to what they say.
func (w *World) distortOutgoing(c *Character, msg string) string {
	if lucidity.Roll(w.rng, w.rules.EffectsOf(c.Lucidity).Glyphs) {
		return lucidity.AddGlyphs(msg, w.rng)
	}
	return msg
}

// distortIncoming is what a listener's tier does to what they hear.
func (w *World) distortIncoming(listener *Character, msg string) string {
	fx := w.rules.EffectsOf(listener.Lucidity)
	if lucidity.Roll(w.rng, fx.Scramble) {
		msg = lucidity.Scramble(msg, w.rng)
	}
	if lucidity.Roll(w.rng, fx.LosePunctuation) {
		msg = lucidity.StripPunctuation(msg)
	}
	return msg
}
