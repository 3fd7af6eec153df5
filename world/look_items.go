package world

import (
	"fmt"
	"strings"
)

// writeFloor lists what lies on the floor of room id, one line per group:
// "A brass lamp stands here." or "Three folk tonics lie here."
func (w *World) writeFloor(b *strings.Builder, c *Character, id string) {
	f := w.floors[id]
	if f == nil || len(f.items) == 0 {
		return
	}
	counts := make(map[*proto]int, len(f.items))
	for _, it := range f.items {
		if it.stacks() {
			counts[it.proto]++
		}
	}
	width := c.width()
	for _, it := range f.items {
		line := it.proto.roomLine()
		if it.stacks() {
			n := counts[it.proto]
			if n == 0 {
				continue // listed with the first of its kind
			}
			counts[it.proto] = 0
			if n > 1 {
				line = capitalize(countOf(it.proto, n)) + " lie here."
			}
		}
		b.WriteString(wrap(line, width))
		b.WriteByte('\n')
	}
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
