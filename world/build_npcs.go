package world

import (
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"mythosd/store"
	"mythosd/world/worldfile"
)

// npcFields returns the NPC definition fields medit sets (docs/WORLD-NPCS.md).
func npcFields() *entryFields {
	return &entryFields{
		fields: []editField{
			{"name", textValue}, {"keywords", wordsValue}, {"room_text", textValue}, {"description", textValue},
			{"kind", wordValue}, {"lucidity", wordValue}, {"dp", intValue}, {"dex", intValue}, {"str", intValue},
			{"damage.min", intValue}, {"damage.max", intValue}, {"protection", intValue}, {"xp", intValue},
			{"behaviour.wander_seconds", intValue}, {"behaviour.greet", textValue}, {"behaviour.flee_below", numberValue},
			{"loot", listValue}, {"shop", listValue},
		},
		parents:  map[string]string{"damage": `{"min":0,"max":0}`, "behaviour": `{}`},
		readList: readNPCList,
	}
}

// npcCommands are the NPC definition commands, which only builders see.
func npcCommands() []*command {
	return []*command{
		{name: "mcreate", summary: "make a new NPC definition", run: (*World).cmdMCreate, exact: true,
			topic: "medit", needs: store.RoleBuilder, edits: true},
		{name: "medit", summary: "show or change an NPC definition", run: (*World).cmdMEdit, exact: true,
			needs: store.RoleBuilder, edits: true},
	}
}

// cmdMCreate is "mcreate <id> <name>".
func (w *World) cmdMCreate(c *Character, args string) {
	id, name, _ := strings.Cut(strings.TrimSpace(args), " ")
	name = strings.TrimSpace(name)
	if id == "" || name == "" {
		c.send("Make an NPC with: mcreate <id> <name>, as in: mcreate ghoul_old an old ghoul\n")
		return
	}
	if _, taken := w.npcDefs[id]; taken {
		c.send("There is already an NPC " + id + ". Change it with medit " + id + ".\n")
		return
	}
	if err := checkText(name); err != nil {
		c.send("The name will not do: " + err.Error() + ".\n")
		return
	}
	d := store.NPCDef{ID: id, Name: name, Keywords: idWords(id), RoomText: capitalize(name) + " is here.",
		Description: capitalize(name) + ", not yet described.", Kind: store.NPCPassive,
		DP: 10, DEX: 30, STR: 30, Damage: store.NPCDamage{Min: 1, Max: 2}}
	checked, err := w.checkNPCDef(d)
	if err != nil {
		c.send("That NPC will not do: " + err.Error() + ".\n")
		return
	}
	w.setNPCDef(id, &checked)
	w.recordEdit(c, "mcreate "+id, w.undoNPCDef(id, nil, checked))
	c.send("NPC " + id + " made: " + name + ". Set its fields with medit " + id + " <field> <value>.\n")
}

// cmdMEdit is "medit", "medit <npc>" or "medit <npc> <field> <value>".
func (w *World) cmdMEdit(c *Character, args string) {
	id, field, value := splitEdit(args)
	if id == "" {
		c.send(w.npcDefList())
		return
	}
	d := w.npcDefs[id]
	switch {
	case d == nil:
		c.send("There is no NPC " + id + ". Type medit for the list.\n")
		return
	case field == "":
		c.send(showNPCDef(d.NPCDef))
		return
	case value == "":
		c.send("Give a value: medit " + id + " " + field + " <value> (none takes an optional field away).\n")
		return
	}
	before := d.NPCDef
	after, err := w.editedNPCDef(before, field, value)
	if err != nil {
		c.send("That will not do: " + err.Error() + ".\n")
		return
	}
	if reflect.DeepEqual(before, after) {
		c.send("NPC " + id + " already has that " + field + ".\n")
		return
	}
	w.setNPCDef(id, &after)
	w.recordEdit(c, "medit "+id+" "+field, w.undoNPCDef(id, &before, after))
	c.send("NPC " + id + ": " + field + " set. NPCs that appear from now on have it; those about now take its name and descriptions.\n")
}

