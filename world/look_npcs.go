package world

import (
	"strconv"
	"strings"
)

// writeNPCs lists the NPCs c sees in room id, one line per kind, with a
// count when there are several: "[x3] A ghoul crouches among the stones."
// A phantom only c sees comes last.
func (w *World) writeNPCs(b *strings.Builder, c *Character, id string) {
	list := w.npcsIn[id]
	width := c.width()
	for i, n := range list {
		if !firstOfKind(list, i) {
			continue
		}
		writeStyled(b, stylePeople, n.def.roomLine(width, countKind(list[i:], n.def)))
		b.WriteByte('\n')
	}
	if ph := c.phantom; ph != nil && ph.room == id {
		writeStyled(b, stylePeople, ph.def.roomLine(width, 1))
		b.WriteByte('\n')
	}
}

// countKind counts the NPCs of def in list.
func countKind(list []*NPC, def *npcDef) int {
	n := 0
	for _, o := range list {
		if sameKind(o.def, def) {
			n++
		}
	}
	return n
}

// findNPC returns the NPC in c's room that word names (a keyword or its
// start; "2.ghoul" for the second), phantoms c sees included, or nil.
func (w *World) findNPC(c *Character, word string) *NPC {
	word = strings.ToLower(strings.TrimSpace(word))
	nth := 1
	if i := strings.IndexByte(word, '.'); i > 0 {
		if k, err := strconv.Atoi(word[:i]); err == nil && k > 0 {
			nth, word = k, word[i+1:]
		}
	}
	if word == "" {
		return nil
	}
	for _, n := range w.visibleNPCs(c) {
		if n.def.matches(word) {
			if nth--; nth == 0 {
				return n
			}
		}
	}
	return nil
}

// visibleNPCs returns the NPCs c sees in its room.
func (w *World) visibleNPCs(c *Character) []*NPC {
	list := w.npcsIn[c.RoomID]
	if ph := c.phantom; ph != nil && ph.room == c.RoomID {
		return append(list[:len(list):len(list)], ph)
	}
	return list
}

// npcText is what look and examine show of n.
func (w *World) npcText(c *Character, n *NPC) string {
	var b strings.Builder
	b.WriteString(capitalize(n.name()) + "\n")
	b.WriteString(wrap(n.def.Description, c.width()) + "\n")
	b.WriteString(npcCondition(n) + "\n")
	return b.String()
}

// npcCondition says how hurt n looks.
func npcCondition(n *NPC) string {
	switch share := n.DP * 100 / max(n.def.DP, 1); {
	case share >= 100:
		return "Unhurt, as far as you can tell."
	case share >= 50:
		return "Wounded."
	default:
		return "Badly hurt."
	}
}

// gmcpNPC is n in a Char.Items list: attrib "m" marks a mobile, as IRE's
// servers do, and "x" one that will attack.
func gmcpNPC(n *NPC) gmcpItem {
	attrib := "m"
	if n.def.Kind == "aggressive" {
		attrib += "x"
	}
	return gmcpItem{ID: n.gmcpID(), Name: n.name(), Attrib: attrib}
}

// sendNPC sends one NPC package (Char.Items.Add or Remove, location room)
// to c.
func (w *World) sendNPC(c *Character, pkg string, n *NPC) {
	if c.wantsData() {
		w.sendData(c, pkg, gmcpItemOne{Location: "room", Item: gmcpNPC(n)})
	}
}

// sendRoomNPC sends one NPC package to everyone in room id.
func (w *World) sendRoomNPC(id, pkg string, n *NPC) {
	if p := w.places[id]; p != nil {
		for _, c := range p.chars {
			w.sendNPC(c, pkg, n)
		}
	}
}

// sameKind reports whether two definitions are of one kind: the same, or
// one id before and after a builder changed it (medit), so that NPCs made
// before the change and after it still show, greet and count as one kind.
func sameKind(a, b *npcDef) bool { return a == b || (a.kind != nil && a.kind == b.kind) }
