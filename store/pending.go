package store

import (
	"fmt"
	"time"
)

// pending is merged work the writer has not committed: the latest state of
// each character, the first visit of each character to each room, the
// latest value of each fact and meta key, and the sum of the lucidity
// changes of each character by reason.
type pending struct {
	chars   map[int64]CharacterState
	visits  perCharacter[time.Time]
	facts   perCharacter[int64]
	changes perCharacter[LucidityChange] // by reason
	meta    map[string]string
	items   map[int64]ItemState
	bans    map[string]BanChange // by target
	chat    []ChatLine           // oldest first, at most maxPendingChat
	rooms   map[string]RoomEdit  // the latest edit of each room, by id
	edits   worldEdits           // building in the game
}

func newPending() *pending {
	return &pending{chars: map[int64]CharacterState{}, meta: map[string]string{}, items: map[int64]ItemState{},
		bans: map[string]BanChange{}}
}

// add merges b, newer than everything in p: its character states, facts
// and meta values replace those in p; a visit already in p keeps its first
// time; its lucidity changes are summed into p's.
func (p *pending) add(b Batch) {
	for id, st := range b.Characters {
		st.ID = id
		p.chars[id] = st
	}
	for _, v := range b.Visits {
		p.visits.setIfAbsent(v.CharacterID, v.RoomID, v.At)
	}
	for _, f := range b.Facts {
		p.facts.set(f.CharacterID, f.Key, f.Value)
	}
	for _, c := range b.Changes {
		p.addChange(c)
	}
	for k, v := range b.Meta {
		p.meta[k] = v
	}
	for id, it := range b.Items {
		it.ID = id
		p.items[id] = it
	}
	for _, c := range b.Bans {
		p.bans[c.Ban.Target] = c
	}
	p.addChat(b.Chat)
	p.addRoomEdits(b.Rooms)
	p.edits.add(b)
}

// addOlder merges old, which was submitted before everything in p: a
// state, fact or meta value in p is never replaced by old's, old's visit
// times come first, and old's lucidity changes are summed into p's (a
// failed commit wrote none of them).
func (p *pending) addOlder(old *pending) {
	for id, st := range old.chars {
		if _, newer := p.chars[id]; !newer {
			p.chars[id] = st
		}
	}
	old.visits.each(p.visits.set)
	old.facts.each(p.facts.setIfAbsent)
	old.changes.each(func(_ int64, _ string, c LucidityChange) { p.addChange(c) })
	for k, v := range old.meta {
		if _, newer := p.meta[k]; !newer {
			p.meta[k] = v
		}
	}
	for id, it := range old.items {
		if _, newer := p.items[id]; !newer {
			p.items[id] = it
		}
	}
	for k, c := range old.bans {
		if _, newer := p.bans[k]; !newer {
			p.bans[k] = c
		}
	}
	p.addOlderRoomEdits(old)
	p.edits.addOlder(&old.edits)
	newer := p.chat
	p.chat = nil
	p.addChat(old.chat)
	p.addChat(newer)
}

// addChange sums c into the change of its character and reason, keeping
// the later time.
func (p *pending) addChange(c LucidityChange) {
	if prev, ok := p.changes.get(c.CharacterID, c.Reason); ok {
		c.Delta += prev.Delta
		if prev.At.After(c.At) {
			c.At = prev.At
		}
	}
	p.changes.set(c.CharacterID, c.Reason, c)
}

// contents counts what p holds.
func (p *pending) contents() contents {
	return contents{chars: len(p.chars), visits: p.visits.n, facts: p.facts.n,
		changes: p.changes.n, meta: len(p.meta), items: len(p.items), bans: len(p.bans), chat: len(p.chat),
		rooms: len(p.rooms), edits: p.edits.size()}
}

// size counts the items p would write.
func (p *pending) size() int { return p.contents().size() }

func (p *pending) empty() bool { return p.size() == 0 }

// contents counts the items of a batch, for the queue depth, logs and
// errors. An item is a character state, a visit, a fact, a lucidity change
// (as merged) or a meta key.
type contents struct {
	chars, visits, facts, changes, meta, items, bans, chat int
	rooms                                                  int
	edits                                                  int // building changes
}

// batchContents counts b as submitted, before merging.
func batchContents(b Batch) contents {
	return contents{chars: len(b.Characters), visits: len(b.Visits), facts: len(b.Facts),
		changes: len(b.Changes), meta: len(b.Meta), items: len(b.Items), bans: len(b.Bans), chat: len(b.Chat),
		rooms: len(b.Rooms), edits: batchEditsSize(b)}
}

func (c contents) size() int {
	return c.chars + c.visits + c.facts + c.changes + c.meta + c.items + c.bans + c.chat + c.rooms + c.edits
}

// attrs returns c as slog key/value pairs.
func (c contents) attrs() []any {
	return []any{"characters", c.chars, "visits", c.visits, "facts", c.facts,
		"changes", c.changes, "meta", c.meta, "items", c.items, "bans", c.bans, "chat", c.chat, "rooms", c.rooms,
		"edits", c.edits}
}

// String describes the counts in words, for logs and errors.
func (c contents) String() string {
	return fmt.Sprintf("%d character states, %d visits, %d facts, %d lucidity changes, %d meta keys, %d items, %d bans, %d chat lines, %d rooms and %d building changes",
		c.chars, c.visits, c.facts, c.changes, c.meta, c.items, c.bans, c.chat, c.rooms, c.edits)
}
