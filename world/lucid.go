package world

import (
	"time"

	"mythosd/store"
	"mythosd/world/lucidity"
)

// Reason codes of the lucidity log.
const (
	reasonFlux      = "passive_flux"
	reasonAdmin     = "admin"
	reasonGround    = "grounded"
	reasonDelirium  = "delirium_wake"
	reasonCommitted = "committed"
)

// changeLucidity changes c's lucidity by delta for reason: it logs the
// change, adds a liability for a great loss or a fall to a worse tier,
// tells the player of a new tier, and starts delirium or commitment when
// their thresholds are crossed. Loop only.
func (w *World) changeLucidity(c *Character, delta int, reason string) {
	w.setLucidity(c, c.Lucidity+delta, reason)
}

// setLucidity sets c's lucidity to lcd (clamped) for reason, with all that
// changeLucidity does.
func (w *World) setLucidity(c *Character, lcd int, reason string) {
	old := c.Lucidity
	c.Lucidity = lucidity.Clamp(lcd)
	delta := c.Lucidity - old
	if delta == 0 {
		return
	}
	w.markDirty(c)
	w.changes = append(w.changes, store.LucidityChange{CharacterID: c.ID, Delta: delta, Reason: reason, At: w.cfg.Clock.Now()})
	from, to := lucidity.TierOf(old), lucidity.TierOf(c.Lucidity)
	if name, ok := w.rules.Liability(delta, from, to); ok {
		w.addFact(c, lucidity.LiabilityKey(name), 1)
	}
	if from != to {
		c.notify(paint(styleMind, tierMessage(from, to)))
	}
	w.sendVitals(c)
	switch {
	case old > w.rules.Committed && c.Lucidity <= w.rules.Committed:
		w.commit(c)
	case old > w.rules.Delirium && c.Lucidity <= w.rules.Delirium && c.wakeAt.IsZero():
		w.startDelirium(c)
	}
}

// tierMessage tells a player their mind has moved to another tier.
func tierMessage(from, to lucidity.Tier) string {
	if to < from {
		switch to {
		case lucidity.Lucid:
			return "The world settles back into its proper shape. You are lucid again."
		case lucidity.Uneasy:
			return "The worst of it ebbs. You are still uneasy, but you can think."
		case lucidity.Fractured:
			return "Some of the pieces of your mind find each other again."
		default:
			return "A thread of sense returns; you cling to it."
		}
	}
	switch to {
	case lucidity.Uneasy:
		return "A chill settles behind your eyes. You feel uneasy."
	case lucidity.Fractured:
		return "Something in your mind cracks like old plaster. Your thoughts are fractured."
	case lucidity.Deranged:
		return "Laughter that is not yours bubbles up from somewhere. You are deranged."
	default:
		return "The world goes very far away. You are catatonic."
	}
}

// fact returns one of c's facts, 0 when unset.
func (c *Character) fact(key string) int64 { return c.facts[key] }

// setFact sets one of c's facts and queues it for the store. Loop only.
func (w *World) setFact(c *Character, key string, v int64) {
	if v == 0 {
		delete(c.facts, key)
	} else {
		c.facts[key] = v
	}
	w.facts = append(w.facts, store.Fact{CharacterID: c.ID, Key: key, Value: v})
}

// addFact adds n to one of c's facts.
func (w *World) addFact(c *Character, key string, n int64) { w.setFact(c, key, c.fact(key)+n) }

// startDelirium: the character collapses; after a delay they wake in the
// sanitarium.
func (w *World) startDelirium(c *Character) {
	c.wakeAt = w.cfg.Clock.Now().Add(w.rules.DeliriumDelay)
	c.notify("The floor tilts up to meet you. Voices, lights, a long fall into delirium...")
	w.tellRoom(c.RoomID, c, c.Name+" collapses, muttering, eyes rolled back.")
}

// wakeFromDelirium brings a delirious character round in the sanitarium.
func (w *World) wakeFromDelirium(c *Character) {
	c.wakeAt = time.Time{}
	w.respawn(c, w.rules.DeliriumWake, reasonDelirium,
		"You wake in a narrow sanitarium bed, strapped loosely down. A nurse hums somewhere. You are alive.")
}

// commit has the sanitarium take in a character whose mind has gone to the
// very bottom.
func (w *World) commit(c *Character) {
	c.wakeAt = time.Time{}
	w.addFact(c, lucidity.LiabilityKey(lucidity.LiabilityCommitted), 1)
	w.respawn(c, w.rules.CommittedWake, reasonCommitted,
		"Orderlies. A needle. White walls. You have been committed to Arkham Sanitarium.")
}

// respawn moves c to the start room with lucidity lcd.
func (w *World) respawn(c *Character, lcd int, reason, text string) {
	w.setLucidity(c, lcd, reason)
	if !c.online() {
		c.RoomID = w.cfg.StartRoom
		w.markDirty(c)
		return
	}
	c.notify(text)
	w.rooms.get(w.cfg.StartRoom, func(r *Room, err error) {
		if err != nil || !c.online() {
			return
		}
		w.relocate(c, r, c.Name+" is carried away by grim-faced orderlies.", c.Name+" is wheeled in on a creaking gurney.")
		c.idlePrompt()
	})
}
