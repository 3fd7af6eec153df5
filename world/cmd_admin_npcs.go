package world

import "strings"

// adminSpawn makes an NPC of the named definition (an id, or a keyword of
// one) in the admin's room. It fills no spawn: it never respawns.
func (w *World) adminSpawn(c *Character, args string) {
	def := w.npcDefNamed(strings.ToLower(strings.TrimSpace(args)))
	if def == nil {
		c.send("Usage: admin spawn <npc id or keyword>; no NPC definition matches \"" + clip(args, 40) + "\".\n")
		return
	}
	w.audit.Info("admin spawn", "npc", def.ID, "room", c.RoomID, "by", c.Name)
	n := w.addNPC(def, c.RoomID, nil, w.cfg.Clock.Now())
	c.send("You call " + n.name() + " into being.\n")
}

// npcDefNamed returns the definition with id word, else the first (by id)
// with a keyword starting with word, or nil.
func (w *World) npcDefNamed(word string) *npcDef {
	if word == "" {
		return nil
	}
	if d := w.npcDefs[word]; d != nil {
		return d
	}
	for _, d := range w.defOrder {
		if d.matches(word) {
			return d
		}
	}
	return nil
}

// adminSlay removes an NPC from the admin's room; its spawn fills again
// after the respawn delay.
func (w *World) adminSlay(c *Character, args string) {
	n := w.findNPC(c, args)
	if n == nil {
		w.adminSlayCharacter(c, args)
		return
	}
	w.audit.Info("admin slay", "npc", n.def.ID, "room", n.room, "by", c.Name)
	c.send("You unmake " + n.name() + ".\n")
	w.tellRoom(n.room, c, capitalize(n.name())+" crumples at a gesture from "+c.Name+".")
	w.npcDies(n, w.cfg.Clock.Now())
}

// adminGoto takes the admin to a room (by id) or to a playing character.
func (w *World) adminGoto(c *Character, args string) {
	target := strings.TrimSpace(args)
	if target == "" {
		c.send("Usage: admin goto <room id | character name>\n")
		return
	}
	id := target
	if o, err := w.playing(target); err == nil {
		id = o.RoomID
	}
	w.withRoom(c, id, func(r *Room, err error) {
		if err != nil {
			c.send("No room or playing character is called \"" + clip(target, 60) + "\".\n")
			return
		}
		if r.ID == c.RoomID {
			c.send("You are already there.\n")
			return
		}
		w.audit.Info("admin goto", "room", r.ID, "by", c.Name)
		w.relocate(c, r, c.Name+" steps sideways out of the world.", c.Name+" steps out of thin air.")
	})
}

// adminSlayCharacter kills a character in the admin's room through the
// death path (corpse, limbo, the sanitarium).
func (w *World) adminSlayCharacter(c *Character, args string) {
	o, err := w.playing(strings.TrimSpace(args))
	if err != nil || o.RoomID != c.RoomID || o.limbo {
		c.send("Usage: admin slay <npc | character>; you see no \"" + clip(args, 40) + "\" here.\n")
		return
	}
	w.audit.Info("admin slay", "character", o.Name, "room", o.RoomID, "by", c.Name)
	c.send("You unmake " + o.Name + ".\n")
	o.dp = deadAt
	w.markDirty(o)
	w.die(o, w.cfg.Clock.Now())
}
