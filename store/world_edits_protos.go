package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// Building in the game changes item prototypes, NPC definitions, the
// placements ("items") and spawns ("spawns") of rooms. The changes travel
// in the write-behind Batch like everything the world loop changes, merge
// latest-wins per prototype, definition, room key and room, and are read
// through: ItemProtos, NPCDefs, NPCSpawns, Room and World apply the
// changes not yet committed over what the database holds, so a read can
// never see a version older than one the loop has handed off.

// RoomAttr names one key of a room's kept attributes: "items" (its
// placements) or "spawns".
type RoomAttr struct {
	Room, Key string
}

// worldEdits is the building part of a pending batch.
type worldEdits struct {
	protos map[string]*ItemProto        // nil: removed
	npcs   map[string]*NPCDef           // nil: removed
	attrs  map[RoomAttr]json.RawMessage // nil: key removed
	spawns map[string][]NPCSpawn        // a room's own spawns, as a whole
}

func (e *worldEdits) size() int {
	return len(e.protos) + len(e.npcs) + len(e.attrs) + len(e.spawns)
}

// batchEditsSize counts the building changes of b.
func batchEditsSize(b Batch) int {
	return len(b.Protos) + len(b.NPCDefs) + len(b.RoomAttrs) + len(b.RoomSpawns)
}

// add merges the building changes of b, newer than e's.
func (e *worldEdits) add(b Batch) {
	mergeNewer(&e.protos, b.Protos)
	mergeNewer(&e.npcs, b.NPCDefs)
	mergeNewer(&e.attrs, b.RoomAttrs)
	mergeNewer(&e.spawns, b.RoomSpawns)
}

// addOlder merges old, submitted before e: e's changes win.
func (e *worldEdits) addOlder(old *worldEdits) {
	mergeOlder(&e.protos, old.protos)
	mergeOlder(&e.npcs, old.npcs)
	mergeOlder(&e.attrs, old.attrs)
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
		mergeNewer(&out.spawns, p.edits.spawns)
	})
	return out
}

// roomEdits returns the uncommitted key changes of room id alone: what a
// room load lays over the database (cheaper than every change).
func (w *writer) roomEdits(id string) *worldEdits {
	out := &worldEdits{}
	w.overlay(func(p *pending) {
		for _, key := range roomEditKeys() {
			k := RoomAttr{Room: id, Key: key}
			if v, ok := p.edits.attrs[k]; ok {
				if out.attrs == nil {
					out.attrs = make(map[RoomAttr]json.RawMessage, 2)
				}
				out.attrs[k] = v
			}
		}
	})
	return out
}

// roomEditKeys are the room keys building changes.
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

