package store

import (
	"context"
	"fmt"
	"slices"
)

// RoomsLeadingTo returns the ids of the rooms with an exit to room id,
// sorted: the rooms whose exits must go when room id does. It reads
// through the write-behind writer, as Room does.
func (db *DB) RoomsLeadingTo(ctx context.Context, id string) ([]string, error) {
	edits := db.w.roomEdits() // before the database, as in CharacterByAccount
	rows, err := db.read.QueryContext(ctx, `SELECT DISTINCT room_id FROM exits WHERE target = ?`, id)
	if err != nil {
		return nil, fmt.Errorf("rooms leading to %s: %w", id, err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var from string
		if err := rows.Scan(&from); err != nil {
			return nil, fmt.Errorf("rooms leading to %s: %w", id, err)
		}
		if _, edited := edits[from]; !edited {
			ids = append(ids, from)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("rooms leading to %s: %w", id, err)
	}
	for from, e := range edits {
		if !e.Deleted && slices.ContainsFunc(e.Room.Exits, func(x Exit) bool { return x.Target == id }) {
			ids = append(ids, from)
		}
	}
	slices.Sort(ids)
	return ids, nil
}
