package world

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A builder edits a prototype or an NPC definition one field at a time:
// the entry becomes a JSON object, the field is set in it, and the result
// goes through the world loader's own checks (worldfile.CheckItemProto,
// CheckNPCDef), so what the game holds always exports to a valid world.

// fieldKind says how a builder's value for a field is read.
type fieldKind uint8

const (
	textValue   fieldKind = iota // the rest of the line, as typed
	wordValue                    // one word
	wordsValue                   // words, as a list
	intValue                     // a whole number
	numberValue                  // a decimal number
	boolValue                    // yes or no
	listValue                    // entries separated by commas (loot, shop)
)

// editField is a field a builder may set: its path in the entry's JSON
// ("weapon.min") and how its value is read.
type editField struct {
	path string
	kind fieldKind
}

// entryFields is the editable fields of one kind of entry, and the
// objects a sub-field starts from when the entry has none yet.
type entryFields struct {
	fields   []editField
	parents  map[string]string                                  // path -> JSON of a new object
	readList func(field, value string) (json.RawMessage, error) // listValue fields
}

// find returns the field called name.
func (ef *entryFields) find(name string) (editField, bool) {
	for _, f := range ef.fields {
		if f.path == name {
			return f, true
		}
	}
	return editField{}, false
}

// names lists the field names, for refusals and help.
func (ef *entryFields) names() string {
	var b strings.Builder
	for i, f := range ef.fields {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(f.path)
	}
	return b.String()
}

// isParent reports whether name is an object that sub-fields fill.
func (ef *entryFields) isParent(name string) bool { _, ok := ef.parents[name]; return ok }

// setField returns entry (JSON) with field name set to value, or removed
// when value is "none" (and for an object, "weapon none").
func (ef *entryFields) setField(entry []byte, name, value string) ([]byte, error) {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(entry, &obj); err != nil {
		return nil, err
	}
	if ef.isParent(name) {
		if value != "none" {
			return nil, errors.New(name + " is set field by field (" + name + ".<field> <value>), or removed with " + name + " none")
		}
		delete(obj, name)
		return json.Marshal(obj)
	}
	f, ok := ef.find(name)
	if !ok {
		return nil, errors.New("no field " + strconv.Quote(name) + "; the fields are " + ef.names())
	}
	var raw json.RawMessage
	if f.kind == wordsValue && len(strings.Fields(value)) == 0 {
		value = "none" // no words: no list, as the loader keeps it
	}
	if value != "none" {
		var err error
		if raw, err = ef.readValue(f, value); err != nil {
			return nil, err
		}
	}
	if err := ef.put(obj, f.path, raw); err != nil {
		return nil, err
	}
	return json.Marshal(obj)
}

// put sets path in obj to raw (nil removes it), making its parent object
// from the defaults when missing.
func (ef *entryFields) put(obj map[string]json.RawMessage, path string, raw json.RawMessage) error {
	parent, child, nested := strings.Cut(path, ".")
	if !nested {
		if raw == nil {
			delete(obj, path)
		} else {
			obj[path] = raw
		}
		return nil
	}
	sub := map[string]json.RawMessage{}
	from := obj[parent]
	if len(from) == 0 || bytes.Equal(from, []byte("null")) {
		from = json.RawMessage(ef.parents[parent])
	}
	if err := json.Unmarshal(from, &sub); err != nil {
		return err
	}
	if err := ef.put(sub, child, raw); err != nil {
		return err
	}
	b, err := json.Marshal(sub)
	obj[parent] = b
	return err
}

// readValue reads a typed value as JSON.
func (ef *entryFields) readValue(f editField, value string) (json.RawMessage, error) {
	if err := checkText(value); err != nil {
		return nil, err
	}
	switch f.kind {
	case wordValue:
		if strings.ContainsFunc(value, unicode.IsSpace) {
			return nil, errors.New(f.path + " is one word")
		}
		return json.Marshal(value)
	case wordsValue:
		return json.Marshal(strings.Fields(value))
	case intValue:
		n, err := strconv.ParseInt(value, 10, 64)
		if err != nil || n > 1<<50 || n < -(1<<50) {
			return nil, errors.New(f.path + " must be a whole number, not " + strconv.Quote(value))
		}
		return json.Marshal(n)
	case numberValue:
		x, err := strconv.ParseFloat(value, 64)
		if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
			return nil, errors.New(f.path + " must be a number, not " + strconv.Quote(value))
		}
		return json.Marshal(x)
	case boolValue:
		switch strings.ToLower(value) {
		case "yes", "true", "on":
			return json.Marshal(true)
		case "no", "false", "off":
			return json.Marshal(false)
		}
		return nil, errors.New(f.path + " is yes or no")
	case listValue:
		return ef.readList(f.path, value)
	}
	return json.Marshal(value)
}

// checkText refuses what no world file should hold: invalid UTF-8 and
// control characters.
func checkText(s string) error {
	if !utf8.ValidString(s) {
		return errors.New("that is not valid UTF-8 text")
	}
	if strings.ContainsFunc(s, unicode.IsControl) {
		return errors.New("control characters are not allowed")
	}
	return nil
}

// showEntry lists an entry's fields as "  key: value", in the order of the
// world format; strings as they are, anything else as compact JSON.
func showEntry(entry []byte) string {
	dec := json.NewDecoder(bytes.NewReader(entry))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return ""
	}
	var b strings.Builder
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			break
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			break
		}
		key, _ := t.(string)
		b.WriteString("  " + key + ": " + showValue(raw) + "\n")
	}
	return b.String()
}

// showValue is a string as it is, a list of strings as words, anything
// else as JSON.
func showValue(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var words []string
	if json.Unmarshal(raw, &words) == nil {
		return strings.Join(words, " ")
	}
	return string(raw)
}

// splitEdit splits "<id> <field> <value>" into its parts.
func splitEdit(args string) (id, field, value string) {
	id, rest, _ := strings.Cut(strings.TrimSpace(args), " ")
	field, value, _ = strings.Cut(strings.TrimSpace(rest), " ")
	return strings.ToLower(id), strings.ToLower(field), strings.TrimSpace(value)
}
