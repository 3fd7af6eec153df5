package world

import (
	"cmp"
	"slices"
	"time"

	"mythosd/store"
)

// Cadence and limits of fights (GAME-RULES.md, Combat).
const (
	defaultCombatRound = 3 * time.Second
	fightIdleEnd       = 180 * time.Second // a fight with no hit for this long ends
	loginCalm          = 10 * time.Second  // no fighting this soon after a login
)

// Kinds of queued action.
const (
	actNone uint8 = iota
	actFlee
	actUse
)

// action is what a character does at its next turn instead of striking.
type action struct {
	kind uint8
	args string // what to use
}

// threat is what one character has done to an NPC in its fight.
type threat struct {
	char   *Character
	damage int
}

// fight is one fight in one room: characters against NPCs. Its rounds sit
// in the NPC schedule (DESIGN rule 12); it waits on nothing. Loop-owned.
type fight struct {
	room    string
	chars   []*Character
	npcs    []*NPC
	lastHit int64 // unix nanoseconds of the last blow that landed (or the start)
	over    bool
	order   []turn // reused by every round
}

// turn is one participant's place in a round.
type turn struct {
	char *Character
	npc  *NPC
	dex  int
	tie  uint32
}

// peaceful reports whether a room's environment forbids fighting.
func peaceful(env string) bool {
	switch env {
	case "sanctuary", "sun_sanctuary", "temple", "safehouse":
		return true
	}
	return false
}

// cannotFight says why c cannot start a fight with n now, or "".
func (w *World) cannotFight(c *Character, n *NPC, now time.Time) string {
	switch {
	case c.limbo || c.mortal():
		return "You are in no state to fight."
	case n.def.Kind == store.NPCShopkeeper:
		return theName(n.name()) + " is under the town's protection; your hand will not rise against them."
	case w.roomPeaceful(c.RoomID):
		return "A stillness lies on this place. You cannot bring yourself to violence here."
	case now.UnixNano()-c.enteredAt < int64(loginCalm):
		return "You are still finding your feet; give yourself a moment."
	case c.fight != nil && n.fight != nil && c.fight != n.fight:
		return theName(n.name()) + " is caught up in another fight."
	}
	return ""
}

// roomPeaceful reports whether room id is a sanctuary, temple or safehouse.
func (w *World) roomPeaceful(id string) bool {
	p := w.places[id]
	return p != nil && p.room != nil && peaceful(p.room.Env)
}

// engage puts c and n in one fight, making one when neither is in any;
// c strikes n when it chose to (aim) or has no target yet. The first round
// comes at the next tick.
func (w *World) engage(c *Character, n *NPC, aim bool, now time.Time) {
	f := c.fight
	if f == nil {
		f = n.fight
	}
	if f == nil {
		f = &fight{room: n.room, lastHit: now.UnixNano()}
		w.fightCount++
		w.npcQueue.push(npcEvent{at: now.UnixNano(), kind: evRound, fight: f})
	}
	if c.fight == nil {
		c.fight = f
		f.chars = append(f.chars, c)
		c.resting = false
	}
	if n.fight == nil {
		n.fight = f
		f.npcs = append(f.npcs, n)
	}
	if aim || c.target == nil {
		c.target = n
	}
	n.noteThreat(c, 0)
}

// noteThreat adds damage done by c to n's threat table.
func (n *NPC) noteThreat(c *Character, damage int) {
	for i := range n.threat {
		if n.threat[i].char == c {
			n.threat[i].damage += damage
			return
		}
	}
	n.threat = append(n.threat, threat{char: c, damage: damage})
}

// pickTarget is whom n strikes: of the characters still in its fight, the
// one who dealt it the most damage, else the first who attacked it.
func (n *NPC) pickTarget() *Character {
	var best *Character
	most := -1
	for _, t := range n.threat {
		if t.char.fight == n.fight && n.fight != nil && t.damage > most {
			best, most = t.char, t.damage
		}
	}
	return best
}

// runRound runs one round of f: every participant acts once, highest DEX
// first, ties at random. Then the fight ends or the next round is due.
func (w *World) runRound(f *fight, now time.Time) {
	if f.over {
		return
	}
	w.orderRound(f)
	for _, t := range f.order {
		if f.over {
			break
		}
		if t.char != nil {
			w.charTurn(f, t.char, now)
		} else {
			w.npcTurn(f, t.npc, now)
		}
	}
	clear(f.order)
	if !f.over && now.UnixNano()-f.lastHit >= int64(fightIdleEnd) {
		w.tellFight(f, "The fight peters out; nobody has landed a blow in a long while.")
		w.endFight(f)
	}
	if !f.over {
		w.npcQueue.push(npcEvent{at: now.Add(w.cfg.CombatRound).UnixNano(), kind: evRound, fight: f})
	}
}

