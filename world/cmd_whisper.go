package world

import (
	"context"
	"encoding/json"
	"strings"
	"time"
)

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
	m := chatMsg{ID: w.nextChatID(), Node: w.node(), Ch: chWhisper, From: c.Name, Admin: c.Admin, Account: c.AccountID, Text: msg, To: to}
	w.recordChat(c, m)
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
	data, _ := json.Marshal(m)
	w.async(c, remoteWait, func(ctx context.Context) func() {
		answer, err := w.cfg.Bus.Request(ctx, m.subject(), data)
		var a whisperAnswer
		if err == nil {
			err = json.Unmarshal(answer, &a)
		}
		return func() {
			if err != nil || !a.Delivered {
				c.send("No one called " + properName(m.To) + " is awake.\n")
				return
			}
			c.send("You whisper to " + a.Name + ", \"" + m.Text + "\"\n")
		}
	})
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

// remoteWait bounds a request to the other nodes (whispers, who).
const remoteWait = 500 * time.Millisecond
