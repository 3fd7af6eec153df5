package world

import (
	"slices"
	"time"

	"mythosd/store"
	"mythosd/world/lucidity"
)

// npcArrives puts n into its room, tells who is there with text, and has
// them meet it. A meeting may carry someone off (a horror that commits a
// mind to the sanitarium), so it goes over a copy of who is there.
func (w *World) npcArrives(n *NPC, text string, now time.Time) {
	w.putNPC(n)
	p := w.places[n.room]
	if p == nil {
		return
	}
	for _, c := range slices.Clone(p.chars) {
		c.notify(text)
		w.sendNPC(c, "Char.Items.Add", n)
		w.meet(c, n, now)
	}
}

// meet has c see n: an encounter when n is a horror, and an attack after
// the grace when n is aggressive.
func (w *World) meet(c *Character, n *NPC, now time.Time) {
	if n.def.encounter != "" {
		w.encounter(c, n.def.encounter)
	}
	w.threaten(n, c, now)
}

// threaten schedules an aggressive n's attack on c after the grace.
func (w *World) threaten(n *NPC, c *Character, now time.Time) {
	if n.def.Kind == store.NPCAggressive {
		w.npcQueue.push(npcEvent{at: now.Add(threatGrace).UnixNano(), kind: evThreat, npc: n, char: c})
	}
}

// meetNPCs has c, just come into room, meet who is there: one encounter
// with the worst horror present, one greeting from each kind of NPC that
// greets, and the threat of every aggressive one.
func (w *World) meetNPCs(c *Character, room string, now time.Time) {
	list := w.npcsIn[room]
	if len(list) == 0 {
		return
	}
	var worst lucidity.EncounterKind
	for i, n := range list {
		if encounterRank(n.def.encounter) > encounterRank(worst) {
			worst = n.def.encounter
		}
		if g := n.def.Behaviour.Greet; g != "" && n.def.Kind != store.NPCAggressive && firstOfKind(list, i) {
			c.notify(g)
		}
		w.threaten(n, c, now)
	}
	if worst != "" {
		w.encounter(c, worst)
	}
}

// firstOfKind reports whether list[i] is the first NPC of its definition.
func firstOfKind(list []*NPC, i int) bool {
	return !slices.ContainsFunc(list[:i], func(o *NPC) bool { return sameKind(o.def, list[i].def) })
}

// encounterRank orders encounter kinds from none to cosmic.
func encounterRank(k lucidity.EncounterKind) int {
	switch k {
	case lucidity.Disturbing:
		return 1
	case lucidity.Horrific:
		return 2
	case lucidity.Cosmic:
		return 3
	}
	return 0
}
