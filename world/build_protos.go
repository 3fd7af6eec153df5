package world

import (
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strings"

	"mythosd/store"
	"mythosd/world/worldfile"
)

// protoFields returns the prototype fields oedit sets (docs/WORLD-ITEMS.md).
func protoFields() *entryFields {
	return &entryFields{
		fields: []editField{
			{"name", textValue}, {"plural", textValue}, {"keywords", wordsValue}, {"room_text", textValue},
			{"description", textValue}, {"type", wordValue}, {"weight", intValue}, {"value", intValue},
			{"slots", wordsValue}, {"flags", wordsValue}, {"protection", intValue}, {"key_id", wordValue},
			{"weapon.min", intValue}, {"weapon.max", intValue}, {"weapon.modifier", intValue},
			{"use.verb", wordValue}, {"use.lucidity", intValue}, {"use.dp", intValue}, {"use.text", textValue},
			{"use.consumed", boolValue},
			{"container.capacity", intValue}, {"container.max_weight", intValue}, {"container.closable", boolValue},
			{"container.key", wordValue},
		},
		parents: map[string]string{
			"weapon": `{"min":0,"max":0}`, "use": `{"verb":"use"}`, "container": `{"capacity":1,"max_weight":0}`,
		},
	}
}

// protoCommands are the prototype commands, which only builders see.
func protoCommands() []*command {
	return []*command{
		{name: "ocreate", summary: "make a new item prototype", run: (*World).cmdOCreate, exact: true,
			topic: "oedit", needs: store.RoleBuilder, edits: true},
		{name: "oedit", summary: "show or change an item prototype", run: (*World).cmdOEdit, exact: true,
			needs: store.RoleBuilder, edits: true},
	}
}

// cmdOCreate is "ocreate <id> <name>".
func (w *World) cmdOCreate(c *Character, args string) {
	id, name, _ := strings.Cut(strings.TrimSpace(args), " ")
	name = strings.TrimSpace(name)
	if id == "" || name == "" {
		c.send("Make a prototype with: ocreate <id> <name>, as in: ocreate lamp_brass a brass lamp\n")
		return
	}
	if _, taken := w.protos[id]; taken {
		c.send("There is already a prototype " + id + ". Change it with oedit " + id + ".\n")
		return
	}
	if err := checkText(name); err != nil {
		c.send("The name will not do: " + err.Error() + ".\n")
		return
	}
	p := store.ItemProto{ID: id, Name: name, Keywords: idWords(id), Type: "junk",
		Description: capitalize(name) + ", not yet described."}
	checked, err := w.checkProto(p)
	if err != nil {
		c.send("That prototype will not do: " + err.Error() + ".\n")
		return
	}
	w.setProto(id, &checked)
	w.recordEdit(c, "ocreate "+id, w.undoProto(id, nil, checked))
	c.send("Prototype " + id + " made: " + name + ". Set its fields with oedit " + id + " <field> <value>.\n")
}

// cmdOEdit is "oedit", "oedit <proto>" or "oedit <proto> <field> <value>".
func (w *World) cmdOEdit(c *Character, args string) {
	id, field, value := splitEdit(args)
	if id == "" {
		c.send(w.protoList())
		return
	}
	p := w.protos[id]
	switch {
	case p == nil:
		c.send("There is no prototype " + id + ". Type oedit for the list.\n")
		return
	case id == corpseProtoID:
		c.send("Corpses are the game's own; their prototype cannot be edited.\n")
		return
	case field == "":
		c.send(showProto(p.ItemProto))
		return
	case value == "":
		c.send("Give a value: oedit " + id + " " + field + " <value> (none takes an optional field away).\n")
		return
	}
	before := p.ItemProto
	after, err := w.editedProto(before, field, value)
	if err != nil {
		c.send("That will not do: " + err.Error() + ".\n")
		return
	}
	if reflect.DeepEqual(before, after) {
		c.send("Prototype " + id + " already has that " + field + ".\n")
		return
	}
	w.setProto(id, &after)
	w.recordEdit(c, "oedit "+id+" "+field, w.undoProto(id, &before, after))
	c.send("Prototype " + id + ": " + field + " set. Items made from it show the change at once.\n")
}

// editedProto is p with field set to value, checked as the loader checks.
func (w *World) editedProto(p store.ItemProto, field, value string) (store.ItemProto, error) {
	raw, err := json.Marshal(p)
	if err != nil {
		return p, err
	}
	if raw, err = protoFields().setField(raw, field, value); err != nil {
		return p, err
	}
	next, err := w.checkProtoRaw(p.ID, raw)
	if err != nil {
		return p, err
	}
	if p.Container != nil && next.Container == nil && w.protoInstances(p.ID) > 0 {
		return p, errors.New("items made from it are in the world, and a container stays a container while they are")
	}
	if p.KeyID != "" && next.KeyID != p.KeyID && w.soleKey(p) {
		return p, errors.New("it is the only key with key_id " + p.KeyID + ", which locks may name; make another key prototype instead")
	}
	return next, w.checkPlacedProto(next)
}