// overSpawns lays the rooms' spawn lists over list (sorted by id).
func overSpawns(list []NPCSpawn, rooms map[string][]NPCSpawn) []NPCSpawn {
	if len(rooms) == 0 {
		return list
	}
	out := list[:0:0]
	for _, sp := range list {
		if _, changed := rooms[spawnOwner(sp.ID)]; !changed {
			out = append(out, sp)
		}
	}
	for _, l := range rooms {
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

// overRoom lays the pending key changes of room r over its attributes.
func (e *worldEdits) overRoom(r *Room) error {
	for _, key := range roomEditKeys() {
		if v, ok := e.attrs[RoomAttr{Room: r.ID, Key: key}]; ok {
			attrs, err := SetAttribute(r.Attributes, key, v)
			if err != nil {
				return fmt.Errorf("room %s: %w", r.ID, err)
			}
			r.Attributes = attrs
		}
	}
	return nil
}

// overWorld lays every pending building change over w.
func (e *worldEdits) overWorld(w *World) error {
	w.Items = overBlobs(w.Items, e.protos, func(p ItemProto) string { return p.ID })
	w.NPCs = overBlobs(w.NPCs, e.npcs, func(d NPCDef) string { return d.ID })
	w.Spawns = overSpawns(w.Spawns, e.spawns)
	if len(e.attrs) == 0 {
		return nil
	}
	for i := range w.Rooms {
		if err := e.overRoom(&w.Rooms[i]); err != nil {
			return err
		}
	}
	return nil
}

// SetAttribute returns attrs (a JSON object, or "" for none) with key set
// to value, or removed when value is nil or empty, in the form the world
// loader keeps: compact, keys sorted, "" when no key is left.
func SetAttribute(attrs, key string, value json.RawMessage) (string, error) {
	obj := map[string]json.RawMessage{}
	if attrs != "" {
		if err := json.Unmarshal([]byte(attrs), &obj); err != nil {
			return "", fmt.Errorf("decode attributes: %w", err)
		}
	}
	if len(value) == 0 {
		delete(obj, key)
	} else {
		obj[key] = value
	}
	if len(obj) == 0 {
		return "", nil
	}
	b, err := json.Marshal(obj)
	if err != nil {
		return "", fmt.Errorf("encode attributes: %w", err)
	}
	return string(b), nil
}

// writeWorldEdits commits the building changes of p: prototypes and
// definitions (written as ImportWorld writes them, so a later import of
// the same world finds them unchanged), room keys (patched into the row as
// it stands in this transaction) and rooms' spawns.
func writeWorldEdits(ctx context.Context, tx *sql.Tx, p *pending) (int64, error) {
	e := &p.edits
	if e.size() == 0 {
		return 0, nil
	}
	n, err := writeBlobChanges(ctx, tx, "item_protos", e.protos)
	if err != nil {
		return 0, err
	}
	m, err := writeBlobChanges(ctx, tx, "npc_defs", e.npcs)
	if err != nil {
		return 0, err
	}
	n += m
	if m, err = writeRoomAttrs(ctx, tx, e.attrs); err != nil {
		return 0, err
	}
	n += m
	m, err = writeRoomSpawns(ctx, tx, e.spawns)
	return n + m, err
}

// writeBlobChanges upserts or deletes the rows of table by id.
func writeBlobChanges[T any](ctx context.Context, tx *sql.Tx, table string, changes map[string]*T) (int64, error) {
	var n int64
	for _, id := range sortedKeys(changes) {
		var res sql.Result
		var err error
		if v := changes[id]; v == nil {
			res, err = tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE id = ?`, id)
		} else {
			var b []byte
			if b, err = json.Marshal(v); err != nil {
				return 0, fmt.Errorf("encode %s %s: %w", table, id, err)
			}
			res, err = tx.ExecContext(ctx, `INSERT INTO `+table+` (id, data) VALUES (?, ?)
				ON CONFLICT (id) DO UPDATE SET data = excluded.data`, id, string(b))
		}
		if err != nil {
			return 0, fmt.Errorf("write %s %s: %w", table, id, err)
		}
		n += affected(res)
	}
	return n, nil
}

// writeRoomAttrs patches room keys; a room no longer stored is skipped
// rather than failing the batch for ever.
func writeRoomAttrs(ctx context.Context, tx *sql.Tx, attrs map[RoomAttr]json.RawMessage) (int64, error) {
	keys := make([]RoomAttr, 0, len(attrs))
	for k := range attrs {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b RoomAttr) int {
		if c := strings.Compare(a.Room, b.Room); c != 0 {
			return c
		}
		return strings.Compare(a.Key, b.Key)
	})
	var n int64
	for _, k := range keys {
		var old string
		err := tx.QueryRowContext(ctx, `SELECT attributes FROM rooms WHERE id = ?`, k.Room).Scan(&old)
		if err == sql.ErrNoRows {
			continue
		}
		if err != nil {
			return 0, fmt.Errorf("read room %s: %w", k.Room, err)
		}
		next, err := SetAttribute(old, k.Key, attrs[k])
		if err != nil {
			return 0, fmt.Errorf("room %s: %w", k.Room, err)
		}
		res, err := tx.ExecContext(ctx, `UPDATE rooms SET attributes = ? WHERE id = ?`, next, k.Room)
		if err != nil {
			return 0, fmt.Errorf("write room %s %s: %w", k.Room, k.Key, err)
		}
		n += affected(res)
	}
	return n, nil
}

// writeRoomSpawns replaces each room's own spawns ("room#index").
func writeRoomSpawns(ctx context.Context, tx *sql.Tx, rooms map[string][]NPCSpawn) (int64, error) {
	var n int64
	for _, room := range sortedKeys(rooms) {
		// '$' follows '#': the range is exactly the ids "room#...".
		res, err := tx.ExecContext(ctx, `DELETE FROM npc_spawns WHERE id >= ? AND id < ?`, room+"#", room+"$")
		if err != nil {
			return 0, fmt.Errorf("clear spawns of room %s: %w", room, err)
		}
		n += affected(res)
		for _, sp := range rooms[room] {
			b, err := json.Marshal(sp)
			if err != nil {
				return 0, fmt.Errorf("encode spawn %s: %w", sp.ID, err)
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO npc_spawns (id, data) VALUES (?, ?)`, sp.ID, string(b)); err != nil {
				return 0, fmt.Errorf("write spawn %s: %w", sp.ID, err)
			}
			n++
		}
	}
	return n, nil
}
