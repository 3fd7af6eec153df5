package world

import (
	"strings"
	"time"

	"mythosd/store"
)

// phantomDP is a phantom hostile's DP: one blow ends it.
const phantomDP = 1

// conjurePhantom gives c a phantom hostile in its room, seen by c alone: a
// figure of a hallucination that does not go away. It threatens like an
// aggressive NPC; striking it (combat) makes it vanish.
func (w *World) conjurePhantom(c *Character, figure string, now time.Time) {
	def := &npcDef{NPCDef: store.NPCDef{
		ID: "phantom", Name: figure, Keywords: append(strings.Fields(strings.ToLower(figure)), "phantom"),
		RoomText:    capitalize(figure) + " is here, watching you.",
		Description: "You cannot hold it in focus. It is there whenever you look away, and it wants something from you.",
		Kind:        store.NPCAggressive, DP: phantomDP, DEX: 50, STR: 50, Damage: store.NPCDamage{Min: 0, Max: 0},
	}}
	w.dispelPhantom(c, "")
	w.nextNPC++
	n := &NPC{ID: w.nextNPC, def: def, room: c.RoomID, DP: phantomDP, phantomOf: c}
	c.phantom = n
	c.notify(paint(styleHorror, "You glimpse "+figure+" at the edge of the room. It does not go away when you look again."))
	w.sendNPC(c, "Char.Items.Add", n)
	w.threaten(n, c, now)
}

// dispelPhantom ends c's phantom, if any, telling c with text (none when "").
func (w *World) dispelPhantom(c *Character, text string) {
	n := c.phantom
	if n == nil {
		return
	}
	c.phantom, n.gone = nil, true
	w.npcLeavesFight(n)
	if text != "" {
		c.notify(text)
	}
	w.sendNPC(c, "Char.Items.Remove", n)
}
