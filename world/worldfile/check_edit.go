package worldfile

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"mythosd/store"
)

// The Check functions validate one entry of a world changed in the game
// (building commands) with the very checks Load runs on the files, so
// that what a builder makes always exports to a world Load accepts.
// Their errors name the field at fault without a file: "weight: must be
// 0 to 10000, not -4".

// CheckItemProto checks one prototype, given as its JSON, as Load checks an
// entry of items/*.json; isKey reports whether some prototype has a key_id
// (for container.key). It returns the prototype as Load would keep it.
func CheckItemProto(raw []byte, isKey func(string) bool) (store.ItemProto, error) {
	p := &fileProblems{}
	pr, ok := decodeProto(raw, "", p)
	if ok && pr.Container != nil && pr.Container.Key != "" && !isKey(pr.Container.Key) && pr.KeyID != pr.Container.Key {
		p.errorf(".container.key", "no key prototype has key_id %q", pr.Container.Key)
	}
	return pr, editErr(p, ok)
}

// CheckNPCDef checks one NPC definition, given as its JSON, as Load checks
// an entry of npcs/*.json; isProto reports whether an item prototype exists
// (for loot and stock). It returns the definition as Load would keep it.
func CheckNPCDef(raw []byte, isProto func(string) bool) (store.NPCDef, error) {
	p := &fileProblems{}
	d, ok := decodeNPC(raw, "", p)
	if ok {
		for i, lt := range d.Loot {
			if lt.Proto != "" && !isProto(lt.Proto) {
				p.errorf(fmt.Sprintf(".loot[%d].proto", i), "unknown item prototype %q", lt.Proto)
			}
		}
		if d.Shop != nil {
			for i, st := range d.Shop.Stock {
				if st.Proto != "" && !isProto(st.Proto) {
					p.errorf(fmt.Sprintf(".shop.stock[%d].proto", i), "unknown item prototype %q", st.Proto)
				}
			}
		}
	}
	return d, editErr(p, ok)
}

// CheckPlacements checks a room's "items" as Load checks them; proto finds
// an item prototype by id.
func CheckPlacements(list []store.Placement, proto func(string) (store.ItemProto, bool)) error {
	l := &loader{report: &Report{}, protos: map[string]*protoEntry{}}
	var add func([]store.Placement)
	add = func(ps []store.Placement) {
		for _, pl := range ps {
			if pr, ok := proto(pl.Proto); ok {
				l.protos[pl.Proto] = &protoEntry{proto: pr}
			}
			add(pl.Contents)
		}
	}
	add(list)
	p := &fileProblems{}
	for i, pl := range list {
		raw, err := json.Marshal(pl)
		if err != nil {
			return fmt.Errorf("encode placement: %w", err)
		}
		l.checkPlacement(raw, fmt.Sprintf("items[%d]", i), true, p)
	}
	return editErr(p, true)
}

// RoomSpawn is one entry of a room file's "spawns", as the file holds it:
// Max, Chance and Time are left out when they are the defaults.
type RoomSpawn struct {
	NPC    string  `json:"npc"`
	Max    int     `json:"max,omitempty"`
	Chance float64 `json:"chance,omitempty"`
	Time   string  `json:"time,omitempty"`
}

// CheckRoomSpawns checks a room file's "spawns" as Load checks them and
// returns them as Load stores them (ids "room#index"); isNPC reports
// whether an NPC definition exists.
func CheckRoomSpawns(room string, list []RoomSpawn, isNPC func(string) bool) ([]store.NPCSpawn, error) {
	l := &loader{report: &Report{}, npcs: map[string]*npcEntry{}}
	for _, sp := range list {
		if isNPC(sp.NPC) {
			l.npcs[sp.NPC] = &npcEntry{}
		}
	}
	raw, err := json.Marshal(map[string][]RoomSpawn{"spawns": list})
	if err != nil {
		return nil, fmt.Errorf("encode spawns: %w", err)
	}
	out := l.spawnsOf("", room, string(raw), []string{room}, false)
	p := &fileProblems{list: l.report.Problems}
	return out, editErr(p, true)
}

// CheckSubZoneSpawns checks a sub-zone config's "spawns" (its entries as
// the file holds them) as Load checks them, for a sub-zone whose rooms are
// rooms (sorted), and returns them as Load stores them (ids
// "sub-zone#index").
func CheckSubZoneSpawns(subZone string, list []json.RawMessage, rooms []string, isNPC func(string) bool) ([]store.NPCSpawn, error) {
	l := &loader{report: &Report{}, npcs: map[string]*npcEntry{}}
	for _, raw := range list {
		var sp struct {
			NPC string `json:"npc"`
		}
		if json.Unmarshal(raw, &sp) == nil && isNPC(sp.NPC) {
			l.npcs[sp.NPC] = &npcEntry{}
		}
	}
	if list == nil {
		list = []json.RawMessage{}
	}
	raw, err := json.Marshal(map[string][]json.RawMessage{"spawns": list})
	if err != nil {
		return nil, fmt.Errorf("encode spawns: %w", err)
	}
	out := l.spawnsOf("", subZone, string(raw), rooms, true)
	return out, editErr(&fileProblems{list: l.report.Problems}, true)
}

// editErr returns nil when p holds no Error and the entry decoded (ok),
// else an error naming the first few problems.
func editErr(p *fileProblems, ok bool) error {
	var msgs []string
	for _, pr := range p.list {
		if pr.Severity != Error {
			continue
		}
		field := strings.TrimPrefix(pr.Field, ".")
		if field == "" {
			msgs = append(msgs, pr.Message)
		} else {
			msgs = append(msgs, field+": "+pr.Message)
		}
	}
	switch {
	case len(msgs) > maxErrorsShown:
		msgs = append(msgs[:maxErrorsShown], fmt.Sprintf("and %d more", len(msgs)-maxErrorsShown))
	case len(msgs) == 0 && !ok:
		msgs = append(msgs, "id: required field is missing")
	case len(msgs) == 0:
		return nil
	}
	return errors.New(strings.Join(msgs, "; "))
}
