package worldfile

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"mythosd/store"
)

// Export file names: the one file of items/ and of npcs/ an export writes.
const (
	exportItemsFile = itemsFolder + "/items.json"
	exportNPCsFile  = npcsFolder + "/npcs.json"
)

// member is one key of a JSON object being written, in the order written.
type member struct {
	key   string
	value json.RawMessage
}

// Encode returns the files of world w in the world format, by slash path:
// a zone_config.json or subzone_config.json for every zone that has one, a
// file per room named after its id without the "{plane}_{zone}_{sub_zone}_"
// prefix, every item prototype in items/items.json and every NPC
// definition in npcs/npcs.json, each by id. The bytes depend on w alone:
// 2-space indent, a trailing newline, the room format's keys in the
// documented order and the extra keys sorted. Spawns are not written from
// w.Spawns: they travel in the rooms' and sub-zones' kept text.
func Encode(w store.World) (map[string][]byte, error) {
	files := make(map[string][]byte, len(w.Rooms)+len(w.Zones)+2)
	add := func(p string, data []byte) error {
		if _, dup := files[p]; dup {
			return fmt.Errorf("encode world: two entries would be written to %s", p)
		}
		files[p] = data
		return nil
	}
	for _, z := range w.Zones {
		p, data, err := encodeZone(z)
		if err != nil {
			return nil, fmt.Errorf("encode zone %s: %w", z.ID, err)
		}
		if data != nil {
			if err := add(p, data); err != nil {
				return nil, err
			}
		}
	}
	for _, r := range w.Rooms {
		p, data, err := encodeRoom(r)
		if err != nil {
			return nil, fmt.Errorf("encode room %s: %w", r.ID, err)
		}
		if err := add(p, data); err != nil {
			return nil, err
		}
	}
	if err := encodeLists(w, add); err != nil {
		return nil, err
	}
	return files, nil
}

// encodeLists adds the prototype and NPC files, when there is anything to
// put in them.
func encodeLists(w store.World, add func(string, []byte) error) error {
	if len(w.Items) > 0 {
		items := slices.Clone(w.Items)
		slices.SortFunc(items, func(a, b store.ItemProto) int { return strings.Compare(a.ID, b.ID) })
		data, err := encodeList("items", items)
		if err != nil {
			return fmt.Errorf("encode item prototypes: %w", err)
		}
		if err := add(exportItemsFile, data); err != nil {
			return err
		}
	}
	if len(w.NPCs) > 0 {
		npcs := slices.Clone(w.NPCs)
		slices.SortFunc(npcs, func(a, b store.NPCDef) int { return strings.Compare(a.ID, b.ID) })
		data, err := encodeList("npcs", npcs)
		if err != nil {
			return fmt.Errorf("encode NPC definitions: %w", err)
		}
		return add(exportNPCsFile, data)
	}
	return nil
}

// encodeList writes {"key": list}.
func encodeList[T any](key string, list []T) ([]byte, error) {
	raw, err := marshal(list)
	if err != nil {
		return nil, err
	}
	return indentObject([]member{{key, raw}})
}

// encodeRoom returns a room's path and file.
func encodeRoom(r store.Room) (string, []byte, error) {
	if r.SubZone == "" {
		return "", nil, errors.New("a room belongs in a sub-zone")
	}
	dir, err := folderPath(r.Plane, r.Zone, r.SubZone)
	if err != nil {
		return "", nil, err
	}
	name, err := roomFileName(r)
	if err != nil {
		return "", nil, err
	}
	var ms []member
	for _, f := range [][2]string{{"id", r.ID}, {"name", r.Name}, {"description", r.Description},
		{"plane", r.Plane}, {"zone", r.Zone}, {"sub_zone", r.SubZone}, {"environment", r.Environment}} {
		if f[0] == "environment" && f[1] == "" {
			continue
		}
		raw, err := marshal(f[1])
		if err != nil {
			return "", nil, err
		}
		ms = append(ms, member{f[0], raw})
	}
	if len(r.Exits) > 0 {
		raw, err := encodeExits(r.Exits)
		if err != nil {
			return "", nil, err
		}
		ms = append(ms, member{"exits", raw})
	}
	extra, err := extraMembers(r.Attributes)
	if err != nil {
		return "", nil, err
	}
	data, err := indentObject(append(ms, extra...))
	return path.Join(dir, name), data, err
}

// roomFileName is a room's file name: its id without the sub-zone's
// prefix, or the whole id when it lacks the prefix.
func roomFileName(r store.Room) (string, error) {
	name := r.ID
	if rest, ok := strings.CutPrefix(r.ID, ZoneID(r.Plane, r.Zone, r.SubZone)+"_"); ok && rest != "" {
		name = rest
	}
	name += ".json"
	if err := checkSegment(name); err != nil {
		return "", fmt.Errorf("file name: %w", err)
	}
	if name == zoneConfigName || name == subZoneConfigName {
		return "", fmt.Errorf("file name %s is a config file's", name)
	}
	return name, nil
}

