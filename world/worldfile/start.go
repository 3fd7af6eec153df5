package worldfile

import (
	"encoding/json"
	"slices"
	"strings"

	"mythosd/store"
)

// sanitarium is the sub-zone where new characters start and respawn.
const sanitarium = "sanitarium"

// StartRoom returns where new characters start: the start_room of a
// sanitarium sub-zone's config when it names an existing room (sub-zones in
// id order); else the first room by id of a sanitarium sub-zone; else the
// first room by id; "" for an empty world.
func StartRoom(w store.World) string {
	ids := make(map[string]bool, len(w.Rooms))
	for _, r := range w.Rooms {
		ids[r.ID] = true
	}
	subs := slices.Clone(w.Zones)
	slices.SortFunc(subs, func(a, b store.Zone) int { return strings.Compare(a.ID, b.ID) })
	for _, z := range subs {
		if z.SubZone != sanitarium {
			continue
		}
		if id := configStartRoom(z.Attributes); id != "" && ids[id] {
			return id
		}
	}
	first, inSanitarium := "", ""
	for _, r := range w.Rooms {
		if first == "" || r.ID < first {
			first = r.ID
		}
		if r.SubZone == sanitarium && (inSanitarium == "" || r.ID < inSanitarium) {
			inSanitarium = r.ID
		}
	}
	if inSanitarium != "" {
		return inSanitarium
	}
	return first
}

// configStartRoom returns the start_room of a config's JSON, or "".
func configStartRoom(attributes string) string {
	var cfg struct {
		StartRoom string `json:"start_room"`
	}
	if json.Unmarshal([]byte(attributes), &cfg) != nil {
		return ""
	}
	return cfg.StartRoom
}
