package worldfile

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// File names of the two config files.
const (
	zoneConfigName    = "zone_config.json"
	subZoneConfigName = "subzone_config.json"
)

// location is where a file sits in the tree: its plane, zone and sub-zone
// folders (subZone is "" for a zone config).
type location struct {
	plane, zone, subZone string
}

// id returns the store.Zone id of the zone or sub-zone at l.
func (l location) id() string {
	return ZoneID(l.plane, l.zone, l.subZone)
}

// parent returns the zone that holds the sub-zone at l.
func (l location) parent() location {
	return location{plane: l.plane, zone: l.zone}
}

// ZoneID returns the store.Zone id of a zone ("{plane}_{zone}") or, when
// subZone is not empty, of a sub-zone ("{plane}_{zone}_{subzone}").
func ZoneID(plane, zone, subZone string) string {
	if subZone == "" {
		return plane + "_" + zone
	}
	return plane + "_" + zone + "_" + subZone
}

// DisplayName turns a folder name into a display name:
// "arkham_city" -> "Arkham City".
func DisplayName(folder string) string {
	words := strings.FieldsFunc(folder, func(r rune) bool { return r == '_' })
	for i, w := range words {
		r, n := utf8.DecodeRuneInString(w)
		if r != utf8.RuneError {
			words[i] = string(unicode.ToUpper(r)) + w[n:]
		}
	}
	return strings.Join(words, " ")
}
