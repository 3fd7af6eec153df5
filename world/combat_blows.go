package world

import (
	"strconv"
	"time"

	"mythosd/world/lucidity"
)

// blowOf is c's blow: the weapon in its main hand, else bare hands.
func (c *Character) blowOf() blow {
	b := blow{min: unarmedMin, max: unarmedMax, str: c.attrs[attrSTR]}
	if it := c.worn[slotIndex("main_hand")]; it != nil && it.proto.Weapon != nil {
		wp := it.proto.Weapon
		b.min, b.max, b.modifier = wp.Min, wp.Max, wp.Modifier
	}
	return b
}

// protection is the sum of what c wears.
func (c *Character) protection() int {
	p := 0
	for _, it := range c.worn {
		if it != nil {
			p += it.proto.Protection
		}
	}
	return p
}

// charStrikes has c swing at n.
func (w *World) charStrikes(f *fight, c *Character, n *NPC, now time.Time) {
	them := n.name()
	if w.rng.IntN(100) >= hitChance(c.attrs[attrDEX], n.def.DEX) {
		c.notify("You miss " + them + ".")
		w.tellFightBut(f, c, c.Name+" misses "+them+".")
		return
	}
	b := c.blowOf()
	dmg := damage(b, b.roll(w.rng), n.def.Protection)
	f.lastHit = now.UnixNano()
	if n.phantomOf != nil {
		c.notify(paint(styleHorror, "Your blow passes through "+them+"; it comes apart like smoke and is gone."))
		w.removeNPC(n, "", now)
		return
	}
	n.DP -= dmg
	n.noteThreat(c, dmg)
	c.notify("You hit " + them + ". (" + strconv.Itoa(dmg) + ")")
	w.tellFightBut(f, c, c.Name+" hits "+them+".")
	switch fb := n.def.Behaviour.FleeBelow; {
	case n.DP <= 0:
		w.npcDies(n, now)
	case fb > 0 && float64(n.DP) < fb*float64(n.def.DP):
		w.npcFlees(n, now)
	}
}

// npcFlees: n, hurt below its share of DP, leaves its fight and runs
// through an exit of its sub-zone, if it finds one.
func (w *World) npcFlees(n *NPC, now time.Time) {
	w.tellFight(n.fight, theName(n.name())+" breaks away and tries to flee!")
	w.npcLeavesFight(n)
	w.wander(n, now)
}

// npcStrikes has n swing at c.
func (w *World) npcStrikes(f *fight, n *NPC, c *Character, now time.Time) {
	who := theName(n.name())
	if w.rng.IntN(100) >= hitChance(n.def.DEX, c.attrs[attrDEX]) {
		c.notify(who + " misses you.")
		w.tellFightBut(f, c, who+" misses "+c.Name+".")
		return
	}
	if n.phantomOf != nil {
		c.notify(paint(styleHorror, who+" rakes at you; you feel nothing but cold."))
		return
	}
	b := blow{min: n.def.Damage.Min, max: n.def.Damage.Max, str: n.def.STR}
	dmg := damage(b, b.roll(w.rng), c.protection())
	f.lastHit = now.UnixNano()
	c.notify(paint(styleHorror, who+" hits you. ("+strconv.Itoa(dmg)+")"))
	w.tellFightBut(f, c, who+" hits "+c.Name+".")
	w.hurt(c, dmg, now)
	if c.fight == f && w.panicked(c, dmg) {
		c.notify(paint(styleMind, "Terror takes your legs; you bolt!"))
		w.fleeThrough(c)
	}
}

// panicked reports whether a deranged c bolts after a blow of dmg: 20 %
// when the blow took more than 15 % of its max DP.
func (w *World) panicked(c *Character, dmg int) bool {
	return c.Tier() == lucidity.Deranged && heavyBlow(dmg, c.maxDP()) &&
		w.rng.Float64() < panicChance
}

// hurt takes dmg DP from c: mortally wounded it drops out of its fight,
// at -10 it dies.
func (w *World) hurt(c *Character, dmg int, now time.Time) {
	w.setDP(c, c.dp-dmg)
	switch {
	case c.dp <= deadAt:
		w.die(c, now)
	case c.mortal():
		w.leaveFight(c)
		c.notify(paint(styleHorror, "You fall, mortally wounded. Only help, quit and say reach you now."))
		w.tellRoom(c.RoomID, c, c.Name+" falls, mortally wounded.")
	}
}
