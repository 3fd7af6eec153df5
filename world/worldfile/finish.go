package worldfile

import (
	"cmp"
	"slices"
	"strings"

	"mythosd/store"
)

// finish checks what needs every file read, resolves exits and returns the
// world sorted by id.
func (l *loader) finish() store.World {
	slices.SortFunc(l.rooms, func(a, b store.Room) int { return strings.Compare(a.ID, b.ID) })
	l.resolveExits()
	l.checkPlacements()
	l.checkNPCItems()
	w := store.World{Rooms: l.rooms, Zones: l.sortedZones(), Items: l.sortedProtos(),
		NPCs: l.sortedNPCs(), Spawns: l.checkSpawns()}
	slices.SortStableFunc(l.report.Problems, func(a, b Problem) int { return strings.Compare(a.File, b.File) })
	slices.SortStableFunc(l.report.Resolved, func(a, b Resolution) int { return strings.Compare(a.File, b.File) })
	return w
}

// sortedZones returns the zones sorted by id, reporting start rooms that
// name no room and zone ids that two folders share.
func (l *loader) sortedZones() []store.Zone {
	entries := make([]*zoneEntry, 0, len(l.zones))
	for _, e := range l.zones {
		entries = append(entries, e)
	}
	slices.SortFunc(entries, func(a, b *zoneEntry) int {
		return cmp.Or(strings.Compare(a.zone.ID, b.zone.ID), strings.Compare(a.file, b.file))
	})
	zones := make([]store.Zone, 0, len(entries))
	for i, e := range entries {
		if e.startRoom != "" && l.roomFiles[e.startRoom] == "" {
			l.report.add(e.file, "start_room", Warning, "room %q does not exist", e.startRoom)
		}
		if i > 0 && entries[i-1].zone.ID == e.zone.ID {
			l.report.add(e.file, "", Error, "zone id %q is also the id of the zone of %s; rename a folder",
				e.zone.ID, entries[i-1].file)
		}
		zones = append(zones, e.zone)
	}
	return zones
}

// resolveExits checks every exit target: a room id stays, a target the
// resolution rule pins to one room is rewritten, any other is dropped.
func (l *loader) resolveExits() {
	r := newResolver(l.rooms)
	for i := range l.rooms {
		room := &l.rooms[i]
		kept := room.Exits[:0]
		for _, e := range room.Exits {
			if to, ok := l.resolveExit(r, room, e); ok {
				e.Target = to
				kept = append(kept, e)
			}
		}
		if len(kept) == 0 {
			kept = nil
		}
		room.Exits = kept
	}
}

// resolveExit returns the room id exit e of room leads to, reporting a
// rewrite or a target that leads nowhere.
func (l *loader) resolveExit(r *resolver, room *store.Room, e store.Exit) (string, bool) {
	if r.exists(e.Target) {
		return e.Target, true
	}
	field := "exits." + e.Direction
	found := r.matches(e.Target)
	switch len(found) {
	case 1:
		l.report.Resolved = append(l.report.Resolved, Resolution{
			File: room.SourceFile, Room: room.ID, Direction: e.Direction, From: e.Target, To: found[0],
		})
		return found[0], true
	case 0:
		l.report.add(room.SourceFile, field, Warning, "target %q does not exist; exit dropped", e.Target)
	default:
		l.report.add(room.SourceFile, field, Warning, "target %q does not exist and matches %d rooms (%s); exit dropped",
			e.Target, len(found), strings.Join(found, ", "))
	}
	return "", false
}