// orderRound fills f.order with the turns of a round: highest DEX first,
// ties in a random order.
func (w *World) orderRound(f *fight) {
	f.order = f.order[:0]
	for _, c := range f.chars {
		f.order = append(f.order, turn{char: c, dex: c.attrs[attrDEX], tie: w.rng.Uint32()})
	}
	for _, n := range f.npcs {
		f.order = append(f.order, turn{npc: n, dex: n.def.DEX, tie: w.rng.Uint32()})
	}
	slices.SortFunc(f.order, func(a, b turn) int {
		if a.dex != b.dex {
			return cmp.Compare(b.dex, a.dex)
		}
		return cmp.Compare(a.tie, b.tie)
	})
}

// charTurn is c's part of a round: its queued action, else a blow at its
// target (or, when that is gone, at another foe of the fight).
func (w *World) charTurn(f *fight, c *Character, now time.Time) {
	if c.fight != f || c.mortal() {
		return
	}
	act := c.action
	c.action = action{}
	switch act.kind {
	case actFlee:
		w.flee(c, now)
		return
	case actUse:
		w.use(c, "use", act.args)
		return
	}
	n := c.target
	if n == nil || n.fight != f {
		if len(f.npcs) == 0 {
			return
		}
		n = f.npcs[0]
		c.target = n
	}
	w.charStrikes(f, c, n, now)
}

// npcTurn is n's part of a round: a blow at its target.
func (w *World) npcTurn(f *fight, n *NPC, now time.Time) {
	if n.fight != f || n.gone {
		return
	}
	if c := n.pickTarget(); c != nil {
		w.npcStrikes(f, n, c, now)
	}
}

// tellFight tells everyone in f's room.
func (w *World) tellFight(f *fight, text string) { w.tellFightBut(f, nil, text) }

// tellFightBut tells everyone in f's room but skip; a phantom's fight is
// seen by nobody else.
func (w *World) tellFightBut(f *fight, skip *Character, text string) {
	if len(f.npcs) == 1 && f.npcs[0].phantomOf != nil {
		return
	}
	w.tellRoom(f.room, skip, text)
}

// leaveFight takes c out of its fight; a fight with no characters left ends.
func (w *World) leaveFight(c *Character) {
	f := c.fight
	if f == nil {
		return
	}
	c.fight, c.target, c.action = nil, nil, action{}
	if i := slices.Index(f.chars, c); i >= 0 {
		f.chars = slices.Delete(f.chars, i, i+1)
	}
	if len(f.chars) == 0 {
		w.endFight(f)
	}
}

// npcLeavesFight takes n out of its fight; a fight with no NPCs left ends.
func (w *World) npcLeavesFight(n *NPC) {
	f := n.fight
	if f == nil {
		return
	}
	n.fight, n.threat = nil, nil
	if i := slices.Index(f.npcs, n); i >= 0 {
		f.npcs = slices.Delete(f.npcs, i, i+1)
	}
	if len(f.npcs) == 0 {
		w.endFight(f)
	}
}

// endFight ends f: everyone in it is free.
func (w *World) endFight(f *fight) {
	if f.over {
		return
	}
	f.over = true
	w.fightCount--
	for _, c := range f.chars {
		c.fight, c.target, c.action = nil, nil, action{}
		w.scheduleVitals(c)
	}
	for _, n := range f.npcs {
		n.fight, n.threat = nil, nil
	}
	f.chars, f.npcs = nil, nil
}

// npcStartsFight is the aggressive NPCs' hook: when n's grace ends it
// attacks c, unless the room is peaceful; a character who has just
// logged in is attacked once their first moments are over.
func (w *World) npcStartsFight(n *NPC, c *Character) {
	now := w.cfg.Clock.Now()
	if c.limbo || c.mortal() || w.roomPeaceful(c.RoomID) || (c.fight != nil && n.fight != nil && c.fight != n.fight) {
		return
	}
	if wait := c.enteredAt + int64(loginCalm) - now.UnixNano(); wait > 0 {
		w.npcQueue.push(npcEvent{at: now.UnixNano() + wait, kind: evThreat, npc: n, char: c})
		return
	}
	w.engage(c, n, false, now)
}
