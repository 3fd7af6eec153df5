package world

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// cmdAdmin runs the admin subcommands; to anyone but an admin it is no
// command at all.
func (w *World) cmdAdmin(c *Character, args string) {
	if !c.Admin {
		c.send(w.unknown(c, "admin"))
		return
	}
	sub, rest, _ := strings.Cut(strings.TrimSpace(args), " ")
	switch sub {
	case "setlucidity":
		w.adminSetLucidity(c, rest)
	case "flux":
		w.fluxPass(w.cfg.Clock.Now())
		c.send(fmt.Sprintf("Flux pass: %d active characters evaluated, %d changed.\n", w.flux.Characters, w.flux.Changed))
	case "time":
		w.adminTime(c, rest)
	case "spawn":
		w.adminSpawn(c, rest)
	case "slay":
		w.adminSlay(c, rest)
	case "goto":
		w.adminGoto(c, rest)
	case "summon", "purge":
		w.adminItems(c, sub, rest)
	case "ban":
		w.adminBan(c, rest)
	case "unban":
		w.adminUnban(c, rest)
	case "bans":
		w.adminBans(c)
	case "backup":
		w.adminBackup(c)
	default:
		c.send("admin setlucidity <name> <n> | admin flux | admin time [HH:MM] | admin spawn <npc> | admin slay <npc|character> | admin goto <room|name> | admin summon <prototype> [n] | admin purge <item> | admin ban <address|CIDR> [minutes] [reason] | admin unban <address|CIDR> | admin bans | admin backup\n")
	}
}

func (w *World) adminSetLucidity(c *Character, args string) {
	fields := strings.Fields(args)
	if len(fields) != 2 {
		c.send("Usage: admin setlucidity <name> <n>\n")
		return
	}
	n, err := strconv.Atoi(fields[1])
	if err != nil {
		c.send("Lucidity is a whole number from -100 to 100.\n")
		return
	}
	target, err := w.playing(fields[0])
	if err != nil {
		c.send(capitalize(err.Error()) + ".\n")
		return
	}
	w.log.Info("admin set lucidity", "name", target.Name, "lucidity", n, "by", c.Name)
	w.setLucidity(target, n, reasonAdmin)
	c.send(fmt.Sprintf("%s's lucidity is now %d (%s).\n", target.Name, target.Lucidity, target.Tier()))
}

// adminTime shows the world clock, or sets its hour and minute.
func (w *World) adminTime(c *Character, args string) {
	now := w.cfg.Clock.Now()
	if args = strings.TrimSpace(args); args != "" {
		hm, err := time.Parse("15:04", args)
		if err != nil {
			c.send("Usage: admin time [HH:MM] (24-hour clock)\n")
			return
		}
		game := w.clock.at(now)
		set := time.Date(game.Year(), game.Month(), game.Day(), hm.Hour(), hm.Minute(), 0, 0, time.UTC)
		w.clock.set(now, set)
		w.log.Info("admin set world time", "time", set, "by", c.Name)
	}
	game := w.clock.at(now)
	day := "night"
	if isDay(game) {
		day = "day"
	}
	c.send(fmt.Sprintf("World time: %s (%s).\n", game.Format("2006-01-02 15:04"), day))
}

// SetLucidity sets the lucidity of a playing character, as an admin action
// (console or in game); by names who asked, for the log.
func (w *World) SetLucidity(ctx context.Context, name string, n int, by string) error {
	return w.call(ctx, func(done func(error)) {
		c, err := w.playing(name)
		if err == nil {
			w.log.Info("admin set lucidity", "name", c.Name, "lucidity", n, "by", by)
			w.setLucidity(c, n, reasonAdmin)
			c.idlePrompt()
		}
		done(err)
	})
}
