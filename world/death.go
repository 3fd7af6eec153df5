package world

import (
	"strconv"
	"time"
)

// limboFor is how long a dead character waits before waking.
const limboFor = 10 * time.Second

// die: c's DP fell to -10. Everything c carries and wears is moved into a
// corpse in the room of death, and c waits in limbo, then wakes in the
// sanitarium at full DP with its lucidity unchanged.
func (w *World) die(c *Character, now time.Time) {
	if c.limbo {
		return
	}
	room := c.RoomID
	w.leaveFight(c)
	corpse := w.makeCorpse(c.Name, c.ID, room, now)
	for len(c.inv) > 0 {
		w.intoCorpse(c.inv[0], corpse)
	}
	for _, it := range c.worn {
		if it != nil {
			w.intoCorpse(it, corpse)
		}
	}
	c.limbo, c.resting, c.action = true, false, action{}
	w.markDirty(c)
	c.notify(paint(styleHorror, "Darkness takes you. You are dead.") + "\nYou drift somewhere grey and without edges...")
	w.dispelPhantom(c, "")
	w.takeOut(c)
	w.tellRoom(room, c, c.Name+" dies.")
	w.npcQueue.push(npcEvent{at: now.Add(limboFor).UnixNano(), kind: evWake, char: c})
}

// intoCorpse moves it into corpse. Containers nest two deep at most, so a
// container inside it comes out and lies in the corpse beside it.
func (w *World) intoCorpse(it, corpse *Item) {
	var inner []*Item
	for _, x := range it.contents {
		if x.proto.isContainer() {
			inner = append(inner, x)
		}
	}
	for _, x := range inner {
		w.moveItem(x, insideOf(corpse))
	}
	w.moveItem(it, insideOf(corpse))
}

// wake ends c's limbo: full DP, in the sanitarium.
func (w *World) wake(c *Character) {
	if !c.limbo {
		return
	}
	c.limbo = false
	c.dp = c.maxDP()
	w.markDirty(c)
	if !c.online() {
		c.RoomID = w.cfg.StartRoom
		return
	}
	w.sendVitals(c)
	c.notify("A light. A ceiling. You gasp awake in a sanitarium bed, whole, and very cold.")
	w.rooms.get(w.cfg.StartRoom, func(r *Room, err error) {
		if err != nil || !c.online() || c.limbo {
			return
		}
		w.takeOut(c)
		w.recordVisit(c, r.ID)
		w.tellRoom(r.ID, c, c.Name+" is wheeled in on a creaking gurney, deathly pale.")
		w.putIn(c, r)
		w.showRoom(c, r)
		w.meetNPCs(c, r.ID, w.cfg.Clock.Now())
		c.idlePrompt()
	})
}

// npcDies: n is defeated. It leaves a corpse with loot rolled from its
// table, its XP goes to who damaged it, and its spawn fills again after
// the respawn delay. A phantom just vanishes.
func (w *World) npcDies(n *NPC, now time.Time) {
	if n.gone {
		return
	}
	if n.phantomOf != nil {
		w.removeNPC(n, "", now)
		return
	}
	shares := n.threat
	w.npcLeavesFight(n)
	corpse := w.makeCorpse(n.name(), 0, n.room, now)
	w.rollLoot(n, corpse)
	w.removeNPC(n, theName(n.name())+" collapses and is still.", now)
	w.shareXP(n.def.XP, shares)
}

// rollLoot fills corpse from n's loot table: new instances.
func (w *World) rollLoot(n *NPC, corpse *Item) {
	for _, l := range n.def.Loot {
		p := w.protos[l.Proto]
		if p == nil || (l.Chance < 1 && w.rng.Float64() >= l.Chance) {
			continue
		}
		for range max(l.Quantity, 1) {
			w.newItem(p, insideOf(corpse), "")
		}
	}
}

// shareXP gives xp to the characters of shares in proportion to the damage
// they dealt; what integer division leaves goes to the one who dealt most.
func (w *World) shareXP(xp int, shares []threat) {
	total, top := 0, -1
	for i, s := range shares {
		total += s.damage
		if s.damage > 0 && (top < 0 || s.damage > shares[top].damage) {
			top = i
		}
	}
	if xp <= 0 || total == 0 {
		return
	}
	given := make([]int, len(shares))
	left := xp
	for i, s := range shares {
		given[i] = xp * s.damage / total
		left -= given[i]
	}
	given[top] += left
	for i, s := range shares {
		if given[i] > 0 {
			w.gainXP(s.char, given[i])
		}
	}
}

// gainXP adds xp to c, telling of a new level.
func (w *World) gainXP(c *Character, xp int) {
	before := level(c.xp)
	oldMax := c.maxDP()
	c.xp += int64(xp)
	w.markDirty(c)
	c.notify("You gain " + strconv.Itoa(xp) + " experience.")
	if after := level(c.xp); after > before {
		if c.dp > 0 {
			c.dp += c.maxDP() - oldMax
		}
		c.notify(paint(styleMind, "You have reached level "+strconv.Itoa(after)+". You feel harder to kill."))
	}
	w.sendVitals(c)
}