// editedNPCDef is d with field set to value, checked as the loader checks.
// A shop makes a shopkeeper, and a kind other than shopkeeper drops the
// shop: the loader allows no other pairing.
func (w *World) editedNPCDef(d store.NPCDef, field, value string) (store.NPCDef, error) {
	raw, err := json.Marshal(d)
	if err != nil {
		return d, err
	}
	if raw, err = npcFields().setField(raw, field, value); err != nil {
		return d, err
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil {
		return d, err
	}
	var kind string
	json.Unmarshal(obj["kind"], &kind) //nolint:errcheck // not a string: the check below says so
	switch {
	case field == "shop" && obj["shop"] != nil:
		obj["kind"] = json.RawMessage(`"` + store.NPCShopkeeper + `"`)
	case field == "kind" && kind != store.NPCShopkeeper:
		delete(obj, "shop")
	}
	if raw, err = json.Marshal(obj); err != nil {
		return d, err
	}
	return w.checkNPCRaw(raw)
}

// checkNPCDef runs the world loader's checks on d.
func (w *World) checkNPCDef(d store.NPCDef) (store.NPCDef, error) {
	raw, err := json.Marshal(d)
	if err != nil {
		return d, err
	}
	return w.checkNPCRaw(raw)
}

// checkNPCRaw runs the world loader's checks on a definition's JSON, as
// the builder's change left it (so that a field taken away is missing,
// and the loader's defaults apply), and returns it as the loader keeps it.
func (w *World) checkNPCRaw(raw []byte) (store.NPCDef, error) {
	return worldfile.CheckNPCDef(raw, func(id string) bool { _, ok := w.protos[id]; return ok })
}

// readNPCList reads loot ("proto [chance] [quantity], ...") or a shop's
// stock ("proto quantity, ...") as JSON.
func readNPCList(field, value string) (json.RawMessage, error) {
	var entries []map[string]any
	for _, part := range strings.Split(value, ",") {
		words := strings.Fields(part)
		if len(words) == 0 {
			continue
		}
		e := map[string]any{"proto": strings.ToLower(words[0])}
		nums, err := parseNumbers(field, words[1:])
		if err != nil {
			return nil, err
		}
		switch {
		case field == "shop" && len(nums) == 1:
			e["quantity"] = nums[0]
		case field == "shop":
			return nil, errors.New("each line of stock is: <prototype> <quantity>")
		case len(nums) > 2:
			return nil, errors.New("each line of loot is: <prototype> [chance] [quantity]")
		default:
			for i, key := range []string{"chance", "quantity"}[:len(nums)] {
				e[key] = nums[i]
			}
		}
		entries = append(entries, e)
	}
	if len(entries) == 0 {
		return nil, errors.New(field + " needs at least one entry, or none")
	}
	if field == "shop" {
		return json.Marshal(map[string]any{"stock": entries})
	}
	return json.Marshal(entries)
}

// parseNumbers reads words as numbers.
func parseNumbers(field string, words []string) ([]float64, error) {
	out := make([]float64, len(words))
	for i, s := range words {
		x, err := strconv.ParseFloat(s, 64)
		if err != nil || x != x || x > 1e9 || x < -1e9 {
			return nil, errors.New(field + ": " + strconv.Quote(s) + " is not a number")
		}
		out[i] = x
	}
	return out, nil
}

// setNPCDef puts definition id (nil: removes it) into the world and the
// next batch. NPCs appear from the new definition from now on (spawns
// follow it); those about now keep their numbers but take its name,
// keywords and texts.
func (w *World) setNPCDef(id string, d *store.NPCDef) {
	old := w.npcDefs[id]
	w.defOrder = slices.DeleteFunc(w.defOrder, func(o *npcDef) bool { return o.ID == id })
	if d == nil {
		delete(w.npcDefs, id)
	} else {
		def := newNPCDef(*d)
		if old != nil {
			def.kind = old.kind
		}
		w.npcDefs[id] = def
		i, _ := slices.BinarySearchFunc(w.defOrder, id, func(o *npcDef, id string) int { return strings.Compare(o.ID, id) })
		w.defOrder = slices.Insert(w.defOrder, i, def)
		w.respawnFrom(old, def)
		if old != nil {
			old.Name, old.Keywords, old.RoomText, old.Description = d.Name, d.Keywords, d.RoomText, d.Description
			old.lineText = ""
		}
	}
	w.storeNPCDef(id, d)
}

// respawnFrom makes the spawns of old spawn def from now on.
func (w *World) respawnFrom(old, def *npcDef) {
	for _, list := range w.spawnsBy {
		for _, s := range list {
			if s.NPC == def.ID && (s.def == old || old == nil) {
				s.def = def
			}
		}
	}
}

// undoNPCDef takes definition id back to before (nil: it did not exist),
// unless it has changed since it became after.
func (w *World) undoNPCDef(id string, before *store.NPCDef, after store.NPCDef) func() error {
	return func() error {
		cur := w.npcDefs[id]
		if cur == nil || !reflect.DeepEqual(cur.NPCDef, after) {
			return errors.New("NPC " + id + " has changed since")
		}
		if before == nil && w.spawnsNPC(id) {
			return errors.New("a spawn names " + id)
		}
		w.setNPCDef(id, before)
		return nil
	}
}

// spawnsNPC reports whether a spawn in force names definition id.
func (w *World) spawnsNPC(id string) bool {
	for _, list := range w.spawnsBy {
		if slices.ContainsFunc(list, func(s *spawnState) bool { return s.NPC == id && !s.retired }) {
			return true
		}
	}
	return false
}

// npcDefList lists the definitions by id.
func (w *World) npcDefList() string {
	var b strings.Builder
	b.WriteString("NPC definitions (medit <id> shows one):\n")
	for _, d := range w.defOrder {
		b.WriteString("  " + d.ID + ": " + d.Name + "\n")
	}
	return b.String()
}

// showNPCDef lists a definition's fields.
func showNPCDef(d store.NPCDef) string {
	raw, err := json.Marshal(d)
	if err != nil {
		return "That NPC cannot be shown.\n"
	}
	return "NPC " + d.ID + ":\n" + showEntry(raw)
}
