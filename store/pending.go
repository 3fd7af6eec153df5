package store

import "time"

// pending is merged work the writer has not committed: the latest state of
// each character and the first visit of each character to each room.
type pending struct {
	chars   map[int64]CharacterState
	visits  map[int64]map[string]time.Time
	nVisits int
}

func newPending() *pending {
	return &pending{chars: map[int64]CharacterState{}, visits: map[int64]map[string]time.Time{}}
}

// size counts the rows p would write.
func (p *pending) size() int { return len(p.chars) + p.nVisits }

func (p *pending) empty() bool { return p.size() == 0 }

// add merges b, newer than everything in p: its character states replace
// those in p; a visit already in p keeps its first time.
func (p *pending) add(b Batch) {
	for id, st := range b.Characters {
		st.ID = id
		p.chars[id] = st
	}
	for _, v := range b.Visits {
		if _, ok := p.visits[v.CharacterID][v.RoomID]; !ok {
			p.setVisit(v.CharacterID, v.RoomID, v.At)
		}
	}
}

// addOlder merges old, which was submitted before everything in p: a state
// in p is never replaced by old's, but old's visit times come first.
func (p *pending) addOlder(old *pending) {
	for id, st := range old.chars {
		if _, newer := p.chars[id]; !newer {
			p.chars[id] = st
		}
	}
	for char, rooms := range old.visits {
		for room, at := range rooms {
			p.setVisit(char, room, at)
		}
	}
}

func (p *pending) setVisit(char int64, room string, at time.Time) {
	rooms := p.visits[char]
	if rooms == nil {
		rooms = map[string]time.Time{}
		p.visits[char] = rooms
	}
	if _, ok := rooms[room]; !ok {
		p.nVisits++
	}
	rooms[room] = at
}
