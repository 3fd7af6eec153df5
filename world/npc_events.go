package world

import (
	"time"

	"mythosd/store"
)

// NPCStats describes the NPCs and their timed work.
type NPCStats struct {
	Population int           // real NPCs in the world
	Scheduled  int           // NPC events waiting in the schedule
	Due        int           // events the last tick ran
	Work       time.Duration // time the last tick spent on them
	Fights     int           // fights in progress
}

// npcTick runs the NPC events due by now. Loop only.
func (w *World) npcTick(now time.Time) {
	start := w.cfg.Clock.Now()
	due := 0
	for {
		e, ok := w.npcQueue.popDue(now.UnixNano())
		if !ok {
			break
		}
		due++
		w.runNPCEvent(e, now)
	}
	w.npcStats = NPCStats{Population: w.npcCount, Scheduled: len(w.npcQueue), Due: due,
		Work: w.cfg.Clock.Now().Sub(start), Fights: w.fightCount}
}

// runNPCEvent does one piece of NPC work.
func (w *World) runNPCEvent(e npcEvent, now time.Time) {
	switch e.kind {
	case evSpawn:
		w.trySpawn(e.spawn, now)
		return
	case evRound:
		w.runRound(e.fight, now)
		return
	case evVitals:
		w.vitalsStep(e.char, e.seq, now)
		return
	case evWake:
		w.wake(e.char)
		return
	}
	if e.npc.gone {
		return
	}
	switch e.kind {
	case evWander:
		w.npcQueue.push(npcEvent{at: now.Add(w.jitter(e.npc.def.wander)).UnixNano(), kind: evWander, npc: e.npc})
		w.wander(e.npc, now)
	case evThreat:
		w.threatDue(e.npc, e.char)
	case evTimeCheck:
		w.timeCheck(e.npc, now)
	case evRestock:
		w.restock(e.npc, now)
	}
}

// wander moves n through a random exit of its room into another room of
// its sub-zone: unlocked, not hidden, and loaded (rooms come through the
// cache; an NPC never makes the loop wait for one). With no way out it
// stays where it is.
func (w *World) wander(n *NPC, now time.Time) {
	r, ok := w.rooms.peek(n.room)
	if !ok || n.fight != nil {
		return
	}
	var ways [10]store.Exit
	count := 0
	for _, e := range r.Exits {
		if e.Has(store.ExitHidden) || w.exitLocked(r.ID, e) {
			continue
		}
		to, ok := w.rooms.peek(e.Target)
		if ok && to.ID != r.ID && to.Plane == r.Plane && to.Zone == r.Zone && to.SubZone == r.SubZone && count < len(ways) {
			ways[count] = e
			count++
		}
	}
	if count == 0 {
		return
	}
	e := ways[0]
	if count > 1 {
		e = ways[w.rng.IntN(count)]
	}
	w.moveNPC(n, e, now)
}

// moveNPC takes n through exit e.
func (w *World) moveNPC(n *NPC, e store.Exit, now time.Time) {
	w.takeNPC(n)
	w.tellRoom(n.room, nil, capitalize(n.name())+" leaves "+departureTo(e.Direction)+".")
	n.room = e.Target
	w.npcArrives(n, capitalize(n.name())+" arrives "+arrivalFrom(e.Direction)+".", now)
}

// threatDue ends an aggressive n's grace: if c is still in its room, n
// turns on c, and the combat hook (when there is one) starts the fight.
func (w *World) threatDue(n *NPC, c *Character) {
	if !c.online() || c.RoomID != n.room {
		return
	}
	c.notify(paint(styleHorror, theName(n.name())+" turns toward you, hungry."))
	if n.phantomOf == nil {
		w.tellRoom(n.room, c, theName(n.name())+" turns toward "+c.Name+", hungry.")
	}
	if w.npcAttack != nil {
		w.npcAttack(n, c)
	}
}

// timeCheck sends an NPC of the day or the night away when its time is
// over and nobody is there to see it go; else it checks again later.
func (w *World) timeCheck(n *NPC, now time.Time) {
	if spawnTimeHolds(n.spawn.Time, w.clock.at(now)) || w.places[n.room] != nil {
		w.npcQueue.push(npcEvent{at: now.Add(timeCheckEvery).UnixNano(), kind: evTimeCheck, npc: n})
		return
	}
	w.removeNPC(n, "", now)
}
