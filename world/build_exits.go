package world

import (
	"errors"
	"maps"
	"slices"
	"strings"

	"mythosd/store"
)

// exitUsage lists what redit exit takes.
const exitUsage = `Usage: redit exit <dir> <room id>       link one way (or lead it elsewhere)
       redit exit <dir> delete
       redit exit <dir> flag <one_way|hidden|locked|self_reference>
       redit exit <dir> unflag <flag>
       redit exit <dir> key <key id> | redit exit <dir> nokey
       redit exit <dir> desc <text> | redit exit <dir> nodesc
`

// reditExit changes or links the exit of room r in a direction.
func (w *World) reditExit(c *Character, r *Room, args string) {
	word, rest := splitCommand(args)
	dir, ok := parseDirection(word)
	if !ok {
		c.send(exitUsage)
		return
	}
	op, value := splitCommand(rest)
	switch op {
	case "delete", "flag", "unflag", "key", "nokey", "desc", "nodesc":
		w.changeExit(c, r, dir, op, value)
	default:
		w.linkExit(c, r, dir, strings.TrimSpace(rest))
	}
}

// linkExit leads the exit dir of r to the room target, one way: a new
// exit, or an old one with its flags, key and description kept.
func (w *World) linkExit(c *Character, r *Room, dir, target string) {
	if err := checkRoomID(target); err != nil {
		c.send(exitUsage)
		return
	}
	w.withRoom(c, target, func(there *Room, err error) {
		switch {
		case errors.Is(err, store.ErrNotFound):
			c.send("No room has the id " + target + ".\n")
			return
		case err != nil:
			c.send(storeTroubleText)
			return
		}
		here, ok := w.rooms.peek(r.ID)
		if !ok {
			c.send(storeTroubleText)
			return
		}
		w.editRoom(c, here, "exit "+dir+" of "+here.Name+" to "+there.Name, "The way "+dir+" now leads to "+there.Name+".",
			func(sr *store.Room) error {
				if i := exitIndex(sr, dir); i >= 0 {
					sr.Exits[i].Target = target
					return nil
				}
				sr.Exits = append(sr.Exits, store.Exit{Direction: dir, Target: target})
				return nil
			})
	})
}

// changeExit changes the existing exit dir of r as op says.
func (w *World) changeExit(c *Character, r *Room, dir, op, value string) {
	edit, err := exitEdit(op, value, w.protos)
	if err != nil {
		tellErr(c, err)
		return
	}
	w.editRoom(c, r, op+" of exit "+dir+" of "+r.Name, "Exit "+dir+": "+op+" done.", func(sr *store.Room) error {
		i := exitIndex(sr, dir)
		if i < 0 {
			return errors.New("no exit leads " + dir + " from here")
		}
		if op == "delete" {
			sr.Exits = slices.Delete(sr.Exits, i, i+1)
			return nil
		}
		return edit(&sr.Exits[i])
	})
}

// exitEdit returns the change op makes to an exit, value checked.
func exitEdit(op, value string, protos map[string]*proto) (func(*store.Exit) error, error) {
	value = strings.TrimSpace(value)
	switch op {
	case "delete":
		return nil, nil
	case "flag", "unflag":
		flag := strings.ToLower(value)
		if !slices.Contains(store.ExitFlags(), flag) {
			return nil, errors.New("exit flags are " + strings.Join(store.ExitFlags(), ", "))
		}
		return func(e *store.Exit) error { return setExitFlag(e, flag, op == "flag") }, nil
	case "key":
		if !slices.ContainsFunc(slices.Collect(maps.Values(protos)), func(p *proto) bool { return p.KeyID == value && value != "" }) {
			return nil, errors.New("no key has the key id \"" + clip(value, 60) + "\"")
		}
		return func(e *store.Exit) error { e.Key = value; return nil }, nil
	case "nokey":
		return func(e *store.Exit) error { e.Key = ""; return nil }, nil
	case "nodesc":
		return func(e *store.Exit) error { e.Description = ""; return nil }, nil
	}
	text, err := buildText("exit description", value, maxExitDesc)
	if err != nil {
		return nil, err
	}
	return func(e *store.Exit) error { e.Description = text; return nil }, nil
}

// setExitFlag puts flag on e, or takes it off.
func setExitFlag(e *store.Exit, flag string, on bool) error {
	has := e.Has(flag)
	switch {
	case on && has:
		return errors.New("the exit is " + flag + " already")
	case !on && !has:
		return errors.New("the exit is not " + flag)
	case on:
		e.Flags = append(e.Flags, flag)
	default:
		e.Flags = slices.DeleteFunc(e.Flags, func(f string) bool { return f == flag })
	}
	return nil
}

// exitIndex is the place of r's exit dir in its exits, or -1.
func exitIndex(r *store.Room, dir string) int {
	return slices.IndexFunc(r.Exits, func(e store.Exit) bool { return e.Direction == dir })
}
