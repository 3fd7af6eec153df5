package worldfile

import (
	"slices"

	"mythosd/store"
)

// defaultEnvironment is the environment of a room when neither it nor its
// sub-zone nor its zone names one.
const defaultEnvironment = "outdoors"

// Environments returns every environment the world format knows, in the
// order docs/WORLD-FORMAT.md lists them.
func Environments() []string {
	return []string{
		"indoors", "outdoors", "underwater", "intersection", "street_paved", "arena", "void",
		"sanctuary", "sun_sanctuary", "temple", "safehouse", "camp",
		"graveyard", "haunted", "eldritch", "storm", "forsaken",
	}
}

// KnownEnvironment reports whether name is an environment of the world format.
func KnownEnvironment(name string) bool {
	return slices.Contains(Environments(), name)
}

// EffectiveEnvironment returns the room's own environment, else its
// sub-zone's, else its zone's, else "outdoors". zones is keyed by
// store.Zone.ID (see ZoneID and ZoneMap).
func EffectiveEnvironment(room store.Room, zones map[string]store.Zone) string {
	if room.Environment != "" {
		return room.Environment
	}
	if z, ok := zones[ZoneID(room.Plane, room.Zone, room.SubZone)]; ok && z.Environment != "" {
		return z.Environment
	}
	if z, ok := zones[ZoneID(room.Plane, room.Zone, "")]; ok && z.Environment != "" {
		return z.Environment
	}
	return defaultEnvironment
}

// ZoneMap indexes zones by id, for EffectiveEnvironment.
func ZoneMap(zones []store.Zone) map[string]store.Zone {
	m := make(map[string]store.Zone, len(zones))
	for _, z := range zones {
		m[z.ID] = z
	}
	return m
}
