package world

import (
	"fmt"
	"strconv"
	"strings"
)

// maxSummon is the most instances one summon makes.
const maxSummon = 100

// adminItems runs admin summon and admin purge.
func (w *World) adminItems(c *Character, sub, args string) {
	if sub == "summon" {
		w.adminSummon(c, args)
		return
	}
	w.adminPurge(c, args)
}

// adminSummon makes instances of a prototype in the admin's inventory.
func (w *World) adminSummon(c *Character, args string) {
	fields := strings.Fields(args)
	if len(fields) == 0 || len(fields) > 2 {
		c.send("Usage: admin summon <prototype> [quantity]\n")
		return
	}
	p := w.protos[strings.ToLower(fields[0])]
	if p == nil {
		c.send("No prototype is called " + strconv.Quote(clip(fields[0], 40)) + ".\n")
		return
	}
	n := 1
	if len(fields) == 2 {
		var err error
		if n, err = strconv.Atoi(fields[1]); err != nil || n < 1 || n > maxSummon {
			c.send(fmt.Sprintf("Summon 1 to %d at once.\n", maxSummon))
			return
		}
	}
	to := invOf(c)
	if p.has(flagFixed) {
		to = floorOf(c.RoomID) // furniture stands in the room
	}
	for range n {
		w.newItem(p, to, "")
	}
	w.audit.Info("admin summon", "proto", p.ID, "quantity", n, "by", c.Name)
	c.send("Summoned " + countOf(p, n) + ".\n")
	w.tellRoom(c.RoomID, c, capitalize(countOf(p, n))+" appear out of thin air.")
}

// adminPurge destroys an item by id ("#123") or by name among what the
// admin can reach, with whatever it holds.
func (w *World) adminPurge(c *Character, args string) {
	it := w.itemByID(strings.TrimSpace(args))
	if it == nil {
		it = findOne(c, w.reachable(c), args, "here")
	}
	if it == nil {
		return
	}
	w.audit.Info("admin purge", "item", it.ID, "proto", it.proto.ID, "by", c.Name)
	w.destroy(it)
	c.send("Purged " + it.name() + " (#" + strconv.FormatInt(it.ID, 10) + ").\n")
}
