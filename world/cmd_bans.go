package world

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"mythosd/store"
)

// banUsage explains the ban commands.
const banUsage = "Usage: admin ban <address|CIDR> [minutes] [reason] | admin unban <address|CIDR> | admin bans\n"

// adminBan bans an address or prefix: for a number of minutes when the
// next word is one, else forever; the rest is the reason.
func (w *World) adminBan(c *Character, args string) {
	target, rest, _ := strings.Cut(strings.TrimSpace(args), " ")
	if target == "" {
		c.send(banUsage)
		return
	}
	p, err := parseBanTarget(target)
	if err != nil {
		c.send("That will not do: " + err.Error() + ".\n")
		return
	}
	d, reason, err := banTerms(strings.TrimSpace(rest))
	if err != nil {
		c.send(err.Error() + "\n")
		return
	}
	b := w.ban(p, d, reason, c.Name)
	c.send("Banned " + banText(b) + "\n")
}

// banTerms reads "[minutes] [reason]".
func banTerms(s string) (time.Duration, string, error) {
	first, rest, _ := strings.Cut(s, " ")
	if first == "" || strings.Trim(first, "+-0123456789") != "" {
		return 0, s, nil // no minutes: forever, all of it the reason
	}
	n, err := strconv.Atoi(first)
	if err != nil || n < 1 || n > maxBanMinutes {
		return 0, "", fmt.Errorf("A ban lasts 1 to %d minutes; leave the minutes out for a ban forever.", maxBanMinutes)
	}
	return time.Duration(n) * time.Minute, strings.TrimSpace(rest), nil
}

// adminUnban lifts a ban.
func (w *World) adminUnban(c *Character, args string) {
	p, err := parseBanTarget(strings.TrimSpace(args))
	if err != nil {
		c.send(banUsage)
		return
	}
	if err := w.unban(p, c.Name); err != nil {
		c.send("There is no ban of " + p.String() + "; see admin bans.\n")
		return
	}
	c.send("The ban of " + p.String() + " is lifted.\n")
}

// adminBans lists the bans.
func (w *World) adminBans(c *Character) {
	list := w.banList()
	if len(list) == 0 {
		c.send("No address is banned.\n")
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Banned addresses (%d):\n", len(list))
	for _, ban := range list {
		b.WriteString("  " + banText(ban) + "\n")
	}
	c.send(b.String())
}

// banText describes a ban on one line.
func banText(b store.Ban) string {
	until := "forever"
	if !b.Expires.IsZero() {
		until = "until " + b.Expires.UTC().Format("2006-01-02 15:04 UTC")
	}
	text := b.Target + " " + until + ", by " + b.By
	if b.Reason != "" {
		text += ": " + b.Reason
	}
	return text
}
