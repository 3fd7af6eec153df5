package world

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"mythosd/store"
	"mythosd/world/lucidity"
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
	// Flux is what the room's passive-flux base rate depends on.
	Flux lucidity.Place
	// Encounter is the horror that meets whoever enters, if any.
	Encounter lucidity.EncounterKind

	// zones are the room's sub-zone, zone and plane as loaded, the nearest
	// first (those that exist), for rooms built from this one.
	zones []store.Zone

	// What the room starts with, its reset interval, and the items on its
	// floor as loaded with it (taken by the world on first arrival).
	placements []store.Placement
	resetEvery time.Duration
	floorItems []store.ItemState

	// Loop-owned memos of what every look shows: the exits line, and the
	// description wrapped at the width last asked for.
	exits     string
	wrapWidth int
	wrapText  string
}

// exitLine is "Exits: north, east (locked)." for the room.
func (r *Room) exitLine() string {
	if r.exits == "" {
		r.exits = "Exits: " + exitList(r, func(e store.Exit) bool { return e.Has(store.ExitLocked) })
	}
	return r.exits
}

// wrapped is the description wrapped at width, kept for the next look at
// the same width (most players share one). Loop only.
func (r *Room) wrapped(width int) string {
	if r.wrapWidth != width {
		r.wrapWidth, r.wrapText = width, wrap(r.Description, width)
	}
	return r.wrapText
}

// roomAttributes are the keys of a room's extra attributes the world reads.
type roomAttributes struct {
	Encounter    string   `json:"encounter"`
	LucidityFlux *float64 `json:"lucidity_flux"`
}

// loadRoom reads a room and its zones from the store. It runs off the loop.
func loadRoom(ctx context.Context, st Store, id string) (*Room, error) {
	r, err := st.Room(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("load room %s: %w", id, err)
	}
	var zones []store.Zone
	for _, zid := range []string{r.Plane + "_" + r.Zone + "_" + r.SubZone, r.Plane + "_" + r.Zone, r.Plane} {
		z, err := st.Zone(ctx, zid)
		if err != nil {
			continue // a room without zone config still plays
		}
		zones = append(zones, z)
	}
	room, err := buildRoom(r, zones)
	if err != nil {
		return nil, fmt.Errorf("load room %s: %w", id, err)
	}
	if err := room.readRoomItems(ctx, st, zones); err != nil {
		return nil, fmt.Errorf("load room %s: items: %w", id, err)
	}
	return room, nil
}

// buildRoom makes the world's room of a stored room and its zones, the
// nearest first; it does no I/O, so the loop builds edited rooms with it
// from the zones the room was loaded with.
func buildRoom(r store.Room, zones []store.Zone) (*Room, error) {
	room := &Room{Room: r, Env: r.Environment, zones: zones}
	room.Flux.SubZone = r.SubZone
	for _, z := range zones {
		room.addZone(z)
	}
	if room.Env == "" {
		room.Env = "outdoors"
	}
	room.Flux.Environment = room.Env
	if err := room.readAttributes(); err != nil {
		return nil, err
	}
	return room, nil
}

// addZone fills in what the room does not say itself from one of its zones,
// the nearest first.
func (r *Room) addZone(z store.Zone) {
	if r.Area == "" {
		r.Area = z.Name
	}
	if r.Env == "" {
		r.Env = z.Environment
	}
	if !r.Flux.HasDrain && z.DrainRate > 0 {
		r.Flux.Drain, r.Flux.HasDrain = lucidity.ToMilli(z.DrainRate), true
	}
}

// readAttributes reads the room's encounter and flux override.
func (r *Room) readAttributes() error {
	if r.Attributes == "" {
		return nil
	}
	var a roomAttributes
	if err := json.Unmarshal([]byte(r.Attributes), &a); err != nil {
		return fmt.Errorf("read attributes: %w", err)
	}
	if a.LucidityFlux != nil {
		r.Flux.Override, r.Flux.HasOverride = lucidity.ToMilli(*a.LucidityFlux), true
	}
	if a.Encounter != "" {
		kind, err := lucidity.ParseEncounter(a.Encounter)
		if err != nil {
			return err
		}
		r.Encounter = kind
	}
	return nil
}
