package world

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"mythosd/store"
	"mythosd/world/worldfile"
)

// reditUsage lists what redit takes.
const reditUsage = `Usage: redit                          show this room
       redit name <text>              rename it
       redit desc                     write its description in the line editor
       redit env <environment|inherit>
       redit flag encounter <disturbing|horrific|cosmic>
       redit flag lucidity_flux <-10 to 10>
       redit unflag <encounter|lucidity_flux>
       redit exit <dir> <room id>     link one way (see help redit for the rest)
`

// cmdRedit shows or changes the room c stands in.
func (w *World) cmdRedit(c *Character, args string) {
	sub, rest := splitCommand(args)
	w.withRoom(c, c.RoomID, func(r *Room, err error) {
		if err != nil {
			c.send(storeTroubleText)
			return
		}
		switch sub {
		case "":
			c.send(describeForBuilder(r))
		case "name":
			w.reditName(c, r, rest)
		case "desc", "description":
			w.openEditor(c, r, rest)
		case "env", "environment":
			w.reditEnv(c, r, rest)
		case "flag", "unflag":
			w.reditFlag(c, r, sub == "flag", rest)
		case "exit":
			w.reditExit(c, r, rest)
		default:
			c.send(reditUsage)
		}
	})
}

// reditName renames room r.
func (w *World) reditName(c *Character, r *Room, args string) {
	name, err := buildText("name", args, maxRoomName)
	if err != nil {
		tellErr(c, err)
		return
	}
	w.editRoom(c, r, "the name of "+r.Name+" ("+name+")", "The room is now called "+name+".",
		func(sr *store.Room) error { sr.Name = name; return nil })
}

// reditEnv sets room r's own environment, or lets it inherit.
func (w *World) reditEnv(c *Character, r *Room, args string) {
	env := strings.ToLower(strings.TrimSpace(args))
	if env == "inherit" || env == "none" {
		env = ""
	} else if !worldfile.KnownEnvironment(env) {
		c.send("Environments: " + strings.Join(worldfile.Environments(), ", ") + ", or inherit.\n")
		return
	}
	w.editRoom(c, r, "the environment of "+r.Name, "The room's environment is now "+orInherit(env)+".",
		func(sr *store.Room) error { sr.Environment = env; return nil })
}

// orInherit names an own environment, or says it is inherited.
func orInherit(env string) string {
	if env == "" {
		return "inherited"
	}
	return env
}

// roomFlagValue is the JSON value of a room attribute redit flag sets,
// checked as the loader checks it (docs/WORLD-FORMAT.md).
func roomFlagValue(flag, value string) (json.RawMessage, error) {
	switch flag {
	case "encounter":
		if !slices.Contains([]string{"disturbing", "horrific", "cosmic"}, value) {
			return nil, errors.New("an encounter is disturbing, horrific or cosmic")
		}
		return json.Marshal(value)
	case "lucidity_flux":
		f, err := strconv.ParseFloat(value, 64)
		if err != nil || math.IsNaN(f) || f < -10 || f > 10 {
			return nil, errors.New("lucidity_flux is a number from -10 to 10")
		}
		return json.Marshal(f)
	}
	return nil, errors.New("the room flags are encounter and lucidity_flux")
}

// reditFlag sets (on) or clears a room attribute of r.
func (w *World) reditFlag(c *Character, r *Room, on bool, args string) {
	flag, value := splitCommand(args)
	if flag != "encounter" && flag != "lucidity_flux" {
		c.send("The room flags are encounter and lucidity_flux.\n")
		return
	}
	var raw json.RawMessage
	if on {
		var err error
		if raw, err = roomFlagValue(flag, strings.ToLower(value)); err != nil {
			tellErr(c, err)
			return
		}
	}
	done := "The room's " + flag + " is gone."
	if on {
		done = "The room's " + flag + " is now " + string(raw) + "."
	}
	w.editRoom(c, r, "the "+flag+" of "+r.Name, done, func(sr *store.Room) error {
		attrs, err := setAttribute(sr.Attributes, flag, raw)
		sr.Attributes = attrs
		return err
	})
}

// setAttribute sets key in a room's attributes JSON (nil raw deletes it,
// and a key the room lacks cannot be taken away).
func setAttribute(attrs, key string, raw json.RawMessage) (string, error) {
	had, err := store.Attribute(attrs, key)
	if err != nil {
		return "", fmt.Errorf("the room's attributes are unreadable: %w", err)
	}
	if had == nil && raw == nil {
		return "", fmt.Errorf("the room has no %s", key)
	}
	return store.SetAttribute(attrs, key, raw)
}

// describeForBuilder is what redit alone shows of room r.
func describeForBuilder(r *Room) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Room %s (%s/%s/%s, %s)\n", r.ID, r.Plane, r.Zone, r.SubZone, orNone(r.SourceFile))
	fmt.Fprintf(&b, "Name: %s\n", r.Name)
	fmt.Fprintf(&b, "Environment: %s (own: %s)\n", r.Env, orInherit(r.Environment))
	fmt.Fprintf(&b, "Attributes: %s\n", orNone(r.Attributes))
	b.WriteString("Description:\n" + wrap(r.Description, 76) + "\n")
	if len(r.Exits) == 0 {
		b.WriteString("Exits: none\n")
	}
	for _, e := range r.Exits {
		fmt.Fprintf(&b, "Exit %-9s -> %s", e.Direction, e.Target)
		if len(e.Flags) > 0 {
			b.WriteString(" [" + strings.Join(e.Flags, ", ") + "]")
		}
		if e.Key != "" {
			b.WriteString(" key " + e.Key)
		}
		if e.Description != "" {
			b.WriteString(" \"" + e.Description + "\"")
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// orNone is s, or "none" when empty.
func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}