// soleKey reports whether no prototype but p has p's key_id.
func (w *World) soleKey(p store.ItemProto) bool {
	for id, o := range w.protos {
		if id != p.ID && o.KeyID == p.KeyID {
			return false
		}
	}
	return true
}

// checkPlacedProto checks the placements of the loaded rooms that place p
// against p as it would become (a lock state it no longer has, contents
// beyond its capacity). Rooms not loaded are checked by check-world.
func (w *World) checkPlacedProto(p store.ItemProto) error {
	for room, f := range w.floors {
		if !slices.ContainsFunc(f.placements, func(pl store.Placement) bool { return placesProto(pl, p.ID) }) {
			continue
		}
		if err := w.checkPlacementsWith(f.placements, &p); err != nil {
			return errors.New("room " + room + " places it, and its placements would not do: " + err.Error())
		}
	}
	return nil
}

// checkProto runs the world loader's checks on p among the other
// prototypes.
func (w *World) checkProto(p store.ItemProto) (store.ItemProto, error) {
	raw, err := json.Marshal(p)
	if err != nil {
		return p, err
	}
	return w.checkProtoRaw(p.ID, raw)
}

// checkProtoRaw runs the world loader's checks on prototype id's JSON, as
// the builder's change left it (so that a field taken away is missing),
// and returns it as the loader keeps it.
func (w *World) checkProtoRaw(self string, raw []byte) (store.ItemProto, error) {
	return worldfile.CheckItemProto(raw, func(key string) bool {
		for id, o := range w.protos {
			if id != self && o.KeyID == key {
				return true
			}
		}
		return false
	})
}

// setProto puts prototype id (nil: removes it) into the world and the
// next batch. An edited prototype changes in place: every item made from
// it shows the new name, description, weight and the rest at once; what
// is its own (where it is, a container's state and contents) stays.
func (w *World) setProto(id string, p *store.ItemProto) {
	switch cur := w.protos[id]; {
	case p == nil:
		delete(w.protos, id)
	case cur != nil:
		made := cur.made
		*cur = *newProto(*p)
		cur.made = made
	default:
		w.protos[id] = newProto(*p)
	}
	w.storeProto(id, p)
}

// undoProto takes prototype id back to before (nil: it did not exist),
// unless it has changed since it became after.
func (w *World) undoProto(id string, before *store.ItemProto, after store.ItemProto) func() error {
	return func() error {
		cur := w.protos[id]
		if cur == nil || !reflect.DeepEqual(cur.ItemProto, after) {
			return errors.New("prototype " + id + " has changed since")
		}
		if before == nil {
			if why := w.protoUse(id); why != "" {
				return errors.New(why)
			}
			if after.KeyID != "" && w.soleKey(after) {
				return errors.New("it is the only key with key_id " + after.KeyID + ", which locks may name")
			}
		}
		w.setProto(id, before)
		return nil
	}
}

// protoUse says what in the world uses prototype id, "" for nothing.
func (w *World) protoUse(id string) string {
	if w.protoInstances(id) > 0 {
		return "items made from " + id + " are in the world"
	}
	if p := w.protos[id]; p != nil && p.made {
		return "items have been made from " + id + ", and some may lie where no one is looking"
	}
	for room, f := range w.floors {
		if slices.ContainsFunc(f.placements, func(pl store.Placement) bool { return placesProto(pl, id) }) {
			return "room " + room + " places " + id
		}
	}
	for _, d := range w.npcDefs {
		if slices.ContainsFunc(d.Loot, func(l store.NPCLoot) bool { return l.Proto == id }) ||
			d.Shop != nil && slices.ContainsFunc(d.Shop.Stock, func(s store.NPCStock) bool { return s.Proto == id }) {
			return "NPC " + d.ID + " names " + id + " in its loot or stock"
		}
	}
	return ""
}

// placesProto reports whether pl or its contents place prototype id.
func placesProto(pl store.Placement, id string) bool {
	return pl.Proto == id || slices.ContainsFunc(pl.Contents, func(in store.Placement) bool { return in.Proto == id })
}

// protoInstances counts the items in memory made from prototype id.
func (w *World) protoInstances(id string) int {
	n := 0
	for _, it := range w.items {
		if it.proto.ID == id {
			n++
		}
	}
	return n
}

// protoList lists the prototypes by id.
func (w *World) protoList() string {
	ids := make([]string, 0, len(w.protos))
	for id := range w.protos {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	var b strings.Builder
	b.WriteString("Item prototypes (oedit <id> shows one):\n")
	for _, id := range ids {
		b.WriteString("  " + id + ": " + w.protos[id].Name + "\n")
	}
	return b.String()
}

// showProto lists a prototype's fields.
func showProto(p store.ItemProto) string {
	raw, err := json.Marshal(p)
	if err != nil {
		return "That prototype cannot be shown.\n"
	}
	return "Prototype " + p.ID + ":\n" + showEntry(raw)
}

// idWords are the words of an id, as a new entry's keywords: lamp_brass
// gives lamp and brass.
func idWords(id string) []string {
	var out []string
	for _, w := range strings.Split(id, "_") {
		if w != "" && !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	if len(out) == 0 {
		out = []string{id}
	}
	return out
}
