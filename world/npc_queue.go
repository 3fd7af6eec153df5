package world

// Kinds of timed NPC work.
const (
	evSpawn     uint8 = iota + 1 // try to fill a place of a spawn
	evWander                     // an NPC walks on
	evThreat                     // an aggressive NPC's grace ends
	evTimeCheck                  // an NPC of the day or night checks the hour
	evRound                      // a fight's next round
	evVitals                     // a character regains or bleeds a step
	evWake                       // a dead character's limbo ends
	evRestock                    // a shop's stock returns
)

// npcEvent is one piece of timed NPC work. Events of an NPC that has left
// the world are dropped when they come due.
type npcEvent struct {
	at    int64 // unix nanoseconds
	kind  uint8
	seq   uint32 // a character's vitals schedule this event belongs to
	npc   *NPC
	spawn *spawnState
	char  *Character
	fight *fight
}

// npcQueue is a binary min-heap of NPC events by due time (DESIGN rule 12):
// a tick pops what is due and touches nothing else. Written out rather
// than through container/heap, which would box every event.
type npcQueue []npcEvent

func (q *npcQueue) push(e npcEvent) {
	*q = append(*q, e)
	h := *q
	i := len(h) - 1
	for i > 0 {
		parent := (i - 1) / 2
		if h[parent].at <= h[i].at {
			break
		}
		h[parent], h[i] = h[i], h[parent]
		i = parent
	}
}

// popDue removes and returns the earliest event if it is due by now.
func (q *npcQueue) popDue(now int64) (npcEvent, bool) {
	h := *q
	if len(h) == 0 || h[0].at > now {
		return npcEvent{}, false
	}
	top := h[0]
	last := len(h) - 1
	h[0] = h[last]
	h[last] = npcEvent{} // drop the pointers
	h = h[:last]
	for i := 0; ; {
		least, l, r := i, 2*i+1, 2*i+2
		if l < len(h) && h[l].at < h[least].at {
			least = l
		}
		if r < len(h) && h[r].at < h[least].at {
			least = r
		}
		if least == i {
			break
		}
		h[i], h[least] = h[least], h[i]
		i = least
	}
	*q = h
	return top, true
}
