package world

import (
	"encoding/json"

	"mythosd/store"
)

// protoBuild is what building items and NPCs keeps: the changes to hand
// off with the next batch, and every spawn by the room or sub-zone whose
// file holds it. Loop-owned.
type protoBuild struct {
	outProtos map[string]*store.ItemProto       // nil: removed
	outNPCs   map[string]*store.NPCDef          // nil: removed
	outAttrs  map[store.AttrKey]json.RawMessage // a room's "items" or "spawns"; nil: removed
	outZattrs map[store.AttrKey]json.RawMessage // a sub-zone's "spawns"; nil: removed
	outSpawns map[string][]store.NPCSpawn       // an owner's spawns, whole
	// zoneSpawns is the "spawns" of each sub-zone config a builder has
	// changed since start or the last reload, as last set (nil: removed).
	// Unlike outZattrs it outlives the hand-off: a config read off the loop
	// may predate a change already handed off but not yet in the store's
	// reach, so the loop's own record wins.
	zoneSpawns map[string]json.RawMessage

	spawnsBy map[string][]*spawnState // by owner: a room id or a sub-zone id
	// resetQueued says, for each floor a builder has placed items on,
	// whether its reset is in the schedule (it stays there once it is).
	resetQueued map[string]bool
}

// indexSpawn files s under its owner, the part of its id before "#".
func (w *World) indexSpawn(s *spawnState) {
	if w.spawnsBy == nil {
		w.spawnsBy = make(map[string][]*spawnState)
	}
	owner := spawnOwner(s.ID)
	w.spawnsBy[owner] = append(w.spawnsBy[owner], s)
}

// spawnOwner is the room or sub-zone a spawn id ("owner#index") names.
func spawnOwner(id string) string {
	for i := len(id) - 1; i >= 0; i-- {
		if id[i] == '#' {
			return id[:i]
		}
	}
	return id
}

// handOffBuild moves the building changes since the last hand-off into b;
// the store reads through them until they are committed.
func (w *World) handOffBuild(b *store.Batch) {
	b.Protos, b.NPCDefs, b.RoomAttrs, b.ZoneAttrs, b.Spawns = w.outProtos, w.outNPCs, w.outAttrs, w.outZattrs, w.outSpawns
	w.outProtos, w.outNPCs, w.outAttrs, w.outZattrs, w.outSpawns = nil, nil, nil, nil, nil
}

// storeProto queues prototype id (nil: removed) for the store.
func (w *World) storeProto(id string, p *store.ItemProto) {
	if w.outProtos == nil {
		w.outProtos = make(map[string]*store.ItemProto)
	}
	w.outProtos[id] = cloneOrNil(p)
}

// storeNPCDef queues definition id (nil: removed) for the store.
func (w *World) storeNPCDef(id string, d *store.NPCDef) {
	if w.outNPCs == nil {
		w.outNPCs = make(map[string]*store.NPCDef)
	}
	w.outNPCs[id] = cloneOrNil(d)
}

// placeAttrs are the keys of a room's attributes that place and spawn
// own, each change with its own undo: a room's own edits and their undo
// leave them as they stand.
func placeAttrs() []string { return []string{"items", "spawns"} }

// storeRoomAttr queues key of room's attributes (nil: removed) for the
// store, and sets it in the loaded room too, so that whatever writes the
// room whole later writes it as it now is.
func (w *World) storeRoomAttr(room, key string, value json.RawMessage) {
	if w.outAttrs == nil {
		w.outAttrs = make(map[store.AttrKey]json.RawMessage)
	}
	w.outAttrs[store.AttrKey{ID: room, Key: key}] = value
	if r, ok := w.rooms.peek(room); ok {
		if attrs, err := store.SetAttribute(r.Attributes, key, value); err == nil {
			r.Attributes = attrs
		}
	}
}

// storeZoneAttr queues key of a sub-zone's config (nil: removed) for the
// store.
func (w *World) storeZoneAttr(zone, key string, value json.RawMessage) {
	if w.outZattrs == nil {
		w.outZattrs = make(map[store.AttrKey]json.RawMessage)
	}
	w.outZattrs[store.AttrKey{ID: zone, Key: key}] = value
}

// storeSpawns queues an owner's spawns (a room's own, or a sub-zone's),
// whole, for the store.
func (w *World) storeSpawns(owner string, list []store.NPCSpawn) {
	if w.outSpawns == nil {
		w.outSpawns = make(map[string][]store.NPCSpawn)
	}
	w.outSpawns[owner] = list
}

// cloneOrNil copies *v, so that the batch holds a value the loop never
// touches again.
func cloneOrNil[T any](v *T) *T {
	if v == nil {
		return nil
	}
	c := *v
	return &c
}
