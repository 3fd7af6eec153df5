package world

import (
	"strconv"
	"strings"
)

// maxMoney is the most money one transfer may name: a million dollars.
const maxMoney = 100_000_000

// cmdGive hands items or money to someone in the room.
func (w *World) cmdGive(c *Character, args string) {
	what, to, ok := cutWord(args, "to")
	if !ok {
		c.send("Give what to whom? give lamp to Ada, give $1.50 to Ada\n")
		return
	}
	target := w.recipient(c, to)
	if target == nil {
		return
	}
	if cents, isMoney, msg := parseMoney(what); isMoney {
		if msg != "" {
			c.send(msg + "\n")
			return
		}
		w.giveMoney(c, target, cents)
		return
	}
	q, ok := query(c, what)
	if !ok {
		return
	}
	found, ok := q.pick(c.inv)
	if !ok {
		c.send("You carry no " + q.what() + ".\n")
		return
	}
	given, why := moveEach(found, func(it *Item) string {
		if why := cannotLetGo(it); why != "" {
			return why
		}
		if why := w.cannotCarry(target, it, true); why != "" {
			return target.Name + " cannot take it: " + why
		}
		return ""
	}, func(it *Item) { w.moveItem(it, invOf(target)) })
	if len(given) > 0 {
		names := groupNames(given)
		c.send("You give " + names + " to " + target.Name + ".\n")
		target.notify(c.Name + " gives you " + names + ".")
		for _, o := range w.others(c) {
			if o != target {
				o.notify(c.Name + " gives " + names + " to " + target.Name + ".")
			}
		}
	}
	if why != "" {
		c.send(why + "\n")
	}
}

// recipient finds whom c gives to: someone standing beside c.
func (w *World) recipient(c *Character, name string) *Character {
	key := nameKey(strings.TrimSpace(name))
	if key == "" {
		c.send("Give it to whom?\n")
		return nil
	}
	for _, o := range w.others(c) {
		if nameKey(o.Name) == key || strings.HasPrefix(nameKey(o.Name), key) {
			return o
		}
	}
	if o := w.chars[key]; o != nil && o.online() {
		c.send(o.Name + " is not here; you can only hand things to someone in the same room.\n")
		return nil
	}
	c.send("There is no " + strconv.Quote(clip(name, 30)) + " beside you; you can only hand things to someone in the same room.\n")
	return nil
}

// parseMoney reads "1.50", "$2" or "$0.05" as cents. isMoney is false when
// s does not look like an amount at all.
func parseMoney(s string) (cents int64, isMoney bool, msg string) {
	s = strings.TrimSpace(s)
	num := strings.TrimPrefix(s, "$")
	if num == "" || strings.ContainsAny(num, " \t") {
		return 0, false, ""
	}
	whole, frac, hasFrac := strings.Cut(num, ".")
	if !isNumberWord(whole) || (hasFrac && (len(frac) == 0 || len(frac) > 2 || !isNumberWord(frac) || frac[0] == '-')) {
		return 0, hasFrac || strings.HasPrefix(s, "$"), "An amount is dollars and cents: 1.50 or $2."
	}
	if !hasFrac && !strings.HasPrefix(s, "$") {
		return 0, false, "" // "give 2 tonic": a quantity, not money
	}
	if strings.HasPrefix(whole, "-") {
		return 0, true, "You cannot give a negative amount."
	}
	d, err := strconv.ParseInt(whole, 10, 64)
	if err != nil || d > maxMoney/100 {
		return 0, true, "That is more money than there is in all of Arkham."
	}
	c := int64(0)
	if hasFrac {
		c, _ = strconv.ParseInt((frac + "0")[:2], 10, 64)
	}
	cents = d*100 + c
	if cents == 0 {
		return 0, true, "Giving nothing at all is easily done."
	}
	return cents, true, ""
}

// giveMoney moves cents from c to target; both states reach the store in
// the same batch.
func (w *World) giveMoney(c, target *Character, cents int64) {
	if cents > c.money {
		c.send("You have only " + dollars(c.money) + ".\n")
		return
	}
	c.money -= cents
	target.money += cents
	w.markDirty(c)
	w.markDirty(target)
	c.send("You give " + dollars(cents) + " to " + target.Name + ".\n")
	target.notify(c.Name + " gives you " + dollars(cents) + ".")
}
