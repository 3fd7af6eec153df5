package world

import (
	"fmt"
	"strings"

	"mythosd/store"
)

// writeFloor lists what lies on the floor of room id, one line per group:
// "A brass lamp stands here." or "Three folk tonics lie here."
func (w *World) writeFloor(b *strings.Builder, c *Character, id string) {
	f := w.floors[id]
	if f == nil || len(f.items) == 0 {
		return
	}
	width := c.width()
	for i, it := range f.items {
		line := it.proto.roomLine
		if it.stacks() {
			if stackedBefore(f.items[:i], it.proto) {
				continue // listed with the first of its kind
			}
			if n := countStack(f.items[i:], it.proto); n > 1 {
				if word := numberWord(n); len(word)+len(it.proto.plural)+11 <= width {
					writeGroupLine(b, word, it.proto.plural) // the common case, without allocating
					continue
				}
				line = capitalize(countOf(it.proto, n)) + " lie here."
			}
		}
		if len(line) > width {
			line = wrap(line, width)
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
}

// writeGroupLine writes "Three folk tonics lie here." and a newline.
func writeGroupLine(b *strings.Builder, word, plural string) {
	b.WriteByte(word[0] - 'a' + 'A')
	b.WriteString(word[1:])
	b.WriteByte(' ')
	b.WriteString(plural)
	b.WriteString(" lie here.\n")
}

// floorTextSize estimates the bytes writeFloor writes for room id.
func (w *World) floorTextSize(id string) int {
	if f := w.floors[id]; f != nil {
		return len(f.items) * 48
	}
	return 0
}

// exitLineOf is the room's exits line: the memo, unless a key has opened
// one of its locked exits until the next reset.
func (w *World) exitLineOf(r *Room) string {
	f := w.floors[r.ID]
	if f == nil || len(f.unlocked) == 0 {
		return r.exitLine()
	}
	return "Exits: " + exitList(r, func(e store.Exit) bool { return w.exitLocked(r.ID, e) })
}

// countStack counts the stacking items of p in list.
func countStack(list []*Item, p *proto) int {
	n := 0
	for _, it := range list {
		if it.proto == p && it.stacks() {
			n++
		}
	}
	return n
}

// itemStatus is status's lines of attributes, money and carried weight.
func itemStatus(c *Character) string {
	a := c.attrs
	attrs := "not yet rolled"
	if a != [9]int{} {
		attrs = fmt.Sprintf("STR %d  CON %d  DEX %d  POW %d  CHA %d  LUCK %d  SIZ %d  INT %d  EDU %d",
			a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8])
	}
	return fmt.Sprintf("Attributes: %s\nMoney:     %s\nCarrying:  %s of %s lb\n",
		attrs, dollars(c.money), tenths(c.carriedWeight()), tenths(c.weightLimit()))
}
