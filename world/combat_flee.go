package world

import (
	"time"

	"mythosd/store"
)

// flee tries to get c out of its fight: the chance grows with the ways out
// and shrinks with the foes (fleeChance); success takes c through a random
// unlocked exit.
func (w *World) flee(c *Character, now time.Time) {
	f := c.fight
	if f == nil {
		return
	}
	ways := w.fleeExits(c)
	if len(ways) == 0 || w.rng.Float64() >= fleeChance(len(ways), len(f.npcs)) {
		c.notify("You look for a way out, but they cut you off!")
		w.tellFightBut(f, c, c.Name+" tries to flee, but is cut off.")
		return
	}
	w.fleeThrough(c)
}

// fleeExits are the unlocked, visible ways out of c's room.
func (w *World) fleeExits(c *Character) []store.Exit {
	p := w.places[c.RoomID]
	if p == nil || p.room == nil {
		return nil
	}
	var ways []store.Exit
	for _, e := range p.room.Exits {
		if !e.Has(store.ExitHidden) && !w.exitLocked(p.room.ID, e) && e.Target != p.room.ID {
			ways = append(ways, e)
		}
	}
	return ways
}

// fleeThrough takes c out of its fight and through a random unlocked exit,
// if there is one.
func (w *World) fleeThrough(c *Character) {
	ways := w.fleeExits(c)
	w.leaveFight(c)
	if len(ways) == 0 {
		return
	}
	e := ways[w.rng.IntN(len(ways))]
	from := c.RoomID
	c.notify("You flee " + departureTo(e.Direction) + "!")
	w.withRoom(c, e.Target, func(to *Room, err error) {
		if err != nil || c.RoomID != from || c.limbo {
			return
		}
		w.relocate(c, to, c.Name+" flees "+departureTo(e.Direction)+"!", c.Name+" stumbles in "+arrivalFrom(e.Direction)+", panting.")
		c.idlePrompt()
	})
}
