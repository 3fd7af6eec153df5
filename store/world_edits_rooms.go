package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
)

// RoomEdit is a room created, changed or deleted in the game, as a batch
// carries it: the whole room as it now is, or its deletion.
type RoomEdit struct {
	Room    Room // the room as it now is; only Room.ID counts when Deleted
	Deleted bool
}

// SameRoom reports whether a and b are the same room, field for field and
// exit for exit (exits in any order, no flags and empty flags alike).
func SameRoom(a, b Room) bool {
	return roomsEqual(normalRoom(a), normalRoom(b))
}

// roomEdits returns the newest uncommitted edit of every room in the writer.
func (w *writer) roomEdits() map[string]RoomEdit {
	out := map[string]RoomEdit{}
	w.overlay(func(p *pending) {
		for id, e := range p.rooms {
			out[id] = e
		}
	})
	return out
}

// roomEdit returns the newest uncommitted edit of room id, if any.
func (w *writer) roomEdit(id string) (e RoomEdit, ok bool) {
	w.overlay(func(p *pending) {
		if found, has := p.rooms[id]; has {
			e, ok = found, true
		}
	})
	return e, ok
}

// addRoomEdits merges edits, newer than p's, into p: the latest edit of
// each room wins.
func (p *pending) addRoomEdits(edits map[string]RoomEdit) {
	for id, e := range edits {
		if p.rooms == nil {
			p.rooms = map[string]RoomEdit{}
		}
		e.Room.ID = id
		p.rooms[id] = e
	}
}

// addOlderRoomEdits merges old's edits, older than p's, into p: an edit
// in p is never replaced.
func (p *pending) addOlderRoomEdits(old *pending) {
	for id, e := range old.rooms {
		if _, newer := p.rooms[id]; !newer {
			if p.rooms == nil {
				p.rooms = map[string]RoomEdit{}
			}
			p.rooms[id] = e
		}
	}
}

// writeRoomEdits writes the rooms of p (with their exits) and deletes
// those deleted, in id order.
func writeRoomEdits(ctx context.Context, tx *sql.Tx, p *pending) (int64, error) {
	var n int64
	for _, id := range sortedKeys(p.rooms) {
		e := p.rooms[id]
		if e.Deleted {
			res, err := tx.ExecContext(ctx, `DELETE FROM rooms WHERE id = ?`, id)
			if err != nil {
				return 0, fmt.Errorf("delete room %s: %w", id, err)
			}
			n += affected(res)
			continue
		}
		if err := writeRoom(ctx, tx, normalRoom(e.Room)); err != nil {
			return 0, err
		}
		n++
	}
	return n, nil
}

// overlayRooms applies edits to rooms by id: changed and new rooms are
// set, deleted ones removed.
func overlayRooms(rooms map[string]Room, edits map[string]RoomEdit) {
	for id, e := range edits {
		if e.Deleted {
			delete(rooms, id)
			continue
		}
		rooms[id] = normalRoom(e.Room)
	}
}

// overlayRoomIDs applies edits to sorted ids and returns them sorted.
func overlayRoomIDs(ids []string, edits map[string]RoomEdit) []string {
	if len(edits) == 0 {
		return ids
	}
	ids = slices.DeleteFunc(ids, func(id string) bool { _, edited := edits[id]; return edited })
	for id, e := range edits {
		if !e.Deleted {
			ids = append(ids, id)
		}
	}
	slices.SortFunc(ids, strings.Compare)
	return ids
}

// roomThrough returns room id as the writer's uncommitted edits have it:
// handled reports whether an edit decided (then err is ErrNotFound for a
// deleted room).
func (db *DB) roomThrough(id string) (r Room, handled bool, err error) {
	e, ok := db.w.roomEdit(id)
	switch {
	case !ok:
		return Room{}, false, nil
	case e.Deleted:
		return Room{}, true, fmt.Errorf("room %s: %w", id, ErrNotFound)
	default:
		return normalRoom(e.Room), true, nil
	}
}

// roomIDsThrough is RoomIDs without the writer's edits applied, for
// RoomIDs to apply them; edits is taken before the database is read.
func (db *DB) roomIDsThrough(ctx context.Context) ([]string, error) {
	edits := db.w.roomEdits()
	ids, err := db.committedRoomIDs(ctx)
	if err != nil {
		return nil, err
	}
	return overlayRoomIDs(ids, edits), nil
}

// ExitFlags returns the exit flags the world format knows.
func ExitFlags() []string {
	return []string{ExitOneWay, ExitHidden, ExitLocked, ExitSelfReference}
}
