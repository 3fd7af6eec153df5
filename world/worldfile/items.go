package worldfile

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"mythosd/store"
)

// itemsFolder and npcsFolder are reserved at the top of a world: they hold
// prototypes, never planes.
const (
	itemsFolder = "items"
	npcsFolder  = "npcs"
)

var (
	idPattern  = regexp.MustCompile(`^[a-z0-9_]+$`)
	itemTypes  = []string{"consumable", "equipment", "weapon", "container", "key", "quest", "junk"}
	itemSlots  = []string{"head", "torso", "legs", "main_hand", "off_hand", "feet", "hands", "accessory", "ring", "amulet", "belt", "backpack"}
	itemFlags  = []string{"no_drop", "no_sale", "cursed", "quest", "unique", "fixed"}
	useVerbs   = []string{"use", "drink", "eat", "read"}
	lockStates = []string{"open", "closed", "locked", "sealed"}
	protoKeys  = []string{"id", "name", "plural", "keywords", "room_text", "description", "type", "weight", "value",
		"slots", "flags", "weapon", "protection", "use", "container", "key_id"}
)

// protoEntry is a prototype with the file it came from.
type protoEntry struct {
	proto store.ItemProto
	file  string
	field string
}

// addItemFile reads one prototype file of items/.
func (l *loader) addItemFile(p string, data []byte) {
	l.readListFile(p, data, listFile{key: "items", kind: "a prototype file", what: "prototypes"},
		func(raw json.RawMessage, field string, fp *fileProblems) {
			pr, ok := decodeProto(raw, field, fp)
			if !ok {
				return
			}
			if first, dup := l.protos[pr.ID]; dup {
				fp.errorf(field+".id", "duplicate prototype id %q, also in %s", pr.ID, first.file)
				return
			}
			l.protos[pr.ID] = &protoEntry{proto: pr, file: p, field: field}
			l.protoOrder = append(l.protoOrder, pr.ID)
		})
}

// listFile describes a file of one key that holds a list (items/, npcs/).
type listFile struct {
	key  string // the one key: "items"
	kind string // what the file is, for messages: "a prototype file"
	what string // what the list holds: "prototypes"
}

// readListFile reads a file that f describes and hands each entry of its
// list to each, with the entry's field ("items[3]"); problems are reported
// against the file.
func (l *loader) readListFile(p string, data []byte, f listFile, each func(raw json.RawMessage, field string, fp *fileProblems)) {
	fp := &fileProblems{file: p}
	defer func() { l.report.Problems = append(l.report.Problems, fp.list...) }()
	obj, err := decodeObject(data)
	if err != nil {
		fp.errorf("", "%v", err)
		return
	}
	for _, k := range otherKeys(obj, f.key) {
		fp.errorf(k, "unknown key %q; %s holds only %q", k, f.kind, f.key)
	}
	var list []json.RawMessage
	if err := json.Unmarshal(obj[f.key], &list); err != nil {
		fp.errorf(f.key, "must be a list of %s", f.what)
		return
	}
	for i, raw := range list {
		each(raw, fmt.Sprintf("%s[%d]", f.key, i), fp)
	}
}

// decodeProto reads and checks one prototype.
func decodeProto(raw json.RawMessage, field string, p *fileProblems) (store.ItemProto, bool) {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil {
		p.errorf(field, "must be an object")
		return store.ItemProto{}, false
	}
	for _, k := range otherKeys(obj, protoKeys...) {
		p.errorf(field+"."+k, "unknown key %q", k)
	}
	pre := field + "."
	var pr store.ItemProto
	pr.ID = reqString(obj, pre, "id", p)
	pr.Name = reqString(obj, pre, "name", p)
	pr.Description = reqString(obj, pre, "description", p)
	pr.Type = reqString(obj, pre, "type", p)
	pr.Plural = optString(obj, pre, "plural", p)
	pr.RoomText = optString(obj, pre, "room_text", p)
	pr.KeyID = optString(obj, pre, "key_id", p)
	pr.Keywords = stringList(obj, pre, "keywords", true, p)
	pr.Slots = stringList(obj, pre, "slots", false, p)
	pr.Flags = stringList(obj, pre, "flags", false, p)
	pr.Weight = intField(obj, pre, "weight", true, 0, 10000, p)
	pr.Value = intField(obj, pre, "value", true, 0, 1<<40, p)
	pr.Protection = intField(obj, pre, "protection", false, 0, 20, p)
	if pr.ID == "" {
		return pr, false
	}
	checkProto(&pr, obj, pre, p)
	return pr, true
}

