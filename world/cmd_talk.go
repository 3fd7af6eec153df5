package world

import "unicode/utf8"

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
	c.send("You say, \"" + args + "\"\n")
	w.tellRoom(c.RoomID, c, c.Name+" says, \""+args+"\"")
}

// cmdEmote acts something out before everyone in the room.
func (w *World) cmdEmote(c *Character, args string) {
	if !checkMessage(c, args, "emote") {
		return
	}
	text := c.Name + " " + args
	c.send(text + "\n")
	w.tellRoom(c.RoomID, c, text)
}
