package world

import (
	"fmt"
	"strings"

	"mythosd/store"
)

// lookCommands are look's.
func lookCommands() []*command {
	return []*command{
		{name: "look", aliases: []string{"l", "lo"}, summary: "look around, in a direction, at someone or something, in a container", run: (*World).cmdLook},
	}
}

// cmdLook shows the room, what lies in a direction, or someone here.
func (w *World) cmdLook(c *Character, args string) {
	target := strings.ToLower(strings.TrimPrefix(strings.TrimSpace(args), "at "))
	if target == "" {
		w.withRoom(c, c.RoomID, func(r *Room, err error) { w.showRoomOrFog(c, r, err) })
		return
	}
	if dir, ok := parseDirection(target); ok {
		w.lookToward(c, dir)
		return
	}
	if rest, ok := strings.CutPrefix(target, "in "); ok {
		w.lookIn(c, rest)
		return
	}
	for _, o := range w.others(c) {
		if strings.HasPrefix(nameKey(o.Name), target) {
			c.send(o.Name + " is here, looking " + o.Tier().String() + ".\n")
			return
		}
	}
	if n := w.findNPC(c, target); n != nil {
		c.send(w.npcText(c, n))
		return
	}
	if q, msg := parseItemQuery(target); msg == "" {
		if found, ok := q.pick(w.reachable(c)); ok {
			c.send(w.examineText(c, found[0]))
			return
		}
	}
	c.send("You see no \"" + clip(args, 40) + "\" here.\n")
}

// showRoomOrFog shows room r, or says it cannot be seen.
func (w *World) showRoomOrFog(c *Character, r *Room, err error) {
	if err != nil {
		c.send("A grey fog hides everything; you cannot make out where you are.\n")
		return
	}
	w.showRoom(c, r)
}

// showRoom describes room r to c: name, description, exits and who is here.
func (w *World) showRoom(c *Character, r *Room) { w.showRoomWith(c, r, "") }

// showRoomWith describes room r, with a phantom among who is here when
// phantom is not "".
func (w *World) showRoomWith(c *Character, r *Room, phantom string) {
	var b strings.Builder
	width := c.width()
	desc := r.wrapped(width)
	b.Grow(len(r.Name) + len(r.Area) + len(desc) + 160 + w.floorTextSize(r.ID))
	b.WriteString(styleRoom)
	b.WriteString(r.Name)
	if r.Area != "" {
		b.WriteString(" [" + r.Area + "]")
	}
	b.WriteString(styleReset + "\n")
	b.WriteString(desc)
	b.WriteByte('\n')
	writeStyled(&b, styleExits, w.exitLineOf(r))
	b.WriteByte('\n')
	w.writeFloor(&b, c, r.ID)
	w.writeNPCs(&b, c, r.ID)
	if here := w.alsoHere(c, phantom); here != "" {
		writeStyled(&b, stylePeople, wrap(here, width))
		b.WriteByte('\n')
	}
	c.send(b.String())
	w.sendRoomInfo(c, r)
	w.sendItemList(c, "room")
}

// writeStyled writes text in a style.
func writeStyled(b *strings.Builder, style, text string) {
	b.WriteString(style)
	b.WriteString(text)
	b.WriteString(styleReset)
}

// maxListed is how many others a room description names; a crowd beyond it
// is counted ("and 480 others"), as `who` lists everyone.
const maxListed = 20

// alsoHere names who else is in c's room (and a phantom, if c sees one):
// "Also here: Alice, Bob and 3 others.", or "" when c is alone.
func (w *World) alsoHere(c *Character, phantom string) string {
	p := w.places[c.RoomID]
	var names []string
	others := 0
	if p != nil {
		others = len(p.chars) - 1
		for _, o := range p.chars {
			if o != c && len(names) < maxListed {
				names = append(names, o.Name)
			}
		}
	}
	if phantom != "" {
		names = append(names, phantom)
		others++
	}
	if others <= 0 {
		return ""
	}
	if rest := others - len(names); rest > 0 {
		return fmt.Sprintf("Also here: %s and %d others.", strings.Join(names, ", "), rest)
	}
	return "Also here: " + strings.Join(names, ", ") + "."
}

// exitList names the room's visible exits: "north, east (locked), up."
// locked says which exits bar the way.
func exitList(r *Room, locked func(store.Exit) bool) string {
	var names []string
	for _, e := range r.Exits {
		if e.Has(store.ExitHidden) {
			continue
		}
		if locked(e) {
			names = append(names, e.Direction+" (locked)")
		} else {
			names = append(names, e.Direction)
		}
	}
	if len(names) == 0 {
		return "none."
	}
	return strings.Join(names, ", ") + "."
}

// lookToward tells what lies in direction dir.
func (w *World) lookToward(c *Character, dir string) {
	w.withRoom(c, c.RoomID, func(r *Room, err error) {
		if err != nil {
			w.showRoomOrFog(c, r, err)
			return
		}
		e, ok := r.Exit(dir)
		if !ok || e.Has(store.ExitHidden) {
			c.send("You see nothing special " + towards(dir) + ".\n")
			return
		}
		if e.Description != "" {
			c.send(wrap(e.Description, c.width()) + "\n")
		}
		w.withRoom(c, e.Target, func(to *Room, err error) {
			switch {
			case err != nil:
				c.send("Only fog lies " + towards(dir) + ".\n")
			case w.exitLocked(r.ID, e):
				c.send("The way " + dir + " is locked; beyond it lies " + to.Name + ".\n")
			default:
				c.send(capitalize(towards(dir)) + " lies " + to.Name + ".\n")
			}
		})
	})
}

// towards says "to the north", "above", "below".
func towards(dir string) string {
	switch dir {
	case "up":
		return "above"
	case "down":
		return "below"
	}
	return "to the " + dir
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// clip shortens s to n bytes for echoing it back, marking the cut.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return strings.ToValidUTF8(s[:n], "") + "..."
}
