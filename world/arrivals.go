package world

import (
	"strconv"
)

// arrivalText ends the line that tells a room of characters entering the
// world.
const arrivalText = " into being, as if waking from a long dream."

// maxArrivalNames is how many names one arrival line spells out; the rest
// are counted.
const maxArrivalNames = 4

// arrivals coalesces the lines that tell a room of characters entering the
// world. The first arrival in a room in a tick is told at once; later ones
// in the same room wait for the tick's end and are told as one line. A
// storm of N logins into one room so costs its players a line or two per
// tick rather than N lines each. Loop-owned.
type arrivals struct {
	told map[string]struct{}     // rooms told of an arrival this tick
	held map[string][]*Character // later arrivals, by room, in order
}

// tellArrival tells the room c enters the world in, now or at the tick's
// end (see arrivals). Called before c is put in the room: an empty room
// hears nothing and stays free for the next arrival's line at once.
func (w *World) tellArrival(c *Character, room string) {
	a := &w.arrivals
	if a.told == nil {
		a.told, a.held = make(map[string]struct{}), make(map[string][]*Character)
	}
	if _, busy := a.told[room]; !busy {
		if p := w.places[room]; p != nil && len(p.chars) > 0 { // someone heard it
			a.told[room] = struct{}{}
			w.tellRoom(room, c, c.Name+" blinks"+arrivalText)
		}
		return
	}
	a.held[room] = append(a.held[room], c)
}

// flushArrivals tells each room the arrivals held this tick, in one line,
// to everyone there but the arrivals themselves (their look shows who is
// about). Those who left again meanwhile are not named. From the tick.
func (w *World) flushArrivals() {
	a := &w.arrivals
	for room, chars := range a.held {
		p := w.places[room]
		if p == nil {
			continue
		}
		names, skip := make([]string, 0, len(chars)), make(map[*Character]bool, len(chars))
		for _, c := range chars {
			if c.online() && c.RoomID == room {
				names, skip[c] = append(names, c.Name), true
			}
		}
		if len(names) == 0 {
			continue
		}
		line := arrivalLine(names)
		for _, o := range p.chars {
			if !skip[o] {
				o.notify(line)
			}
		}
	}
	clear(a.told)
	clear(a.held)
}

// arrivalLine is "Ann blinks into being, ...", "Ann and Bob blink ...",
// "Ann, Bob, Cy and 12 others blink ...".
func arrivalLine(names []string) string {
	if len(names) == 1 {
		return names[0] + " blinks" + arrivalText
	}
	if len(names) > maxArrivalNames {
		shown := maxArrivalNames - 1
		names = append(names[:shown:shown], strconv.Itoa(len(names)-shown)+" others")
	}
	return joinAnd(names) + " blink" + arrivalText
}
