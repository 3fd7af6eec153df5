package store

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
)

// querier is what reads need of a pool or a transaction.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

const roomColumns = `id, name, description, plane, zone, subzone, environment, attributes, source_file`

func scanRoom(s scanner) (Room, error) {
	var r Room
	err := s.Scan(&r.ID, &r.Name, &r.Description, &r.Plane, &r.Zone, &r.SubZone, &r.Environment, &r.Attributes, &r.SourceFile)
	return r, err
}

// Room returns room id with its exits in the order of Directions(), or
// ErrNotFound. It reads through the write-behind writer: a room edited,
// made or deleted in the game and not yet committed is as the edit left it,
// and its placements and spawns are as building changes left them.
func (db *DB) Room(ctx context.Context, id string) (Room, error) {
	edits := db.w.keyEdits(id, false) // before the database, as in CharacterByAccount
	if r, handled, err := db.roomThrough(id); handled {
		if err == nil {
			err = overRoom(&r, edits)
		}
		return r, err
	}
	r, err := scanRoom(db.read.QueryRowContext(ctx, `SELECT `+roomColumns+` FROM rooms WHERE id = ?`, id))
	if err != nil {
		return Room{}, fmt.Errorf("room %s: %w", id, notFound(err))
	}
	exits, err := loadExits(ctx, db.read, `WHERE room_id = ?`, id)
	if err != nil {
		return Room{}, fmt.Errorf("room %s: %w", id, err)
	}
	r.Exits = exits[id]
	if err := overRoom(&r, edits); err != nil {
		return Room{}, err
	}
	return r, nil
}

// RoomIDs returns the ids of every room, sorted. It reads through the
// write-behind writer, as Room does.
func (db *DB) RoomIDs(ctx context.Context) ([]string, error) {
	return db.roomIDsThrough(ctx)
}

// committedRoomIDs returns the ids of every committed room, sorted.
func (db *DB) committedRoomIDs(ctx context.Context) ([]string, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT id FROM rooms ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("room ids: %w", err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("room ids: %w", err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("room ids: %w", err)
	}
	return ids, nil
}

// SubZoneRooms returns the ids of the rooms of a sub-zone, sorted: where
// a sub-zone's spawn without a room may appear. It reads through the
// writer's room edits, as Room does.
func (db *DB) SubZoneRooms(ctx context.Context, plane, zone, subZone string) ([]string, error) {
	edits := db.w.roomEdits() // before the database, as in CharacterByAccount
	ids, err := db.committedSubZoneRooms(ctx, plane, zone, subZone)
	if err != nil {
		return nil, err
	}
	ids = slices.DeleteFunc(ids, func(id string) bool { _, edited := edits[id]; return edited })
	for id, e := range edits {
		if !e.Deleted && e.Room.Plane == plane && e.Room.Zone == zone && e.Room.SubZone == subZone {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return ids, nil
}

// committedSubZoneRooms is SubZoneRooms as the database has it.
func (db *DB) committedSubZoneRooms(ctx context.Context, plane, zone, subZone string) ([]string, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT id FROM rooms WHERE plane = ? AND zone = ? AND subzone = ? ORDER BY id`,
		plane, zone, subZone)
	if err != nil {
		return nil, fmt.Errorf("rooms of %s %s %s: %w", plane, zone, subZone, err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("rooms of %s %s %s: %w", plane, zone, subZone, err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// loadRooms reads every room with its exits, by id.
func loadRooms(ctx context.Context, q querier) (map[string]Room, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+roomColumns+` FROM rooms`)
	if err != nil {
		return nil, fmt.Errorf("read rooms: %w", err)
	}
	defer rows.Close()
	rooms := map[string]Room{}
	for rows.Next() {
		r, err := scanRoom(rows)
		if err != nil {
			return nil, fmt.Errorf("read rooms: %w", err)
		}
		rooms[r.ID] = r
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read rooms: %w", err)
	}
	exits, err := loadExits(ctx, q, ``)
	if err != nil {
		return nil, err
	}
	for id, r := range rooms {
		r.Exits = exits[id]
		rooms[id] = r
	}
	return rooms, nil
}

// loadExits reads the exits a where clause selects, grouped by room and in
// the order of Directions().
func loadExits(ctx context.Context, q querier, where string, args ...any) (map[string][]Exit, error) {
	rows, err := q.QueryContext(ctx, `SELECT room_id, direction, target, flags, description, key FROM exits `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("read exits: %w", err)
	}
	defer rows.Close()
	exits := map[string][]Exit{}
	for rows.Next() {
		var room, flags string
		var e Exit
		if err := rows.Scan(&room, &e.Direction, &e.Target, &flags, &e.Description, &e.Key); err != nil {
			return nil, fmt.Errorf("read exits: %w", err)
		}
		if e.Flags, err = decodeFlags(flags); err != nil {
			return nil, fmt.Errorf("read exit %s %s: %w", room, e.Direction, err)
		}
		exits[room] = append(exits[room], e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read exits: %w", err)
	}
	for _, es := range exits {
		sortExits(es)
	}
	return exits, nil
}

// directionIndex is dir's place in Directions(), or -1.
func directionIndex(dir string) int {
	dirs := Directions()
	return slices.Index(dirs[:], dir)
}

func sortExits(es []Exit) {
	slices.SortFunc(es, func(a, b Exit) int {
		return cmp.Compare(directionIndex(a.Direction), directionIndex(b.Direction))
	})
}

// encodeFlags stores flags as a JSON array; none is "[]".
func encodeFlags(flags []string) (string, error) {
	if len(flags) == 0 {
		return "[]", nil
	}
	b, err := json.Marshal(flags)
	return string(b), err
}

// decodeFlags reads what encodeFlags wrote; none is nil.
func decodeFlags(s string) ([]string, error) {
	var flags []string
	if err := json.Unmarshal([]byte(s), &flags); err != nil {
		return nil, fmt.Errorf("decode flags %q: %w", s, err)
	}
	if len(flags) == 0 {
		return nil, nil
	}
	return flags, nil
}
