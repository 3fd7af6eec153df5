package world

import (
	"context"
	"encoding/json"
	"strconv"
	"time"

	"mythosd/store"
)

// Defaults of the item rules.
const (
	defaultResetEvery = 15 * time.Minute
	sweepAfter        = time.Hour
)

// itemWorld is the part of the World that holds items. Loop-owned, but
// for the counters.
type itemWorld struct {
	protos     map[string]*proto
	items      map[int64]*Item   // every item in memory, by id
	floors     map[string]*floor // loaded room floors, by room id
	dirtyItems []*Item           // changed since the last hand-off
	goneItems  []int64           // left the world since the last hand-off
	nextItemID int64
	itemsMade  uint64   // instances made since start
	itemsGone  uint64   // instances that left the world since start
	due        dueQueue // resets and sweeps, by due time
	itemMoves  uint64   // moves, creations and removals, for snapshots
}

// floor is a loaded room floor: what lies there, what the room starts
// with, and which locked exits stand open. Floors stay loaded once read,
// so an item on them is never loaded twice.
type floor struct {
	room       string
	items      []*Item
	placements []store.Placement
	resetEvery time.Duration
	unlocked   map[string]bool // locked exits opened with their key, until reset
	stale      bool            // the world was reloaded: placements come again with the room
}

// initItems prepares the item part of the world from its config.
func (w *World) initItems(cfg Config) {
	w.protos = make(map[string]*proto, len(cfg.ItemProtos))
	for _, p := range cfg.ItemProtos {
		w.protos[p.ID] = newProto(p)
	}
	if w.protos[corpseProtoID] == nil {
		w.protos[corpseProtoID] = newProto(corpseBase())
	}
	w.items = make(map[int64]*Item)
	w.floors = make(map[string]*floor)
	w.nextItemID = max(cfg.NextItemID, 1)
	w.rooms.onArrive = w.installFloor
}

// floorFor returns room id's floor, made empty when not loaded (a room
// whose load failed still holds what is dropped there).
func (w *World) floorFor(id string) *floor {
	f := w.floors[id]
	if f == nil {
		f = &floor{room: id}
		w.floors[id] = f
	}
	return f
}

// installFloor takes the items a room load read with the room, the first
// time the room arrives; later loads of it bring nothing new.
func (w *World) installFloor(r *Room) {
	if f, ok := w.floors[r.ID]; ok {
		w.refreshFloor(f, r)
		return
	}
	f := w.floorFor(r.ID)
	f.placements, f.resetEvery = r.placements, r.resetEvery
	w.adoptItems(r.floorItems, func(rec store.ItemState) (itemPlace, bool) {
		return floorOf(r.ID), rec.Place == store.PlaceRoom
	})
	now := w.cfg.Clock.Now()
	for _, it := range f.items {
		if it.dropped != 0 {
			w.scheduleSweep(it, time.Unix(0, it.dropped).Add(sweepAfter))
		}
	}
	w.resetFloor(f)
	if len(f.placements) > 0 {
		w.due.add(now.Add(f.resetEvery), dueReset, r.ID, 0)
	}
	r.floorItems = nil
}

// resetFloor brings back what is gone of the room's placements, and shuts
// its locked exits and containers again.
func (w *World) resetFloor(f *floor) {
	clear(f.unlocked)
	for i, pl := range f.placements {
		key := f.room + "#" + strconv.Itoa(i)
		p := w.protos[pl.Proto]
		if p == nil {
			continue
		}
		have := 0
		var box *Item
		for _, it := range f.items {
			if it.origin == key {
				have++
				box = it
			}
		}
		for range max(pl.Quantity, 1) - have {
			box = w.newItem(p, floorOf(f.room), key)
		}
		if p.isContainer() && box != nil {
			w.resetContainer(box, pl, key)
		}
	}
}

// resetContainer restores a placed container's state and contents.
func (w *World) resetContainer(box *Item, pl store.Placement, key string) {
	if st, ok := parseState(pl.State); ok && box.state != st {
		box.state = st
		w.markItem(box)
	}
	for j, in := range pl.Contents {
		p := w.protos[in.Proto]
		if p == nil {
			continue
		}
		inKey := key + "." + strconv.Itoa(j)
		have := 0
		for _, it := range box.contents {
			if it.origin == inKey {
				have++
			}
		}
		for range max(in.Quantity, 1) - have {
			w.newItem(p, insideOf(box), inKey)
		}
	}
}

// runDue does the resets and sweeps that are due.
func (w *World) runDue(now time.Time) {
	for {
		d, ok := w.due.popDue(now)
		if !ok {
			return
		}
		switch d.kind {
		case dueReset:
			if f := w.floors[d.room]; f != nil {
				w.resetFloor(f)
				w.due.add(now.Add(f.resetEvery), dueReset, d.room, 0)
			}
		case dueSweep:
			w.sweep(d.item, now)
		}
	}
}

// sweep takes away an item a player dropped an hour ago, if it still lies
// where it was dropped.
func (w *World) sweep(id int64, now time.Time) {
	it := w.items[id]
	if it == nil {
		return
	}
	it.sweeping = false
	if it.where != onFloor || it.dropped == 0 {
		return
	}
	if at := time.Unix(0, it.dropped).Add(sweepAfter); at.After(now) {
		w.scheduleSweep(it, at) // dropped again since
		return
	}
	if it.isCorpse() {
		w.decay(it)
		return
	}
	room := it.room
	w.destroy(it)
	w.tellRoom(room, nil, "A sanitarium orderly sweeps "+it.name()+" away.")
}

// markDropped notes that a player left it on a floor: it is swept away
// after an hour.
func (w *World) markDropped(it *Item) {
	now := w.cfg.Clock.Now()
	it.dropped = now.UnixNano()
	w.scheduleSweep(it, now.Add(sweepAfter))
}

// scheduleSweep puts it in the schedule at at, unless a sweep of it is
// already there (that one finds it dropped later and schedules again), so
// the schedule holds at most one sweep per item however often it is
// dropped.
func (w *World) scheduleSweep(it *Item, at time.Time) {
	if !it.sweeping {
		it.sweeping = true
		w.due.add(at, dueSweep, "", it.ID)
	}
}

// roomItemConfig is what a room's attributes and its zones say of items.
type roomItemConfig struct {
	Items []store.Placement `json:"items"`
}

// readRoomItems reads the room's placements and its reset interval, and
// the items on its floor, off the loop.
func (r *Room) readRoomItems(ctx context.Context, st Store, zones []store.Zone) error {
	r.resetEvery = defaultResetEvery
	for _, z := range zones { // nearest first
		var cfg struct {
			ResetMinutes int `json:"reset_minutes"`
		}
		if json.Unmarshal([]byte(z.Attributes), &cfg) == nil && cfg.ResetMinutes > 0 {
			r.resetEvery = time.Duration(cfg.ResetMinutes) * time.Minute
			break
		}
	}
	if r.Attributes != "" {
		var cfg roomItemConfig
		if err := json.Unmarshal([]byte(r.Attributes), &cfg); err == nil {
			r.placements = cfg.Items
		}
	}
	items, err := st.ItemsOf(ctx, store.Holder{Place: store.PlaceRoom, ID: r.ID})
	if err != nil {
		return err
	}
	r.floorItems = items
	return nil
}
