package worldfile

import (
	"encoding/json"
	"strings"

	"mythosd/store"
)

// isRoomKey reports whether key is one the room format defines; every other
// key of a room file is kept in Room.Attributes.
func isRoomKey(key string) bool {
	switch key {
	case "id", "name", "description", "plane", "zone", "sub_zone", "environment", "exits":
		return true
	}
	return false
}

// decodeRoom decodes and checks one room file found at loc. It returns false
// when no room can be loaded from it (not a JSON object, or no id). A room
// with other Error problems is still returned, with the faulty parts left out
// and its plane, zone and sub-zone taken from the folders.
func decodeRoom(file string, loc location, data []byte) (store.Room, []Problem, bool) {
	p := &fileProblems{file: file}
	obj, err := decodeObject(data)
	if err != nil {
		p.errorf("", "%v", err)
		return store.Room{}, p.list, false
	}
	room := store.Room{
		ID:          reqString(obj, "", "id", p),
		Name:        reqString(obj, "", "name", p),
		Description: reqString(obj, "", "description", p),
		Plane:       placeField(obj, "plane", loc.plane, p),
		Zone:        placeField(obj, "zone", loc.zone, p),
		SubZone:     placeField(obj, "sub_zone", loc.subZone, p),
		Environment: environmentField(obj, p),
		Exits:       decodeExits(obj["exits"], p),
		Attributes:  extraKeys(checkRules(obj, p), p),
		SourceFile:  file,
	}
	if room.ID == "" {
		return store.Room{}, p.list, false
	}
	if prefix := ZoneID(loc.plane, loc.zone, "") + "_"; !strings.HasPrefix(room.ID, prefix) {
		p.warnf("id", "%q does not start with %q", room.ID, prefix)
	}
	return room, p.list, true
}

// placeField checks a required plane, zone or sub_zone key against the
// folder the file sits in, and returns the folder's value.
func placeField(obj map[string]json.RawMessage, key, folder string, p *fileProblems) string {
	v := reqString(obj, "", key, p)
	if v != "" && v != folder {
		p.errorf(key, "%q disagrees with the folder %q", v, folder)
	}
	return folder
}

// environmentField decodes an optional environment; an unknown one is an
// Error and yields "" (inherit).
func environmentField(obj map[string]json.RawMessage, p *fileProblems) string {
	env := optString(obj, "", "environment", p)
	if env != "" && !KnownEnvironment(env) {
		p.errorf("environment", "unknown environment %q", env)
		return ""
	}
	return env
}

// checkRules checks the extra keys that the game's rules read, dropping
// those that are wrong: `encounter` (disturbing, horrific or cosmic) and
// `lucidity_flux` (a number of points per evaluation, -10 to 10).
func checkRules(obj map[string]json.RawMessage, p *fileProblems) map[string]json.RawMessage {
	if raw, ok := obj["encounter"]; ok {
		var kind string
		if json.Unmarshal(raw, &kind) != nil || (kind != "disturbing" && kind != "horrific" && kind != "cosmic") {
			p.errorf("encounter", "want \"disturbing\", \"horrific\" or \"cosmic\", got %s", raw)
			delete(obj, "encounter")
		}
	}
	if raw, ok := obj["lucidity_flux"]; ok {
		var rate float64
		if json.Unmarshal(raw, &rate) != nil || rate < -10 || rate > 10 {
			p.errorf("lucidity_flux", "want a number from -10 to 10, got %s", raw)
			delete(obj, "lucidity_flux")
		}
	}
	return obj
}

// extraKeys returns the keys the room format does not define, as one JSON
// object with sorted keys, or "" when there are none.
func extraKeys(obj map[string]json.RawMessage, p *fileProblems) string {
	extra := make(map[string]json.RawMessage)
	for k, v := range obj {
		if !isRoomKey(k) {
			extra[k] = v
		}
	}
	if len(extra) == 0 {
		return ""
	}
	b, err := json.Marshal(extra)
	if err != nil {
		p.errorf("", "keep extra keys: %v", err)
		return ""
	}
	return string(b)
}
