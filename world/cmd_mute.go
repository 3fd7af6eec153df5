package world

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"mythosd/store"
)

// muteCommands are the commands that hide a player's chat.
func muteCommands() []*command {
	return []*command{
		{name: "mute", summary: "stop hearing someone: mute <name> [minutes]", run: (*World).cmdMute, topic: "mute"},
		{name: "unmute", summary: "hear someone again: unmute <name>", run: (*World).cmdUnmute, topic: "mute"},
		{name: "mutes", summary: "who you have muted", run: (*World).cmdMutes, topic: "mute"},
	}
}

// muteOwner reads an optional leading "global" (admins only) and returns
// whose list the command is about and the rest of the arguments.
func (w *World) muteOwner(c *Character, args string) (int64, []string, bool) {
	fields := strings.Fields(args)
	if len(fields) > 0 && strings.EqualFold(fields[0], "global") {
		if !c.Admin {
			c.send("Only the keepers of the game can mute someone for everyone.\n")
			return 0, nil, false
		}
		return store.GlobalMuteOwner, fields[1:], true
	}
	return c.ID, fields, true
}

// cmdMute mutes a sender for c, or (admins) for everyone, for a number of
// minutes or for good.
func (w *World) cmdMute(c *Character, args string) {
	owner, fields, ok := w.muteOwner(c, args)
	if !ok {
		return
	}
	if len(fields) == 0 {
		w.cmdMutes(c, "")
		return
	}
	m := store.Mute{Owner: owner, Name: properName(fields[0]), CreatedAt: w.cfg.Clock.Now(), By: c.Name}
	if len(fields) > 1 {
		minutes, err := strconv.Atoi(fields[1])
		if err != nil || minutes < 1 {
			c.send("Mute for how many minutes? mute <name> [minutes]\n")
			return
		}
		m.Expires = m.CreatedAt.Add(time.Duration(minutes) * time.Minute)
	}
	if err := w.checkName(m.Name); err != nil || nameKey(m.Name) == nameKey(c.Name) {
		c.send("You cannot mute \"" + fields[0] + "\".\n")
		return
	}
	if o := w.chars[nameKey(m.Name)]; o != nil && o.Admin {
		w.muteStored(c, m, false, errAdminMute)
		return
	}
	st := w.cfg.Store
	w.async(c, storeTimeout, func(ctx context.Context) func() {
		err := muteAccount(ctx, st, &m)
		if err == nil {
			err = st.SetMute(ctx, m)
		}
		return func() { w.muteStored(c, m, false, err) }
	})
}

// muteAccount fills in the account of the character m names, so that the
// mute silences all its characters; an admin's is refused. A name that is
// no character here is muted by name alone. Off the loop.
func muteAccount(ctx context.Context, st Store, m *store.Mute) error {
	acc, err := st.AccountByName(ctx, m.Name)
	switch {
	case errors.Is(err, store.ErrNotFound):
		return nil
	case err != nil:
		return err
	case acc.Admin:
		return errAdminMute
	}
	m.Account = acc.ID
	return nil
}

// errAdminMute refuses muting an admin.
var errAdminMute = errors.New("admins cannot be muted")

// cmdUnmute lifts a mute.
func (w *World) cmdUnmute(c *Character, args string) {
	owner, fields, ok := w.muteOwner(c, args)
	if !ok {
		return
	}
	if len(fields) != 1 {
		c.send("Unmute whom? unmute <name>\n")
		return
	}
	m := store.Mute{Owner: owner, Name: properName(fields[0])}
	w.storeMute(c, m, func(ctx context.Context, st Store) error { return st.Unmute(ctx, owner, m.Name) })
}

// storeMute writes a mute change off the loop, then updates the cached list
// at once and tells c. The command counts as running until then.
func (w *World) storeMute(c *Character, m store.Mute, write func(context.Context, Store) error) {
	unmute := m.CreatedAt.IsZero()
	w.async(c, storeTimeout, func(ctx context.Context) func() {
		err := write(ctx, w.cfg.Store)
		return func() { w.muteStored(c, m, unmute, err) }
	})
}

// muteStored applies a stored mute change to the cache and tells c.
func (w *World) muteStored(c *Character, m store.Mute, unmute bool, err error) {
	switch {
	case errors.Is(err, errAdminMute):
		c.send(m.Name + " keeps the game; admins cannot be muted.\n")
	case errors.Is(err, store.ErrNotFound):
		c.send("You had not muted " + m.Name + ".\n")
	case err != nil:
		w.log.Error("store mute", "name", m.Name, "err", err)
		c.send("The change could not be written down; try again in a moment.\n")
	default:
		list, _ := w.mutes.list(m.Owner)
		list = slices.DeleteFunc(slices.Clone(list), func(o store.Mute) bool { return strings.EqualFold(o.Name, m.Name) })
		if !unmute {
			list = append(list, m)
		}
		w.mutes.set(m.Owner, list)
		c.send(muteDone(m, unmute))
	}
}

// muteDone confirms a mute or unmute.
func muteDone(m store.Mute, unmute bool) string {
	who := "you"
	if m.Owner == store.GlobalMuteOwner {
		who = "everyone"
	}
	if unmute {
		return fmt.Sprintf("%s can be heard by %s again.\n", m.Name, who)
	}
	until := "until you unmute them"
	if !m.Expires.IsZero() {
		until = "for " + roundDuration(m.Expires.Sub(m.CreatedAt))
	}
	return fmt.Sprintf("%s is muted for %s, %s.\n", m.Name, who, until)
}

// cmdMutes lists c's mutes (and, for admins, the global ones).
func (w *World) cmdMutes(c *Character, _ string) {
	now := w.cfg.Clock.Now()
	var b strings.Builder
	mine, _ := w.mutes.list(c.ID)
	b.WriteString("You have muted: " + muteList(mine, now) + "\n")
	if c.Admin {
		global, _ := w.mutes.list(store.GlobalMuteOwner)
		b.WriteString("Muted for everyone: " + muteList(global, now) + "\n")
	}
	c.send(b.String())
}

// goneNote marks a mute of a character since deleted, which silences its
// account's other characters still.
func goneNote(m store.Mute) string {
	if m.Gone {
		return " (gone; their other characters stay muted)"
	}
	return ""
}

// muteList names the mutes in force at now, with the time left of each.
func muteList(mutes []store.Mute, now time.Time) string {
	var out []string
	for _, m := range mutes {
		switch {
		case m.Expired(now):
		case m.Expires.IsZero():
			out = append(out, m.Name+goneNote(m))
		default:
			out = append(out, m.Name+goneNote(m)+" ("+roundDuration(m.Expires.Sub(now))+" left)")
		}
	}
	if len(out) == 0 {
		return "no one"
	}
	slices.Sort(out)
	return strings.Join(out, ", ")
}
