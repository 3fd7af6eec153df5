package store

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// SetAttribute returns attrs (a JSON object, or "" for none) with key set
// to value, or removed when value is nil or empty, in the form the world
// loader keeps: compact, keys sorted, "" when no key is left.
func SetAttribute(attrs, key string, value json.RawMessage) (string, error) {
	obj := map[string]json.RawMessage{}
	if attrs != "" {
		if err := json.Unmarshal([]byte(attrs), &obj); err != nil {
			return "", fmt.Errorf("decode attributes: %w", err)
		}
	}
	if len(value) == 0 {
		delete(obj, key)
	} else {
		obj[key] = value
	}
	if len(obj) == 0 {
		return "", nil
	}
	b, err := json.Marshal(obj)
	if err != nil {
		return "", fmt.Errorf("encode attributes: %w", err)
	}
	return string(b), nil
}

// Attribute returns the value of key in attrs (a JSON object, or "" for
// none), or nil when it has no such key.
func Attribute(attrs, key string) (json.RawMessage, error) {
	if attrs == "" {
		return nil, nil
	}
	obj := map[string]json.RawMessage{}
	if err := json.Unmarshal([]byte(attrs), &obj); err != nil {
		return nil, fmt.Errorf("decode attributes: %w", err)
	}
	return obj[key], nil
}

// SetConfigKey returns a zone config (its JSON as kept, or "" for none)
// with key set to value, or removed when value is nil or empty, keeping
// the other keys in the order the file has them (a new key goes last):
// compact, "" when no key is left.
func SetConfigKey(config, key string, value json.RawMessage) (string, error) {
	var members []member
	if config != "" {
		var err error
		if members, err = orderedMembers([]byte(config)); err != nil {
			return "", fmt.Errorf("decode config: %w", err)
		}
	}
	found := false
	kept := members[:0]
	for _, m := range members {
		if m.key == key {
			found = true
			if len(value) == 0 {
				continue
			}
			m.value = value
		}
		kept = append(kept, m)
	}
	if !found && len(value) > 0 {
		kept = append(kept, member{key, value})
	}
	if len(kept) == 0 {
		return "", nil
	}
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, m := range kept {
		if i > 0 {
			buf.WriteByte(',')
		}
		k, err := json.Marshal(m.key)
		if err != nil {
			return "", err
		}
		buf.Write(k)
		buf.WriteByte(':')
		buf.Write(m.value)
	}
	buf.WriteByte('}')
	var out bytes.Buffer
	if err := json.Compact(&out, buf.Bytes()); err != nil {
		return "", fmt.Errorf("encode config: %w", err)
	}
	return out.String(), nil
}

// member is one key of a JSON object, in the order it was written.
type member struct {
	key   string
	value json.RawMessage
}

// orderedMembers reads a JSON object's keys and values in order.
func orderedMembers(data []byte) ([]member, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, fmt.Errorf("not a JSON object")
	}
	var out []member
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, err
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, err
		}
		key, _ := t.(string)
		out = append(out, member{key, raw})
	}
	return out, nil
}
