package worldfile

import (
	"encoding/json"
	"slices"
	"strings"

	"mythosd/store"
)

// knownFlag reports whether f is an exit flag of the world format.
func knownFlag(f string) bool {
	switch f {
	case store.ExitOneWay, store.ExitHidden, store.ExitLocked, store.ExitSelfReference:
		return true
	}
	return false
}

// decodeExits decodes a room's "exits" object into exits in direction order.
// Targets are not checked here: Load resolves them once every room is known.
func decodeExits(raw json.RawMessage, p *fileProblems) []store.Exit {
	if isNull(raw) {
		return nil
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil {
		p.errorf("exits", "must be an object mapping directions to exits")
		return nil
	}
	dirs := store.Directions()
	var exits []store.Exit
	for _, dir := range dirs {
		if v, ok := obj[dir]; ok {
			if e, ok := decodeExit(dir, v, p); ok {
				exits = append(exits, e)
			}
		}
	}
	for _, k := range otherKeys(obj, dirs[:]...) {
		p.errorf("exits."+k, "unknown exit direction %q", k)
	}
	return exits
}

// decodeExit decodes one exit: null (no exit), a room id, or an object
// {target, flags, description}.
func decodeExit(dir string, raw json.RawMessage, p *fileProblems) (store.Exit, bool) {
	field := "exits." + dir
	if isNull(raw) {
		return store.Exit{}, false
	}
	var target string
	if json.Unmarshal(raw, &target) == nil {
		if strings.TrimSpace(target) == "" {
			p.errorf(field, "target is empty")
			return store.Exit{}, false
		}
		return store.Exit{Direction: dir, Target: target}, true
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil {
		p.errorf(field, "must be null, a room id or an object with a target")
		return store.Exit{}, false
	}
	return decodeExitObject(field, dir, obj, p)
}

// decodeExitObject decodes the object form of an exit.
func decodeExitObject(field, dir string, obj map[string]json.RawMessage, p *fileProblems) (store.Exit, bool) {
	for _, k := range otherKeys(obj, "target", "flags", "description", "key") {
		p.errorf(field+"."+k, "unknown exit key %q", k)
	}
	e := store.Exit{
		Direction:   dir,
		Target:      reqString(obj, field+".", "target", p),
		Flags:       decodeFlags(obj["flags"], field+".flags", p),
		Description: optString(obj, field+".", "description", p),
		Key:         optString(obj, field+".", "key", p),
	}
	if e.Key != "" && !slices.Contains(e.Flags, store.ExitLocked) {
		p.errorf(field+".key", "a key opens only an exit flagged locked")
	}
	if e.Target == "" {
		return store.Exit{}, false
	}
	return e, true
}

// decodeFlags decodes an exit's flags, dropping (and reporting) unknown ones.
func decodeFlags(raw json.RawMessage, field string, p *fileProblems) []string {
	if isNull(raw) {
		return nil
	}
	var names []string
	if err := json.Unmarshal(raw, &names); err != nil {
		p.errorf(field, "must be an array of flag names")
		return nil
	}
	var flags []string
	for _, f := range names {
		if !knownFlag(f) {
			p.errorf(field, "unknown exit flag %q", f)
			continue
		}
		flags = append(flags, f)
	}
	return flags
}
