package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
)

// World reads back, in one read transaction, everything the world format
// holds: zones and sub-zones, rooms with their exits (by id), item
// prototypes, NPC definitions and spawns (each by id). Placements and the
// spawns' source text travel in the rooms' and sub-zones' Attributes, as
// ImportWorld kept them; World is what `mythosd export-world` writes out.
// Rooms read through the write-behind writer, as Room does.
func (db *DB) World(ctx context.Context) (World, error) {
	roomEdits := db.w.roomEdits() // before the database, as in CharacterByAccount
	edits := db.w.worldEdits()    // building changes not yet committed, laid over the rooms' edits
	tx, err := db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return World{}, fmt.Errorf("read world: begin: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // read only: nothing to undo
	w, err := readWorld(ctx, tx, roomEdits)
	if err == nil {
		err = edits.overWorld(&w)
	}
	if err != nil {
		return World{}, fmt.Errorf("read world: %w", err)
	}
	return w, nil
}

// readWorld reads every part of the world through q, with the room edits
// not yet committed applied.
func readWorld(ctx context.Context, q querier, edits map[string]RoomEdit) (World, error) {
	var w World
	var err error
	if w.Zones, err = loadZones(ctx, q); err != nil {
		return World{}, err
	}
	rooms, err := loadRooms(ctx, q)
	if err != nil {
		return World{}, err
	}
	overlayRooms(rooms, edits)
	for _, r := range rooms {
		w.Rooms = append(w.Rooms, r)
	}
	slices.SortFunc(w.Rooms, func(a, b Room) int { return strings.Compare(a.ID, b.ID) })
	if w.Items, err = readBlobs[ItemProto](ctx, q, "item_protos"); err != nil {
		return World{}, err
	}
	if w.NPCs, err = readBlobs[NPCDef](ctx, q, "npc_defs"); err != nil {
		return World{}, err
	}
	if w.Spawns, err = readBlobs[NPCSpawn](ctx, q, "npc_spawns"); err != nil {
		return World{}, err
	}
	return w, nil
}
