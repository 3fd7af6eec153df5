package worldfile

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"mythosd/store"
)

var (
	npcKinds     = []string{store.NPCPassive, store.NPCAggressive, store.NPCShopkeeper}
	npcLucidity  = []string{"none", "disturbing", "horrific", "cosmic"}
	npcKeys      = []string{"id", "name", "keywords", "room_text", "description", "kind", "lucidity", "dp", "dex", "str", "damage", "protection", "xp", "loot", "behaviour", "shop"}
	behaviorKeys = []string{"wander_seconds", "greet", "flee_below"}
)

// npcEntry is an NPC definition with the file it came from.
type npcEntry struct {
	def   store.NPCDef
	file  string
	field string
}

// addNPCFile reads one definition file of npcs/.
func (l *loader) addNPCFile(p string, data []byte) {
	l.readListFile(p, data, listFile{key: "npcs", kind: "an NPC file", what: "NPC definitions"},
		func(raw json.RawMessage, field string, fp *fileProblems) {
			def, ok := decodeNPC(raw, field, fp)
			if !ok {
				return
			}
			if first, dup := l.npcs[def.ID]; dup {
				fp.errorf(field+".id", "duplicate NPC id %q, also in %s", def.ID, first.file)
				return
			}
			l.npcs[def.ID] = &npcEntry{def: def, file: p, field: field}
			l.npcOrder = append(l.npcOrder, def.ID)
		})
}

// decodeNPC reads and checks one definition.
func decodeNPC(raw json.RawMessage, field string, p *fileProblems) (store.NPCDef, bool) {
	obj, ok := subObject(raw, field, p, npcKeys...)
	if !ok {
		if isNull(raw) {
			p.errorf(field, "must be an object")
		}
		return store.NPCDef{}, false
	}
	pre := field + "."
	d := store.NPCDef{
		ID:          reqString(obj, pre, "id", p),
		Name:        reqString(obj, pre, "name", p),
		RoomText:    reqString(obj, pre, "room_text", p),
		Description: reqString(obj, pre, "description", p),
		Kind:        reqString(obj, pre, "kind", p),
		Lucidity:    optString(obj, pre, "lucidity", p),
		Keywords:    stringList(obj, pre, "keywords", true, p),
		DP:          intField(obj, pre, "dp", true, 1, 10000, p),
		DEX:         intField(obj, pre, "dex", true, 1, 200, p),
		STR:         intField(obj, pre, "str", true, 1, 200, p),
		Protection:  intField(obj, pre, "protection", false, 0, 20, p),
		XP:          intField(obj, pre, "xp", false, 0, 100000, p),
	}
	if d.ID == "" {
		return d, false
	}
	checkNPC(&d, obj, pre, p)
	return d, true
}

// checkNPC checks the names and the nested objects of a definition.
func checkNPC(d *store.NPCDef, obj map[string]json.RawMessage, pre string, p *fileProblems) {
	if !idPattern.MatchString(d.ID) {
		p.errorf(pre+"id", "%q: lowercase letters, digits and _ only", d.ID)
	}
	if d.Kind != "" && !slices.Contains(npcKinds, d.Kind) {
		p.errorf(pre+"kind", "unknown kind %q; one of %s", d.Kind, strings.Join(npcKinds, ", "))
	}
	if !slices.Contains(npcLucidity, d.Lucidity) && d.Lucidity != "" {
		p.errorf(pre+"lucidity", "unknown category %q; one of %s", d.Lucidity, strings.Join(npcLucidity, ", "))
	}
	if d.Lucidity == "none" {
		d.Lucidity = ""
	}
	checkKeywords(pre+"keywords", d.Keywords, p)
	d.Damage = decodeDamage(obj["damage"], pre+"damage", p)
	d.Loot = decodeLoot(obj["loot"], pre+"loot", p)
	d.Behaviour = decodeBehaviour(obj["behaviour"], pre+"behaviour", p)
	d.Shop = decodeShop(obj["shop"], pre+"shop", p)
	if d.Kind == store.NPCShopkeeper && d.Shop == nil {
		p.errorf(pre+"shop", "a shopkeeper needs shop {stock}")
	}
	if d.Kind != store.NPCShopkeeper && d.Shop != nil {
		p.errorf(pre+"shop", "only a shopkeeper keeps a shop")
	}
}

// checkKeywords reports keywords that are not single lowercase words.
func checkKeywords(field string, words []string, p *fileProblems) {
	for _, k := range words {
		if k == "" || k != strings.ToLower(k) || strings.ContainsAny(k, " \t.") {
			p.errorf(field, "%q: keywords are single lowercase words", k)
		}
	}
}

