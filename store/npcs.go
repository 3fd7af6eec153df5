package store

import (
	"context"
	"database/sql"
)

// NPCDefs returns the stored NPC definitions, by id order, read through
// the writer's building changes.
func (db *DB) NPCDefs(ctx context.Context) ([]NPCDef, error) {
	edits := db.w.worldEdits()
	list, err := readBlobs[NPCDef](ctx, db.read, "npc_defs")
	if err != nil {
		return nil, err
	}
	return overBlobs(list, edits.npcs, func(d NPCDef) string { return d.ID }), nil
}

// NPCSpawns returns the stored NPC spawns, by id order, read through the
// writer's building changes.
func (db *DB) NPCSpawns(ctx context.Context) ([]NPCSpawn, error) {
	edits := db.w.worldEdits()
	list, err := readBlobs[NPCSpawn](ctx, db.read, "npc_spawns")
	if err != nil {
		return nil, err
	}
	return overSpawns(list, edits.spawns), nil
}

// importNPCs makes the stored NPC definitions and spawns equal to w's and
// returns how many rows it added, changed or removed.
func importNPCs(ctx context.Context, tx *sql.Tx, w World) (int, error) {
	defs, err := importBlobs(ctx, tx, "npc_defs", w.NPCs, func(d NPCDef) string { return d.ID })
	if err != nil {
		return 0, err
	}
	spawns, err := importBlobs(ctx, tx, "npc_spawns", w.Spawns, func(s NPCSpawn) string { return s.ID })
	return defs + spawns, err
}
