package world

import (
	"time"

	"mythosd/store"
)

type visitRecord = store.Visit

// markDirty records that c changed and must reach the store at the next
// hand-off.
func (w *World) markDirty(c *Character) {
	if !c.dirty {
		c.dirty = true
		w.dirty = append(w.dirty, c)
	}
}

// recordVisit notes c's first visit to room id; later visits change nothing.
func (w *World) recordVisit(c *Character, id string) {
	if _, seen := c.visited[id]; seen {
		return
	}
	c.visited[id] = struct{}{}
	w.visits = append(w.visits, visitRecord{CharacterID: c.ID, RoomID: id, At: w.cfg.Clock.Now()})
}

// handOff submits everything changed since the last hand-off as one batch
// to the store writer, which commits it in one transaction off the loop.
// Characters that went offline and are now saved leave the loop's memory;
// from then on the store (which reads through its pending batches) has them.
func (w *World) handOff() {
	if len(w.dirty) == 0 && len(w.visits) == 0 && len(w.facts) == 0 && len(w.changes) == 0 &&
		len(w.dirtyItems) == 0 && len(w.goneItems) == 0 && len(w.bans.changes) == 0 &&
		len(w.chatLines) == 0 && w.edits.editedAt.IsZero() {
		return
	}
	now := w.cfg.Clock.Now()
	b := store.Batch{
		Characters: make(map[int64]store.CharacterState, len(w.dirty)),
		Visits:     w.visits,
		Facts:      w.facts,
		Changes:    w.changes,
		Meta:       map[string]string{metaWorldTime: w.clock.at(now).Format(time.RFC3339Nano)},
		Bans:       w.takeBanChanges(),
		Chat:       w.chatLines,
	}
	if at, ok := w.takeEditedAt(); ok {
		b.Meta[store.MetaWorldEdited] = at.UTC().Format(time.RFC3339Nano)
	}
	w.handOffItems(&b)
	b.Rooms = w.takeRoomEdits()
	w.handOffBuild(&b)
	for _, c := range w.dirty {
		b.Characters[c.ID] = c.state(w.cfg.StartRoom)
		c.dirty = false
		if !c.online() {
			delete(w.chars, nameKey(c.Name))
			w.unloadItems(c)
		}
	}
	clear(w.dirty)
	w.dirty = w.dirty[:0]
	w.visits, w.facts, w.changes, w.chatLines = nil, nil, nil, nil
	if !w.cfg.Store.Submit(b) {
		w.log.Error("store refused a batch", "characters", len(b.Characters), "visits", len(b.Visits))
	}
}
