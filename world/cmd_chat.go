package world

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"mythosd/world/lucidity"
)

// maxMessage is the longest line of chat, in characters.
const maxMessage = 500

// chatCommands are the chat commands beyond say and emote.
func chatCommands() []*command {
	return []*command{
		{name: "local", summary: "speak to everyone in this part of town", run: (*World).cmdLocal, topic: "chat"},
		{name: "global", aliases: []string{"shout"}, summary: "speak to everyone awake", run: (*World).cmdGlobal, topic: "chat"},
		{name: "whisper", summary: "whisper to one player: whisper <name> <message>", run: (*World).cmdWhisper, topic: "chat"},
		{name: "reply", summary: "whisper back to whoever whispered last", run: (*World).cmdReply, topic: "chat"},
		{name: "pose", summary: "set a scene: pose The lamps gutter.", run: (*World).cmdPose, topic: "chat"},
		{name: "channels", summary: "list channels, or turn one off or on: channels off global", run: (*World).cmdChannels, topic: "chat"},
		{name: "system", run: (*World).cmdSystem, exact: true},
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
		c.send(w.unknown("system"))
		return
	}
	w.speak(c, chSystem, "", args, func(m string) string { return "[System] " + m })
}

// cmdWhisper whispers to one player, here or on another node.
func (w *World) cmdWhisper(c *Character, args string) {
	name, text, _ := strings.Cut(strings.TrimSpace(args), " ")
	if name == "" {
		c.send("Whisper to whom? whisper <name> <message>\n")
		return
	}
	w.whisper(c, name, strings.TrimSpace(text))
}

// cmdReply whispers back to whoever whispered to c last.
func (w *World) cmdReply(c *Character, args string) {
	if c.replyTo == "" {
		c.send("No one has whispered to you.\n")
		return
	}
	w.whisper(c, c.replyTo, strings.TrimSpace(args))
}

// whisper sends a whisper: at once to a player of this node, else as a
// request over the bus that the player's node answers.
func (w *World) whisper(c *Character, to, text string) {
	if nameKey(to) == nameKey(c.Name) {
		c.send("You mutter to yourself.\n")
		return
	}
	if !w.mayChat(c, chWhisper, text) {
		return
	}
	if w.rules.EffectsOf(c.Lucidity).Strained {
		text = "[strained] " + text
	}
	msg := w.distortOutgoing(c, text)
	w.chatSeq++
	m := chatMsg{ID: fmt.Sprint(w.chatSeq), Node: w.node(), Ch: chWhisper, From: c.Name, Admin: c.Admin, Text: msg, To: to}
	if name := w.deliverWhisper(m); name != "" {
		c.send("You whisper to " + name + ", \"" + msg + "\"\n")
		return
	}
	if !w.busUp() {
		c.send("No one called " + properName(to) + " is awake.\n")
		return
	}
	w.remoteWhisper(c, m)
}

// remoteWhisper asks the other nodes to deliver a whisper, off the loop;
// the answer comes back to c's session as the end of its command.
func (w *World) remoteWhisper(c *Character, m chatMsg) {
	s := c.sess
	s.pending++
	data, _ := json.Marshal(m)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), remoteWait)
		defer cancel()
		answer, err := w.cfg.Bus.Request(ctx, m.subject(), data)
		var a whisperAnswer
		if err == nil {
			err = json.Unmarshal(answer, &a)
		}
		w.post(func() {
			s.pending--
			defer s.finished()
			if c.sess != s {
				return
			}
			if err != nil || !a.Delivered {
				c.send("No one called " + properName(m.To) + " is awake.\n")
				return
			}
			c.send("You whisper to " + a.Name + ", \"" + m.Text + "\"\n")
		})
	}()
}

// deliverWhisper gives a whisper to its target if they play on this node,
// and returns the target's name ("" when not here). A whisper to someone
// who muted the sender is swallowed, and the sender is not told.
func (w *World) deliverWhisper(m chatMsg) string {
	o := w.chars[nameKey(m.To)]
	if o == nil || !o.online() {
		return ""
	}
	if w.hears(o, m) {
		line := w.render(o, m)
		o.notify(line)
		w.sendChannel(o, chWhisper, m.From, line)
		o.replyTo = m.From
	}
	return o.Name
}

// channelNames lists the channels a player can turn off.
func channelNames() []string {
	return []string{chSay, chEmote, chPose, chLocal, chGlobal, chWhisper}
}

// channelOffKey is the fact that says a channel is off for a character.
func channelOffKey(ch string) string { return "channel_off." + ch }

// cmdChannels lists the channels, or turns one off or on.
func (w *World) cmdChannels(c *Character, args string) {
	fields := strings.Fields(strings.ToLower(args))
	if len(fields) == 0 {
		var b strings.Builder
		for _, ch := range channelNames() {
			state := "on"
			if c.fact(channelOffKey(ch)) != 0 {
				state = "off"
			}
			fmt.Fprintf(&b, "  %-8s %s\n", ch, state)
		}
		b.WriteString("  system   on (always)\n")
		c.send("Channels:\n" + b.String())
		return
	}
	if len(fields) != 2 || (fields[0] != "on" && fields[0] != "off") || !isChannel(fields[1]) {
		c.send("Usage: channels [on|off <channel>]; channels: " + strings.Join(channelNames(), ", ") + "\n")
		return
	}
	off := int64(0)
	if fields[0] == "off" {
		off = 1
	}
	w.setFact(c, channelOffKey(fields[1]), off)
	c.send("Channel " + fields[1] + " is now " + fields[0] + ".\n")
}

func isChannel(name string) bool {
	for _, ch := range channelNames() {
		if ch == name {
			return true
		}
	}
	return false
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

// remoteWait bounds a request to the other nodes (whispers, who).
const remoteWait = 500 * time.Millisecond
