package world

import (
	"fmt"
	"unicode/utf8"

	"mythosd/store"
)

// maxMessage is the longest line of chat, in characters.
const maxMessage = 500

// sayCommands are say and emote, to the room.
func sayCommands() []*command {
	return []*command{
		{name: "say", aliases: []string{"'"}, summary: "speak to the room: say Hello", run: (*World).cmdSay},
		{name: "emote", aliases: []string{":"}, summary: "act something out: emote shivers.", run: (*World).cmdEmote},
	}
}

// chatCommands are the chat commands beyond say and emote.
func chatCommands() []*command {
	return []*command{
		{name: "local", summary: "speak to everyone in this part of town", run: (*World).cmdLocal, topic: "chat"},
		{name: "global", aliases: []string{"shout"}, summary: "speak to everyone awake", run: (*World).cmdGlobal, topic: "chat"},
		{name: "whisper", summary: "whisper to one player: whisper <name> <message>", run: (*World).cmdWhisper, topic: "chat"},
		{name: "reply", summary: "whisper back to whoever whispered last", run: (*World).cmdReply, topic: "chat"},
		{name: "pose", summary: "set a scene: pose The lamps gutter.", run: (*World).cmdPose, topic: "chat"},
		{name: "channels", summary: "list channels, or turn one off or on: channels off global", run: (*World).cmdChannels, topic: "chat"},
		{name: "system", run: (*World).cmdSystem, exact: true, needs: store.RoleAdmin},
	}
}

// speak checks and sends a line of chat from c on ch, and shows c its echo.
// Loop only.
func (w *World) speak(c *Character, ch, scope, text string, echo func(msg string) string) {
	if !w.mayChat(c, ch, text) {
		return
	}
	msg := w.distortOutgoing(c, text)
	c.send(echo(msg) + "\n")
	w.sendChannel(c, ch, c.Name, echo(msg))
	w.sendChat(c, chatMsg{Ch: ch, Text: msg, Scope: scope})
}

// mayChat tells c why text cannot go out on ch, or returns true: empty,
// too long, rate-limited, or a channel c has turned off.
func (w *World) mayChat(c *Character, ch, text string) bool {
	switch {
	case text == "":
		c.send(capitalize(ch) + " what?\n")
	case utf8.RuneCountInString(text) > maxMessage:
		c.send("That is too much to say at once (500 characters at most).\n")
	case c.fact(channelOffKey(ch)) != 0:
		c.send("Your " + ch + " channel is off; \"channels on " + ch + "\" turns it back on.\n")
	default:
		ok, wait := c.limits.allow(ch, w.cfg.Clock.Now())
		if !ok {
			c.send(fmt.Sprintf("You are speaking too fast on %s; wait %s.\n", ch, roundDuration(wait)))
		}
		return ok
	}
	return false
}

// cmdSay speaks to everyone in the room.
func (w *World) cmdSay(c *Character, args string) {
	w.speak(c, chSay, c.RoomID, args, func(m string) string { return "You say, \"" + m + "\"" })
}

// cmdEmote acts something out before everyone in the room.
func (w *World) cmdEmote(c *Character, args string) {
	w.speak(c, chEmote, c.RoomID, args, func(m string) string { return c.Name + " " + m })
}

// cmdPose sets a scene in the room, signed with the poser's name.
func (w *World) cmdPose(c *Character, args string) {
	w.speak(c, chPose, c.RoomID, args, func(m string) string { return m + " (" + c.Name + ")" })
}

// cmdLocal speaks to everyone in the sub-zone.
func (w *World) cmdLocal(c *Character, args string) {
	p := w.places[c.RoomID]
	if p == nil || p.room == nil {
		return
	}
	w.speak(c, chLocal, p.room.SubZone, args, func(m string) string { return "[Local] You: " + m })
}

// cmdGlobal speaks to everyone on every node; a deranged mind cannot.
func (w *World) cmdGlobal(c *Character, args string) {
	if w.rules.EffectsOf(c.Lucidity).NoShout {
		c.send("You open your mouth to call across the city, and only a giggle comes out.\n")
		return
	}
	w.speak(c, chGlobal, "", args, func(m string) string { return "[Global] You: " + m })
}

// cmdSystem is an admin's announcement to every node.
func (w *World) cmdSystem(c *Character, args string) {
	if !c.Admin {
		c.send(w.unknown(c, "system"))
		return
	}
	w.speak(c, chSystem, "", args, func(m string) string { return "[System] " + m })
}