// encodeExits writes a room's exits in direction order: a bare target when
// the exit has nothing else, else {target, flags, description, key}.
func encodeExits(exits []store.Exit) (json.RawMessage, error) {
	byDir := make(map[string]store.Exit, len(exits))
	for _, e := range exits {
		if _, dup := byDir[e.Direction]; dup {
			return nil, fmt.Errorf("two exits %s", e.Direction)
		}
		byDir[e.Direction] = e
	}
	var ms []member
	for _, dir := range store.Directions() {
		e, ok := byDir[dir]
		if !ok {
			continue
		}
		delete(byDir, dir)
		raw, err := encodeExit(e)
		if err != nil {
			return nil, err
		}
		ms = append(ms, member{dir, raw})
	}
	for dir := range byDir {
		return nil, fmt.Errorf("unknown exit direction %q", dir)
	}
	return compactObject(ms)
}

// exitObject is the object form of an exit.
type exitObject struct {
	Target      string   `json:"target"`
	Flags       []string `json:"flags,omitempty"`
	Description string   `json:"description,omitempty"`
	Key         string   `json:"key,omitempty"`
}

func encodeExit(e store.Exit) (json.RawMessage, error) {
	if len(e.Flags) == 0 && e.Description == "" && e.Key == "" {
		return marshal(e.Target)
	}
	return marshal(exitObject{Target: e.Target, Flags: e.Flags, Description: e.Description, Key: e.Key})
}

// extraMembers returns the kept extra keys of a room, sorted.
func extraMembers(attrs string) ([]member, error) {
	if attrs == "" {
		return nil, nil
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal([]byte(attrs), &obj); err != nil {
		return nil, fmt.Errorf("kept attributes: %w", err)
	}
	keys := make([]string, 0, len(obj))
	for k := range obj {
		if !isRoomKey(k) {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	ms := make([]member, len(keys))
	for i, k := range keys {
		ms[i] = member{k, obj[k]}
	}
	return ms, nil
}

// encodeZone returns a zone's config path and file, or nil data when the
// zone had no config and has nothing one would say.
func encodeZone(z store.Zone) (string, []byte, error) {
	dir, err := folderPath(z.Plane, z.Zone, z.SubZone)
	if err != nil {
		return "", nil, err
	}
	name := zoneConfigName
	if z.SubZone != "" {
		name = subZoneConfigName
	}
	p := path.Join(dir, name)
	if z.Attributes != "" {
		var buf bytes.Buffer
		if err := json.Indent(&buf, []byte(z.Attributes), "", "  "); err != nil {
			return "", nil, fmt.Errorf("kept config: %w", err)
		}
		buf.WriteByte('\n')
		return p, buf.Bytes(), nil
	}
	data, err := synthesizedConfig(z)
	return p, data, err
}

// synthesizedConfig writes a config from a zone's fields when they differ
// from what the folder alone gives (a zone made without a config file).
func synthesizedConfig(z store.Zone) ([]byte, error) {
	folder := z.Zone
	if z.SubZone != "" {
		folder = z.SubZone
	}
	var ms []member
	add := func(key string, v any) error {
		raw, err := marshal(v)
		ms = append(ms, member{key, raw})
		return err
	}
	var err error
	if z.Name != "" && z.Name != DisplayName(folder) {
		err = errors.Join(err, add("name", z.Name))
	}
	if z.Description != "" {
		err = errors.Join(err, add("description", z.Description))
	}
	if z.Environment != "" {
		err = errors.Join(err, add("environment", z.Environment))
	}
	if z.DrainRate != 0 {
		err = errors.Join(err, add("special_rules", map[string]float64{"lucidity_drain_rate": z.DrainRate}))
	}
	if err != nil || len(ms) == 0 {
		return nil, err
	}
	return indentObject(ms)
}

// folderPath is the folder of a zone or sub-zone, its names checked.
func folderPath(plane, zone, subZone string) (string, error) {
	parts := []string{plane, zone}
	if subZone != "" {
		parts = append(parts, subZone)
	}
	for _, s := range parts {
		if err := checkSegment(s); err != nil {
			return "", fmt.Errorf("folder: %w", err)
		}
	}
	if plane == itemsFolder || plane == npcsFolder {
		return "", fmt.Errorf("folder: plane %q is reserved", plane)
	}
	return path.Join(parts...), nil
}

// checkSegment refuses a name that is no plain file or folder name.
func checkSegment(s string) error {
	if s == "" || strings.HasPrefix(s, ".") || strings.ContainsAny(s, "/\\") || !utf8.ValidString(s) ||
		strings.ContainsFunc(s, unicode.IsControl) {
		return fmt.Errorf("%q cannot be a file or folder name", s)
	}
	return nil
}

// marshal encodes v as compact JSON without escaping <, > and &.
func marshal(v any) (json.RawMessage, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// compactObject writes the members as one compact object, in order.
func compactObject(ms []member) (json.RawMessage, error) {
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, m := range ms {
		if i > 0 {
			buf.WriteByte(',')
		}
		k, err := marshal(m.key)
		if err != nil {
			return nil, err
		}
		buf.Write(k)
		buf.WriteByte(':')
		buf.Write(m.value)
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

// indentObject writes the members as a file: 2-space indent, newline.
func indentObject(ms []member) ([]byte, error) {
	raw, err := compactObject(ms)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := json.Indent(&buf, raw, "", "  "); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}
