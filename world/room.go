package world

import (
	"context"
	"fmt"

	"mythosd/store"
)

// Room is a room as the world sees it: the stored room with what its zones
// add to it. Rooms are immutable once loaded; places hold who is inside.
type Room struct {
	store.Room
	// Area is the name of the room's sub-zone, else of its zone.
	Area string
	// Env is the effective environment: the room's own, else its
	// sub-zone's, else its zone's, else outdoors.
	Env string
}

// loadRoom reads a room and its zones from the store. It runs off the loop.
func loadRoom(ctx context.Context, st Store, id string) (*Room, error) {
	r, err := st.Room(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("load room %s: %w", id, err)
	}
	room := &Room{Room: r, Env: r.Environment}
	for _, zid := range []string{r.Plane + "_" + r.Zone + "_" + r.SubZone, r.Plane + "_" + r.Zone} {
		z, err := st.Zone(ctx, zid)
		if err != nil {
			continue // a room without zone config still plays
		}
		if room.Area == "" {
			room.Area = z.Name
		}
		if room.Env == "" {
			room.Env = z.Environment
		}
	}
	if room.Env == "" {
		room.Env = "outdoors"
	}
	return room, nil
}
