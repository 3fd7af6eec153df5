package world

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"mythosd/store"
)

// cmdAdmin runs the admin subcommands. To a player it is no command at
// all; a builder may run the building ones (see adminNeeds) and is refused
// the rest. Every use is in the audit log.
func (w *World) cmdAdmin(c *Character, args string) {
	if !c.may(store.RoleBuilder) {
		c.send(w.unknown(c, "admin"))
		return
	}
	sub, rest, _ := strings.Cut(strings.TrimSpace(args), " ")
	if need := adminNeeds(sub); !c.may(need) {
		w.audit.Info("admin command refused", "command", sub, "args", rest, "role", c.role(), "by", c.Name)
		c.send(fmt.Sprintf("Only %ss may use admin %s.\n", need, sub))
		return
	}
	w.audit.Info("admin command", "command", sub, "args", rest, "role", c.role(), "by", c.Name)
	w.runAdmin(c, sub, rest)
}

// adminNeeds is the role a subcommand needs: builders place, summon and
// move things about; everything else is for admins.
func adminNeeds(sub string) store.Role {
	switch sub {
	case "goto", "spawn", "slay", "summon", "purge", "":
		return store.RoleBuilder
	default:
		return store.RoleAdmin
	}
}

// runAdmin runs one subcommand c may use.
func (w *World) runAdmin(c *Character, sub, rest string) {
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
	case "freeze", "thaw":
		w.adminFreeze(c, rest, sub == "freeze")
	case "chatlog":
		w.adminChatlog(c, rest)
	case "snoop":
		w.adminSnoop(c, rest)
	case "role", "unrole":
		w.adminRole(c, rest, sub == "role")
	case "reload":
		w.adminReload(c, rest)
	default:
		c.send(adminUsage(c))
	}
}

// adminUsage lists the subcommands c may use.
func adminUsage(c *Character) string {
	const builder = "admin goto <room|name> | admin spawn <npc> | admin slay <npc> | admin summon <prototype> [n] | admin purge <item>"
	if !c.Admin {
		return "Usage: " + builder + "\n"
	}
	return "Usage: " + builder + " | admin setlucidity <name> <n> | admin flux | admin time [HH:MM] | admin ban <address|CIDR> [minutes] [reason] | admin unban <address|CIDR> | admin bans | admin backup | admin role <name> <role> | admin unrole <name> <role> | admin freeze <name> | admin thaw <name> | admin snoop <name|off> | admin chatlog <name> [hours] | admin reload world [force] [DIR]\n"
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
	w.audit.Info("admin set lucidity", "name", target.Name, "lucidity", n, "by", c.Name)
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
		w.audit.Info("admin set world time", "time", set, "by", c.Name)
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
			w.audit.Info("admin set lucidity", "name", c.Name, "lucidity", n, "by", by)
			w.setLucidity(c, n, reasonAdmin)
			c.idlePrompt()
		}
		done(err)
	})
}
