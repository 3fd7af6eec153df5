package world

import "strings"

// combatCommands are the commands of fighting.
func combatCommands() []*command {
	return []*command{
		{name: "attack", aliases: []string{"kill"}, summary: "attack an NPC: attack ghoul", run: (*World).cmdAttack, topic: "combat"},
		{name: "flee", summary: "try to escape a fight", run: (*World).cmdFlee, topic: "combat"},
		{name: "consider", summary: "weigh your chances against an NPC", run: (*World).cmdConsider, topic: "combat"},
	}
}

// cmdAttack starts or joins a fight with an NPC in the room, or turns c's
// blows on another foe of its fight.
func (w *World) cmdAttack(c *Character, args string) {
	if strings.TrimSpace(args) == "" {
		if c.target != nil {
			c.send("You are fighting " + c.target.name() + ".\n")
			return
		}
		c.send("Attack whom? attack <name>\n")
		return
	}
	n := w.findNPC(c, args)
	if n == nil {
		if o, err := w.playing(strings.TrimSpace(args)); err == nil && o.RoomID == c.RoomID {
			c.send("You will not raise your hand against another soul of Arkham.\n")
			return
		}
		c.send("You see no \"" + clip(args, 40) + "\" here to attack.\n")
		return
	}
	now := w.cfg.Clock.Now()
	if why := w.cannotFight(c, n, now); why != "" {
		c.send(why + "\n")
		return
	}
	if c.target == n {
		c.send("You are already fighting " + n.name() + ".\n")
		return
	}
	joining := c.fight != nil
	w.engage(c, n, true, now)
	if joining {
		c.send("You turn on " + n.name() + ".\n")
		return
	}
	c.send("You attack " + n.name() + "!\n")
	if n.phantomOf == nil {
		w.tellRoom(c.RoomID, c, c.Name+" attacks "+n.name()+"!")
	}
}

// cmdFlee queues an attempt to escape for c's next turn.
func (w *World) cmdFlee(c *Character, _ string) {
	if c.fight == nil {
		c.send("You are not fighting anyone.\n")
		return
	}
	c.action = action{kind: actFlee}
	c.send("You look for a way out...\n")
}

// cmdConsider weighs c's chances against an NPC: rounds each side needs to
// bring the other down, at average rolls and even hits.
func (w *World) cmdConsider(c *Character, args string) {
	n := w.findNPC(c, args)
	if n == nil {
		c.send("Consider whom? You see no \"" + clip(args, 40) + "\" here.\n")
		return
	}
	b := c.blowOf()
	mine := damage(b, (b.min+b.max)/2, n.def.Protection) * hitChance(c.attrs[attrDEX], n.def.DEX)
	nb := blow{min: n.def.Damage.Min, max: n.def.Damage.Max, str: n.def.STR}
	theirs := damage(nb, (nb.min+nb.max)/2, c.protection()) * hitChance(n.def.DEX, c.attrs[attrDEX])
	mine, theirs = max(mine, 1), max(theirs, 1)
	// rounds to win, scaled by 100 for the hit chance in per cent
	toWin, toLose := n.DP*100/mine, (max(c.dp, 0)+10)*100/theirs
	c.send(considerText(theName(n.name()), toWin, toLose) + "\n")
}

// considerText words a comparison of rounds to win and rounds to lose.
func considerText(them string, toWin, toLose int) string {
	switch {
	case toWin*3 <= toLose:
		return them + " would be no match for you."
	case toWin*3 <= toLose*2:
		return them + " looks like a fair fight, tilted your way."
	case toWin <= toLose*3/2:
		return them + " could go either way. Be careful."
	case toWin <= toLose*3:
		return them + " would likely get the better of you."
	}
	return them + " would kill you. Walk away."
}