// checkProto checks what depends on the type and the nested objects.
func checkProto(pr *store.ItemProto, obj map[string]json.RawMessage, pre string, p *fileProblems) {
	if !idPattern.MatchString(pr.ID) {
		p.errorf(pre+"id", "%q: lowercase letters, digits and _ only", pr.ID)
	}
	if pr.Type != "" && !slices.Contains(itemTypes, pr.Type) {
		p.errorf(pre+"type", "unknown type %q; one of %s", pr.Type, strings.Join(itemTypes, ", "))
	}
	for _, k := range pr.Keywords {
		if k == "" || k != strings.ToLower(k) || strings.ContainsAny(k, " \t.") {
			p.errorf(pre+"keywords", "%q: keywords are single lowercase words", k)
		}
	}
	checkNames(pre+"slots", pr.Slots, itemSlots, "slot", p)
	checkNames(pre+"flags", pr.Flags, itemFlags, "flag", p)
	if pr.KeyID != "" && !idPattern.MatchString(pr.KeyID) {
		p.errorf(pre+"key_id", "%q: lowercase letters, digits and _ only", pr.KeyID)
	}
	if pr.Type == "key" && pr.KeyID == "" {
		p.errorf(pre+"key_id", "a key needs key_id")
	}
	pr.Weapon = decodeWeapon(obj["weapon"], pre+"weapon", p)
	if pr.Type == "weapon" && pr.Weapon == nil {
		p.errorf(pre+"weapon", "a weapon needs weapon {min, max, modifier}")
	}
	if pr.Weapon != nil && !slices.Contains(pr.Slots, "main_hand") {
		p.errorf(pre+"slots", "a weapon lists main_hand")
	}
	pr.Container = decodeContainer(obj["container"], pre+"container", p)
	if pr.Type == "container" && pr.Container == nil {
		p.errorf(pre+"container", "a container needs container {capacity, max_weight}")
	}
	pr.Use = decodeUse(obj["use"], pre+"use", p)
}

// checkNames reports names not among known.
func checkNames(field string, names, known []string, what string, p *fileProblems) {
	for _, n := range names {
		if !slices.Contains(known, n) {
			p.errorf(field, "unknown %s %q", what, n)
		}
	}
}

// stringList reads a list of strings.
func stringList(obj map[string]json.RawMessage, pre, key string, required bool, p *fileProblems) []string {
	raw, ok := obj[key]
	if !ok || isNull(raw) {
		if required {
			p.errorf(pre+key, "required field is missing")
		}
		return nil
	}
	var list []string
	if err := json.Unmarshal(raw, &list); err != nil {
		p.errorf(pre+key, "must be a list of strings")
		return nil
	}
	if required && len(list) == 0 {
		p.errorf(pre+key, "needs at least one")
	}
	return list
}

// intField reads a whole number in lo..hi.
func intField(obj map[string]json.RawMessage, pre, key string, required bool, lo, hi int, p *fileProblems) int {
	raw, ok := obj[key]
	if !ok || isNull(raw) {
		if required {
			p.errorf(pre+key, "required field is missing")
		}
		return 0
	}
	var f float64
	if err := json.Unmarshal(raw, &f); err != nil || f != float64(int(f)) {
		p.errorf(pre+key, "must be a whole number, not %s", raw)
		return 0
	}
	if n := int(f); n < lo || n > hi {
		p.errorf(pre+key, "must be %d to %d, not %d", lo, hi, n)
		return 0
	}
	return int(f)
}

// subObject decodes raw as an object with only the known keys.
func subObject(raw json.RawMessage, field string, p *fileProblems, known ...string) (map[string]json.RawMessage, bool) {
	if isNull(raw) {
		return nil, false
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil {
		p.errorf(field, "must be an object")
		return nil, false
	}
	for _, k := range otherKeys(obj, known...) {
		p.errorf(field+"."+k, "unknown key %q", k)
	}
	return obj, true
}

func decodeWeapon(raw json.RawMessage, field string, p *fileProblems) *store.ItemWeapon {
	obj, ok := subObject(raw, field, p, "min", "max", "modifier")
	if !ok {
		return nil
	}
	pre := field + "."
	wp := &store.ItemWeapon{
		Min:      intField(obj, pre, "min", true, 0, 100, p),
		Max:      intField(obj, pre, "max", true, 0, 100, p),
		Modifier: intField(obj, pre, "modifier", false, -20, 20, p),
	}
	if wp.Max < wp.Min {
		p.errorf(pre+"max", "must be at least min (%d), not %d", wp.Min, wp.Max)
	}
	return wp
}

func decodeContainer(raw json.RawMessage, field string, p *fileProblems) *store.ItemContainer {
	obj, ok := subObject(raw, field, p, "capacity", "max_weight", "closable", "key")
	if !ok {
		return nil
	}
	pre := field + "."
	ct := &store.ItemContainer{
		Capacity:  intField(obj, pre, "capacity", true, 1, 20, p),
		MaxWeight: intField(obj, pre, "max_weight", true, 0, 100000, p),
		Key:       optString(obj, pre, "key", p),
	}
	if raw, ok := obj["closable"]; ok && json.Unmarshal(raw, &ct.Closable) != nil {
		p.errorf(pre+"closable", "must be true or false")
	}
	if ct.Key != "" && !ct.Closable {
		p.errorf(pre+"key", "only a closable container has a lock")
	}
	return ct
}

func decodeUse(raw json.RawMessage, field string, p *fileProblems) *store.ItemUse {
	obj, ok := subObject(raw, field, p, "verb", "lucidity", "dp", "text", "consumed")
	if !ok {
		return nil
	}
	pre := field + "."
	u := &store.ItemUse{
		Verb:     reqString(obj, pre, "verb", p),
		Lucidity: intField(obj, pre, "lucidity", false, -20, 20, p),
		DP:       intField(obj, pre, "dp", false, -20, 20, p),
		Text:     optString(obj, pre, "text", p),
	}
	if u.Verb != "" && !slices.Contains(useVerbs, u.Verb) {
		p.errorf(pre+"verb", "unknown verb %q; one of use, drink, eat, read", u.Verb)
	}
	if raw, ok := obj["consumed"]; ok {
		var b bool
		if json.Unmarshal(raw, &b) != nil {
			p.errorf(pre+"consumed", "must be true or false")
		} else {
			u.Consumed = &b
		}
	}
	return u
}