func decodeDamage(raw json.RawMessage, field string, p *fileProblems) store.NPCDamage {
	obj, ok := subObject(raw, field, p, "min", "max")
	if !ok {
		if isNull(raw) {
			p.errorf(field, "required field is missing: damage {min, max}")
		}
		return store.NPCDamage{}
	}
	pre := field + "."
	dmg := store.NPCDamage{Min: intField(obj, pre, "min", true, 0, 100, p), Max: intField(obj, pre, "max", true, 0, 100, p)}
	if dmg.Max < dmg.Min {
		p.errorf(pre+"max", "must be at least min (%d), not %d", dmg.Min, dmg.Max)
	}
	return dmg
}

func decodeLoot(raw json.RawMessage, field string, p *fileProblems) []store.NPCLoot {
	var out []store.NPCLoot
	for i, obj := range objectList(raw, field, p, "proto", "chance", "quantity") {
		pre := fmt.Sprintf("%s[%d].", field, i)
		l := store.NPCLoot{Proto: reqString(obj, pre, "proto", p), Chance: 1, Quantity: 1}
		if c, ok := optNumber(obj["chance"], pre+"chance", p); ok {
			if c <= 0 || c > 1 {
				p.errorf(pre+"chance", "must be more than 0 and at most 1, not %v", c)
			}
			l.Chance = c
		}
		if _, ok := obj["quantity"]; ok {
			l.Quantity = intField(obj, pre, "quantity", true, 1, 20, p)
		}
		out = append(out, l)
	}
	return out
}

func decodeBehaviour(raw json.RawMessage, field string, p *fileProblems) store.NPCBehaviour {
	obj, ok := subObject(raw, field, p, behaviorKeys...)
	if !ok {
		return store.NPCBehaviour{}
	}
	pre := field + "."
	b := store.NPCBehaviour{
		WanderSeconds: intField(obj, pre, "wander_seconds", false, 0, 86400, p),
		Greet:         optString(obj, pre, "greet", p),
	}
	if f, ok := optNumber(obj["flee_below"], pre+"flee_below", p); ok {
		if f < 0 || f >= 1 {
			p.errorf(pre+"flee_below", "a share of DP: at least 0 and below 1, not %v", f)
		}
		b.FleeBelow = f
	}
	return b
}

func decodeShop(raw json.RawMessage, field string, p *fileProblems) *store.NPCShop {
	obj, ok := subObject(raw, field, p, "stock")
	if !ok {
		return nil
	}
	shop := &store.NPCShop{}
	for i, o := range objectList(obj["stock"], field+".stock", p, "proto", "quantity") {
		pre := fmt.Sprintf("%s.stock[%d].", field, i)
		shop.Stock = append(shop.Stock, store.NPCStock{
			Proto:    reqString(o, pre, "proto", p),
			Quantity: intField(o, pre, "quantity", true, 1, 1000, p),
		})
	}
	if len(shop.Stock) == 0 {
		p.errorf(field+".stock", "a shop needs at least one line of stock")
	}
	return shop
}

// objectList decodes raw as a list of objects with only the known keys;
// the faulty ones are reported and left out.
func objectList(raw json.RawMessage, field string, p *fileProblems, known ...string) []map[string]json.RawMessage {
	if isNull(raw) {
		return nil
	}
	var list []json.RawMessage
	if err := json.Unmarshal(raw, &list); err != nil {
		p.errorf(field, "must be a list of objects")
		return nil
	}
	var out []map[string]json.RawMessage
	for i, r := range list {
		f := fmt.Sprintf("%s[%d]", field, i)
		obj, ok := subObject(r, f, p, known...)
		if !ok {
			if isNull(r) {
				p.errorf(f, "must be an object")
			}
			continue
		}
		out = append(out, obj)
	}
	return out
}

// checkNPCItems checks that loot and stock name item prototypes.
func (l *loader) checkNPCItems() {
	for _, id := range l.npcOrder {
		e := l.npcs[id]
		for i, lt := range e.def.Loot {
			if lt.Proto != "" && l.protos[lt.Proto] == nil {
				l.report.add(e.file, fmt.Sprintf("%s.loot[%d].proto", e.field, i), Error, "unknown item prototype %q", lt.Proto)
			}
		}
		if e.def.Shop == nil {
			continue
		}
		for i, st := range e.def.Shop.Stock {
			if st.Proto != "" && l.protos[st.Proto] == nil {
				l.report.add(e.file, fmt.Sprintf("%s.shop.stock[%d].proto", e.field, i), Error, "unknown item prototype %q", st.Proto)
			}
		}
	}
}

// sortedNPCs returns the definitions by id.
func (l *loader) sortedNPCs() []store.NPCDef {
	ids := slices.Clone(l.npcOrder)
	slices.Sort(ids)
	var out []store.NPCDef
	for _, id := range ids {
		out = append(out, l.npcs[id].def)
	}
	return out
}
