package store

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// Building in the game changes item prototypes, NPC definitions, the
// placements ("items") and spawns ("spawns") of rooms and the spawns of
// sub-zones. The changes travel in the write-behind Batch like everything
// the world loop changes, merge latest-wins per prototype, definition,
// room or zone key and spawn owner, and are read through: ItemProtos,
// NPCDefs, NPCSpawns, Room, Zone and World apply the changes not yet
// committed over what the database holds, so a read can never see a
// version older than one the loop has handed off.

// AttrKey names one key of the kept attributes of a room ("items", its
// placements, or "spawns") or of a zone's config ("spawns").
type AttrKey struct {
	ID, Key string
}

// worldEdits is the building part of a pending batch.
type worldEdits struct {
	protos map[string]*ItemProto       // nil: removed
	npcs   map[string]*NPCDef          // nil: removed
	attrs  map[AttrKey]json.RawMessage // rooms'; nil: key removed
	zattrs map[AttrKey]json.RawMessage // zones'; nil: key removed
	spawns map[string][]NPCSpawn       // by owner, as a whole
}

func (e *worldEdits) size() int {
	return len(e.protos) + len(e.npcs) + len(e.attrs) + len(e.zattrs) + len(e.spawns)
}

// batchEditsSize counts the building changes of b.
func batchEditsSize(b Batch) int {
	return len(b.Protos) + len(b.NPCDefs) + len(b.RoomAttrs) + len(b.ZoneAttrs) + len(b.Spawns)
}

// add merges the building changes of b, newer than e's.
func (e *worldEdits) add(b Batch) {
	mergeNewer(&e.protos, b.Protos)
	mergeNewer(&e.npcs, b.NPCDefs)
	mergeNewer(&e.attrs, b.RoomAttrs)
	mergeNewer(&e.zattrs, b.ZoneAttrs)
	mergeNewer(&e.spawns, b.Spawns)
}

// addOlder merges old, submitted before e: e's changes win.
func (e *worldEdits) addOlder(old *worldEdits) {
	mergeOlder(&e.protos, old.protos)
	mergeOlder(&e.npcs, old.npcs)
	mergeOlder(&e.attrs, old.attrs)
	mergeOlder(&e.zattrs, old.zattrs)
	mergeOlder(&e.spawns, old.spawns)
}

func mergeNewer[K comparable, V any](dst *map[K]V, src map[K]V) {
	if len(src) == 0 {
		return
	}
	if *dst == nil {
		*dst = make(map[K]V, len(src))
	}
	for k, v := range src {
		(*dst)[k] = v
	}
}

func mergeOlder[K comparable, V any](dst *map[K]V, old map[K]V) {
	for k, v := range old {
		if _, newer := (*dst)[k]; !newer {
			if *dst == nil {
				*dst = make(map[K]V, len(old))
			}
			(*dst)[k] = v
		}
	}
}

// worldEdits returns the building changes not yet committed, oldest first
// merged under newer: what reads lay over the database.
func (w *writer) worldEdits() *worldEdits {
	out := &worldEdits{}
	w.overlay(func(p *pending) {
		mergeNewer(&out.protos, p.edits.protos)
		mergeNewer(&out.npcs, p.edits.npcs)
		mergeNewer(&out.attrs, p.edits.attrs)
		mergeNewer(&out.zattrs, p.edits.zattrs)
		mergeNewer(&out.spawns, p.edits.spawns)
	})
	return out
}

// keyEdits returns the uncommitted changes of the keys of one room or zone
// (zone) alone: what a room or zone load lays over the database (cheaper
// than every change).
func (w *writer) keyEdits(id string, zone bool) map[AttrKey]json.RawMessage {
	var out map[AttrKey]json.RawMessage
	w.overlay(func(p *pending) {
		from := p.edits.attrs
		if zone {
			from = p.edits.zattrs
		}
		for _, key := range roomEditKeys() {
			k := AttrKey{ID: id, Key: key}
			if v, ok := from[k]; ok {
				if out == nil {
					out = make(map[AttrKey]json.RawMessage, 2)
				}
				out[k] = v
			}
		}
	})
	return out
}

// roomEditKeys are the keys building changes (a zone's: spawns only).
func roomEditKeys() [2]string { return [2]string{"items", "spawns"} }

// overBlobs lays changes by id over list (sorted by id) and returns it
// sorted by id again.
func overBlobs[T any](list []T, changes map[string]*T, id func(T) string) []T {
	if len(changes) == 0 {
		return list
	}
	out := list[:0:0]
	for _, v := range list {
		if _, changed := changes[id(v)]; !changed {
			out = append(out, v)
		}
	}
	for _, v := range changes {
		if v != nil {
			out = append(out, *v)
		}
	}
	slices.SortFunc(out, func(a, b T) int { return strings.Compare(id(a), id(b)) })
	return out
}

// overSpawns lays the owners' spawn lists over list (sorted by id).
func overSpawns(list []NPCSpawn, owners map[string][]NPCSpawn) []NPCSpawn {
	if len(owners) == 0 {
		return list
	}
	out := list[:0:0]
	for _, sp := range list {
		if _, changed := owners[spawnOwner(sp.ID)]; !changed {
			out = append(out, sp)
		}
	}
	for _, l := range owners {
		out = append(out, l...)
	}
	slices.SortFunc(out, func(a, b NPCSpawn) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// spawnOwner is the room or sub-zone a spawn id ("owner#index") names.
func spawnOwner(id string) string {
	if i := strings.LastIndexByte(id, '#'); i >= 0 {
		return id[:i]
	}
	return id
}

// overRoom lays the pending key changes attrs over room r's attributes.
func overRoom(r *Room, attrs map[AttrKey]json.RawMessage) error {
	for _, key := range roomEditKeys() {
		if v, ok := attrs[AttrKey{ID: r.ID, Key: key}]; ok {
			next, err := SetAttribute(r.Attributes, key, v)
			if err != nil {
				return fmt.Errorf("room %s: %w", r.ID, err)
			}
			r.Attributes = next
		}
	}
	return nil
}

// overZone lays the pending key changes attrs over zone z's config.
func overZone(z *Zone, attrs map[AttrKey]json.RawMessage) error {
	if v, ok := attrs[AttrKey{ID: z.ID, Key: "spawns"}]; ok {
		next, err := SetConfigKey(z.Attributes, "spawns", v)
		if err != nil {
			return fmt.Errorf("zone %s: %w", z.ID, err)
		}
		z.Attributes = next
	}
	return nil
}

// overWorld lays every pending building change over w.
func (e *worldEdits) overWorld(w *World) error {
	w.Items = overBlobs(w.Items, e.protos, func(p ItemProto) string { return p.ID })
	w.NPCs = overBlobs(w.NPCs, e.npcs, func(d NPCDef) string { return d.ID })
	w.Spawns = overSpawns(w.Spawns, e.spawns)
	for i := range w.Rooms {
		if err := overRoom(&w.Rooms[i], e.attrs); err != nil {
			return err
		}
	}
	for i := range w.Zones {
		if err := overZone(&w.Zones[i], e.zattrs); err != nil {
			return err
		}
	}
	return nil
}
