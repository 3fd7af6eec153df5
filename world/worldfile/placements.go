package worldfile

import (
	"encoding/json"
	"fmt"
	"slices"

	"mythosd/store"
)

// checkPlacements checks every room's items against the prototypes, and
// every exit key against the keys, once all files are read.
func (l *loader) checkPlacements() {
	keys := map[string]bool{}
	for _, e := range l.protos {
		if e.proto.KeyID != "" {
			keys[e.proto.KeyID] = true
		}
	}
	for _, e := range l.protos {
		if c := e.proto.Container; c != nil && c.Key != "" && !keys[c.Key] {
			l.report.add(e.file, e.field+".container.key", Error, "no key prototype has key_id %q", c.Key)
		}
	}
	for _, r := range l.rooms {
		p := &fileProblems{file: r.SourceFile}
		for _, ex := range r.Exits {
			if ex.Key != "" && !keys[ex.Key] {
				p.errorf("exits."+ex.Direction+".key", "no key prototype has key_id %q", ex.Key)
			}
		}
		l.checkRoomItems(r, p)
		l.report.Problems = append(l.report.Problems, p.list...)
	}
}

// checkRoomItems checks the "items" of one room.
func (l *loader) checkRoomItems(r store.Room, p *fileProblems) {
	if r.Attributes == "" {
		return
	}
	var attrs map[string]json.RawMessage
	if json.Unmarshal([]byte(r.Attributes), &attrs) != nil || isNull(attrs["items"]) {
		return
	}
	var list []json.RawMessage
	if err := json.Unmarshal(attrs["items"], &list); err != nil {
		p.errorf("items", "must be a list of placements")
		return
	}
	for i, raw := range list {
		l.checkPlacement(raw, fmt.Sprintf("items[%d]", i), true, p)
	}
}

// checkPlacement checks one placement; top is false inside a container.
func (l *loader) checkPlacement(raw json.RawMessage, field string, top bool, p *fileProblems) *store.ItemProto {
	obj, ok := subObject(raw, field, p, "proto", "quantity", "state", "contents")
	if !ok {
		if isNull(raw) {
			p.errorf(field, "must be an object")
		}
		return nil
	}
	pre := field + "."
	id := reqString(obj, pre, "proto", p)
	intField(obj, pre, "quantity", false, 1, 20, p)
	state := optString(obj, pre, "state", p)
	e := l.protos[id]
	if id != "" && e == nil {
		p.errorf(pre+"proto", "unknown prototype %q", id)
		return nil
	}
	if e == nil {
		return nil
	}
	ct := e.proto.Container
	switch {
	case state != "" && ct == nil:
		p.errorf(pre+"state", "%q is no container", id)
	case state != "" && !slices.Contains(lockStates, state):
		p.errorf(pre+"state", "unknown state %q; one of open, closed, locked, sealed", state)
	case state != "" && state != "open" && !ct.Closable:
		p.errorf(pre+"state", "%q does not close", id)
	case state == "locked" && ct.Key == "":
		p.errorf(pre+"state", "%q has no container.key to lock it with", id)
	}
	l.checkContents(obj["contents"], pre+"contents", e, top, p)
	return &e.proto
}

// checkContents checks a container placement's contents.
func (l *loader) checkContents(raw json.RawMessage, field string, e *protoEntry, top bool, p *fileProblems) {
	if isNull(raw) {
		return
	}
	switch {
	case !top:
		p.errorf(field, "contents are one level deep: a placement inside a container has none")
		return
	case e.proto.Container == nil:
		p.errorf(field, "%q is no container", e.proto.ID)
		return
	}
	var list []json.RawMessage
	if err := json.Unmarshal(raw, &list); err != nil {
		p.errorf(field, "must be a list of placements")
		return
	}
	if n := len(list); n > e.proto.Container.Capacity {
		p.errorf(field, "%d placements, more than %q holds (%d)", n, e.proto.ID, e.proto.Container.Capacity)
	}
	for i, in := range list {
		l.checkPlacement(in, fmt.Sprintf("%s[%d]", field, i), false, p)
	}
}

// sortedProtos returns the prototypes in file order.
func (l *loader) sortedProtos() []store.ItemProto {
	var out []store.ItemProto
	for _, id := range l.protoOrder {
		out = append(out, l.protos[id].proto)
	}
	return out
}
