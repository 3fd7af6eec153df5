package world

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"mythosd/world/lucidity"
)

// lucidityCommands are the commands about minds and time.
func lucidityCommands() []*command {
	return []*command{
		{name: "time", summary: "the hour in Arkham", run: (*World).cmdTime},
		{name: "ground", summary: "bring a catatonic companion back: ground <name>", run: (*World).cmdGround, topic: "rituals"},
	}
}

// cmdTime tells the in-game time.
func (w *World) cmdTime(c *Character, _ string) {
	c.send(worldTimeText(w.clock.at(w.cfg.Clock.Now())) + "\n")
}

// cmdGround brings a catatonic character in the same room back to the
// edge of sense.
func (w *World) cmdGround(c *Character, args string) {
	if args == "" {
		c.send("Ground whom?\n")
		return
	}
	target := w.findHere(c, args)
	switch {
	case target == nil:
		c.send("You see no \"" + args + "\" here.\n")
	case target.Tier() != lucidity.Catatonic:
		c.send(target.Name + " is not lost so far that grounding would help.\n")
	default:
		c.send("You take " + target.Name + "'s hands and talk them slowly back to the room.\n")
		w.tellRoom(c.RoomID, c, c.Name+" kneels by "+target.Name+", speaking low and steady.")
		target.wakeAt = time.Time{}
		w.setLucidity(target, w.rules.Grounded, reasonGround)
	}
}

// findHere returns the other character in c's room whose name starts with
// prefix, or nil.
func (w *World) findHere(c *Character, prefix string) *Character {
	prefix = strings.ToLower(strings.TrimSpace(prefix))
	for _, o := range w.others(c) {
		if strings.HasPrefix(nameKey(o.Name), prefix) {
			return o
		}
	}
	return nil
}

// lucidityStatus is the lucidity part of `status`: tier, liabilities and
// what rituals are ready.
func (w *World) lucidityStatus(c *Character) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Lucidity:  %d (%s)\n", c.Lucidity, c.Tier())
	if !c.wakeAt.IsZero() {
		b.WriteString("You are lost in delirium.\n")
	}
	b.WriteString("Burdens:   " + w.liabilities(c) + "\n")
	b.WriteString("Rituals:   " + w.cooldowns(c) + "\n")
	return b.String()
}

// liabilities lists c's liabilities with their stacks.
func (w *World) liabilities(c *Character) string {
	var out []string
	for key, n := range c.facts {
		if name, ok := strings.CutPrefix(key, "liability."); ok && n > 0 {
			text := lucidity.LiabilityText(name)
			if n > 1 {
				text += fmt.Sprintf(" x%d", n)
			}
			out = append(out, text)
		}
	}
	if len(out) == 0 {
		return "none"
	}
	slices.Sort(out)
	return strings.Join(out, ", ")
}

// cooldowns tells which rituals are ready and when the others will be.
func (w *World) cooldowns(c *Character) string {
	now := w.cfg.Clock.Now()
	var out []string
	for _, name := range w.rules.RitualNames() {
		ready, left := lucidity.Ready(now, c.cooldownEnd(name))
		if ready {
			out = append(out, name+" ready")
		} else {
			out = append(out, name+" in "+roundDuration(left))
		}
	}
	return strings.Join(out, ", ")
}
