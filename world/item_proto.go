package world

import (
	"slices"
	"strings"

	"mythosd/store"
)

// Prototype flags, as bits.
const (
	flagNoDrop uint8 = 1 << iota
	flagNoSale
	flagCursed
	flagQuest
	flagUnique
	flagFixed
)

var flagBits = map[string]uint8{
	"no_drop": flagNoDrop, "no_sale": flagNoSale, "cursed": flagCursed,
	"quest": flagQuest, "unique": flagUnique, "fixed": flagFixed,
}

// slotNames are the twelve equipment slots, in the order eq lists them.
var slotNames = [...]string{"head", "torso", "legs", "main_hand", "off_hand", "feet",
	"hands", "accessory", "ring", "amulet", "belt", "backpack"}

const slotCount = len(slotNames)

// slotIndex returns the index of a slot name, or -1.
func slotIndex(name string) int { return slices.Index(slotNames[:], name) }

// proto is an item prototype as the world uses it.
type proto struct {
	store.ItemProto
	flags    uint8
	slots    []uint8 // indexes into slotNames
	plural   string
	bare     string // the name without its article
	roomLine string // what look shows when it lies on a floor
	// made is set once an item is made from the prototype in this run: such
	// an item may be anywhere, in the store too, so undo of the
	// prototype's creation is refused.
	made bool
}

// newProto prepares a stored prototype for play.
func newProto(p store.ItemProto) *proto {
	pr := &proto{ItemProto: p, bare: withoutArticle(p.Name)}
	for _, f := range p.Flags {
		pr.flags |= flagBits[f]
	}
	for _, s := range p.Slots {
		if i := slotIndex(s); i >= 0 {
			pr.slots = append(pr.slots, uint8(i))
		}
	}
	pr.plural = p.Plural
	if pr.plural == "" {
		pr.plural = pr.bare + "s"
	}
	pr.roomLine = p.RoomText
	if pr.roomLine == "" {
		pr.roomLine = capitalize(p.Name) + " lies here."
	}
	return pr
}

func (p *proto) has(flag uint8) bool { return p.flags&flag != 0 }

func (p *proto) isContainer() bool { return p.Container != nil }

// consumed reports whether using it uses it up.
func (p *proto) consumed() bool {
	if p.Use == nil {
		return false
	}
	if p.Use.Consumed != nil {
		return *p.Use.Consumed
	}
	return p.Use.Verb == "drink" || p.Use.Verb == "eat"
}

// matches reports whether every word of query starts one of its keywords.
func (p *proto) matches(words []string) bool {
	for _, w := range words {
		found := false
		for _, k := range p.Keywords {
			if strings.HasPrefix(k, w) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return len(words) > 0
}

// withoutArticle drops a leading "a ", "an " or "the ".
func withoutArticle(name string) string {
	for _, a := range []string{"a ", "an ", "the ", "some "} {
		if len(name) > len(a) && strings.EqualFold(name[:len(a)], a) {
			return name[len(a):]
		}
	}
	return name
}
