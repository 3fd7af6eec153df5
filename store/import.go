package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
)

// ImportStats counts, per room, what an import did.
type ImportStats struct {
	Added     int // rooms new to the store
	Updated   int // rooms whose fields or exits changed
	Unchanged int // rooms already stored as they are
	Removed   int // stored rooms the world no longer has
	// Prototypes counts item prototypes added, changed or removed.
	Prototypes int
	// NPCs counts NPC definitions and spawns added, changed or removed.
	NPCs int
}

// ImportWorld makes the stored world equal to w in one transaction: zones,
// sub-zones and rooms (with their exits) are inserted or updated, and those
// no longer in w are deleted. Importing the same world twice changes nothing
// the second time and reports every room unchanged. A world with duplicate
// ids or unknown exit directions is refused with ErrInvalid.
func (db *DB) ImportWorld(ctx context.Context, w World) (ImportStats, error) {
	if err := validateWorld(w); err != nil {
		return ImportStats{}, fmt.Errorf("import world: %w", err)
	}
	var stats ImportStats
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		var err error
		stats, err = importAll(ctx, tx, w)
		return err
	})
	if err != nil {
		return ImportStats{}, fmt.Errorf("import world: %w", err)
	}
	db.log.Info("world imported", "added", stats.Added, "updated", stats.Updated,
		"unchanged", stats.Unchanged, "removed", stats.Removed)
	return stats, nil
}

// importAll writes every part of w through tx.
func importAll(ctx context.Context, tx *sql.Tx, w World) (ImportStats, error) {
	if err := importZones(ctx, tx, w.Zones); err != nil {
		return ImportStats{}, err
	}
	stats, err := importRooms(ctx, tx, w.Rooms)
	if err != nil {
		return ImportStats{}, err
	}
	if stats.Prototypes, err = importItemProtos(ctx, tx, w.Items); err != nil {
		return ImportStats{}, err
	}
	stats.NPCs, err = importNPCs(ctx, tx, w)
	return stats, err
}

// importZones upserts the zones that changed and deletes those not in zones.
func importZones(ctx context.Context, tx *sql.Tx, zones []Zone) error {
	stored, err := loadZones(ctx, tx)
	if err != nil {
		return err
	}
	old := make(map[string]Zone, len(stored))
	for _, z := range stored {
		old[z.ID] = z
	}
	for _, z := range zones {
		prev, existed := old[z.ID]
		delete(old, z.ID)
		if existed && prev == z {
			continue
		}
		if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO zones (`+zoneColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			z.ID, z.Plane, z.Zone, z.SubZone, z.Name, z.Description, z.Environment, z.DrainRate, z.Attributes); err != nil {
			return fmt.Errorf("write zone %s: %w", z.ID, err)
		}
	}
	for id := range old {
		if _, err := tx.ExecContext(ctx, `DELETE FROM zones WHERE id = ?`, id); err != nil {
			return fmt.Errorf("delete zone %s: %w", id, err)
		}
	}
	return nil
}

// importRooms writes the rooms that are new or changed and deletes the
// stored rooms not in rooms, counting each.
func importRooms(ctx context.Context, tx *sql.Tx, rooms []Room) (ImportStats, error) {
	old, err := loadRooms(ctx, tx)
	if err != nil {
		return ImportStats{}, err
	}
	var stats ImportStats
	for _, r := range rooms {
		r = normalRoom(r)
		prev, existed := old[r.ID]
		delete(old, r.ID)
		switch {
		case !existed:
			stats.Added++
		case roomsEqual(prev, r):
			stats.Unchanged++
			continue
		default:
			stats.Updated++
		}
		if err := writeRoom(ctx, tx, r); err != nil {
			return ImportStats{}, err
		}
	}
	for id := range old {
		if _, err := tx.ExecContext(ctx, `DELETE FROM rooms WHERE id = ?`, id); err != nil {
			return ImportStats{}, fmt.Errorf("delete room %s: %w", id, err)
		}
		stats.Removed++
	}
	return stats, nil
}

// writeRoom replaces room r and its exits.
func writeRoom(ctx context.Context, tx *sql.Tx, r Room) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO rooms (`+roomColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET name = excluded.name, description = excluded.description,
			plane = excluded.plane, zone = excluded.zone, subzone = excluded.subzone,
			environment = excluded.environment, attributes = excluded.attributes, source_file = excluded.source_file`,
		r.ID, r.Name, r.Description, r.Plane, r.Zone, r.SubZone, r.Environment, r.Attributes, r.SourceFile); err != nil {
		return fmt.Errorf("write room %s: %w", r.ID, err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM exits WHERE room_id = ?`, r.ID); err != nil {
		return fmt.Errorf("clear exits of room %s: %w", r.ID, err)
	}
	for _, e := range r.Exits {
		flags, err := encodeFlags(e.Flags)
		if err != nil {
			return fmt.Errorf("encode flags of room %s %s: %w", r.ID, e.Direction, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO exits (room_id, direction, target, flags, description, key)
			VALUES (?, ?, ?, ?, ?, ?)`, r.ID, e.Direction, e.Target, flags, e.Description, e.Key); err != nil {
			return fmt.Errorf("write exit %s %s: %w", r.ID, e.Direction, err)
		}
	}
	return nil
}

// normalRoom is r as the store returns it: exits in the order of
// Directions(), no flags as nil. The caller's slice is not changed.
func normalRoom(r Room) Room {
	exits := make([]Exit, len(r.Exits))
	for i, e := range r.Exits {
		if len(e.Flags) == 0 {
			e.Flags = nil
		}
		exits[i] = e
	}
	sortExits(exits)
	if len(exits) == 0 {
		exits = nil
	}
	r.Exits = exits
	return r
}

func roomsEqual(a, b Room) bool {
	return roomFieldsOf(a) == roomFieldsOf(b) && slices.EqualFunc(a.Exits, b.Exits, exitsEqual)
}

// roomFields is a Room without its exits, so that it compares with ==.
type roomFields struct {
	id, name, description, plane, zone, subzone, environment, attributes, sourceFile string
}

func roomFieldsOf(r Room) roomFields {
	return roomFields{r.ID, r.Name, r.Description, r.Plane, r.Zone, r.SubZone, r.Environment, r.Attributes, r.SourceFile}
}

func exitsEqual(a, b Exit) bool {
	return a.Direction == b.Direction && a.Target == b.Target &&
		a.Description == b.Description && a.Key == b.Key && slices.Equal(a.Flags, b.Flags)
}
