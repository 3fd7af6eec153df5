package world

import (
	"strconv"

	"mythosd/store"
)

// characterHolders are the places that hold a character's items.
func characterHolders(id int64) []store.Holder {
	h := strconv.FormatInt(id, 10)
	return []store.Holder{{Place: store.PlaceInv, ID: h}, {Place: store.PlaceWorn, ID: h}}
}

// adoptCharacterItems attaches a loaded character's items to it.
func (w *World) adoptCharacterItems(c *Character, recs []store.ItemState) {
	w.adoptItems(recs, func(rec store.ItemState) (itemPlace, bool) {
		if rec.Place == store.PlaceWorn {
			if s := slotIndex(rec.Slot); s >= 0 && c.worn[s] == nil {
				return slotOf(c, s), true
			}
		}
		return invOf(c), rec.Place == store.PlaceInv || rec.Place == store.PlaceWorn
	})
}

// unloadItems drops a character's items from memory once the store has
// them (the character itself leaves memory at the same hand-off).
func (w *World) unloadItems(c *Character) {
	for _, it := range c.inv {
		w.forget(it, false)
	}
	for _, it := range c.worn {
		if it != nil {
			w.forget(it, false)
		}
	}
	c.inv, c.worn = nil, [slotCount]*Item{}
}

// carriedWeight is the weight of everything c carries and wears.
func (c *Character) carriedWeight() int {
	total := 0
	for _, it := range c.inv {
		total += it.weight()
	}
	for _, it := range c.worn {
		if it != nil {
			total += it.weight()
		}
	}
	return total
}

// Attribute indexes into store.Attributes.
const (
	attrSTR = iota
	attrCON
	attrDEX
	attrPOW
	attrCHA
	attrLUCK
	attrSIZ
	attrINT
	attrEDU
)

// weightLimit is what c may carry, in tenths of a pound: (STR + SIZ) / 2
// pounds; a character not yet rolled counts as 50 and 50.
func (c *Character) weightLimit() int {
	str, siz := c.attrs[attrSTR], c.attrs[attrSIZ]
	if c.attrs == (store.Attributes{}) {
		str, siz = 50, 50
	}
	return (str + siz) * 10 / 2
}

// maxStacks is how many stacks an inventory holds.
const maxStacks = 20

// stackCount is how many stacks list makes: a container is its own stack,
// other items stack by prototype.
func stackCount(list []*Item) int {
	n := 0
	for i, it := range list {
		if !it.stacks() || !stackedBefore(list[:i], it.proto) {
			n++
		}
	}
	return n
}

// stackedBefore reports whether list holds a stacking item of p.
func stackedBefore(list []*Item, p *proto) bool {
	for _, it := range list {
		if it.proto == p && it.stacks() {
			return true
		}
	}
	return false
}

// wouldStack reports whether adding it to list makes no new stack.
func wouldStack(list []*Item, it *Item) bool {
	return it.stacks() && stackedBefore(list, it.proto)
}
