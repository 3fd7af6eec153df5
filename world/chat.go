package world

import (
	"encoding/json"
	"strconv"
	"time"
)

// Chat channels.
const (
	chSay     = "say"
	chEmote   = "emote"
	chPose    = "pose"
	chLocal   = "local"
	chGlobal  = "global"
	chWhisper = "whisper"
	chSystem  = "system"
)

// chatMsg is one line of chat, as it travels on the bus.
type chatMsg struct {
	ID    string `json:"id"`
	Node  string `json:"node"`
	Ch    string `json:"ch"`
	From  string `json:"from"`
	Admin bool   `json:"admin,omitempty"`
	// Account is the sender's account on this node, 0 for another node's
	// sender (see decodeChat): a mute of any of its characters silences it.
	Account int64  `json:"account,omitempty"`
	Text    string `json:"text"`
	Scope   string `json:"scope,omitempty"` // room id (say, emote, pose) or sub-zone (local)
	To      string `json:"to,omitempty"`    // whisper target
}

// localEchoTTL is how long a node remembers messages it delivered itself
// while the bus was down, so that their late copies from the bus are not
// delivered twice.
const localEchoTTL = 10 * time.Minute

// subject is where m travels on the bus.
func (m chatMsg) subject() string {
	switch m.Ch {
	case chSay:
		return SubjectSay + m.Scope
	case chEmote, chPose:
		return SubjectEmote + m.Scope
	case chLocal:
		return SubjectLocal + m.Scope
	case chWhisper:
		return SubjectWhisper + nameKey(m.To)
	case chSystem:
		return SubjectSystem
	}
	return SubjectGlobal
}

// sendChat sends a line of chat from c: over the bus when it is up (every
// node, this one included, delivers it from there), else straight to this
// node's players, remembered so that its copy from the bus, sent when the
// bus comes back, is not delivered twice. Loop only.
func (w *World) sendChat(c *Character, m chatMsg) {
	m.ID, m.Node, m.From, m.Admin, m.Account = w.nextChatID(), w.node(), c.Name, c.Admin, c.AccountID
	w.recordChat(c, m)
	if w.cfg.Bus == nil {
		w.broadcast(m)
		return
	}
	delivered := !w.busUp()
	if delivered {
		w.broadcast(m)
		w.localEcho[m.ID] = w.cfg.Clock.Now()
	}
	data, err := json.Marshal(m)
	if err != nil {
		w.log.Error("marshal chat", "err", err)
		return
	}
	if !w.cfg.Bus.Publish(m.subject(), data) && !delivered {
		w.broadcast(m) // the bus is full: this node at least hears it
	}
}

// nextChatID numbers this node's next chat message. Loop only.
func (w *World) nextChatID() string {
	w.chatSeq++
	return strconv.FormatUint(w.chatSeq, 36)
}

// deliverChat takes a line of chat from the bus, unless this node already
// delivered it while the bus was down.
func (w *World) deliverChat(m chatMsg) {
	if m.Node == w.node() {
		if _, done := w.localEcho[m.ID]; done {
			delete(w.localEcho, m.ID)
			return
		}
	}
	w.broadcast(m)
}

// broadcast gives a line of chat to every player of this node who should
// hear it, each through their own mutes, channels and state of mind.
func (w *World) broadcast(m chatMsg) {
	w.forListeners(m, func(o *Character) {
		if w.hears(o, m) {
			line := w.render(o, m)
			o.notify(line)
			w.sendChannel(o, m.Ch, m.From, line)
		}
	})
}

// forListeners calls fn for every online character of this node in m's
// scope, but never for its sender.
func (w *World) forListeners(m chatMsg, fn func(*Character)) {
	skip := func(o *Character) bool { return m.Node == w.node() && o.Name == m.From }
	switch m.Ch {
	case chSay, chEmote, chPose:
		if p := w.places[m.Scope]; p != nil {
			for _, o := range p.chars {
				if !skip(o) {
					fn(o)
				}
			}
		}
	case chLocal:
		for _, p := range w.places {
			if p.room == nil || p.room.SubZone != m.Scope {
				continue
			}
			for _, o := range p.chars {
				if !skip(o) {
					fn(o)
				}
			}
		}
	default: // global, system
		for _, o := range w.chars {
			if o.online() && !skip(o) {
				fn(o)
			}
		}
	}
}

// hears reports whether listener o takes in m: the channel is on for them
// and they have not muted its sender (admins cannot be muted; a global mute
// hides a sender from everyone but admins).
func (w *World) hears(o *Character, m chatMsg) bool {
	if m.Ch != chSystem && o.fact(channelOffKey(m.Ch)) != 0 {
		return false
	}
	return m.Admin || !w.mutes.muted(o, m.From, m.Account, w.cfg.Clock.Now())
}

// render is how listener o reads m.
func (w *World) render(o *Character, m chatMsg) string {
	text := w.distortIncoming(o, m.Text)
	from := m.From
	if m.Node != w.node() {
		from += "@" + m.Node
	}
	switch m.Ch {
	case chSay:
		return from + " says, \"" + text + "\""
	case chEmote:
		return from + " " + text
	case chPose:
		return text + " (" + from + ")"
	case chLocal:
		return paint(styleChat, "[Local]") + " " + from + ": " + text
	case chWhisper:
		return from + " whispers to you, \"" + text + "\""
	case chSystem:
		return paint(styleSystem, "[System] "+text)
	}
	return paint(styleChat, "[Global]") + " " + from + ": " + text
}

// pruneLocalEcho forgets old locally delivered message ids.
func (w *World) pruneLocalEcho(now time.Time) {
	for id, at := range w.localEcho {
		if now.Sub(at) > localEchoTTL {
			delete(w.localEcho, id)
		}
	}
}
