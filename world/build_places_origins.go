package world

import (
	"strconv"
	"strings"
)

// The origins of placed items: an item made for a room's placement carries
// "room#k" (or "room#k.j" inside a placed container), so that a reset knows
// which placements still have their item. When a builder adds or removes a
// placement, the origins after it are renamed to match.

// originMap maps a placement's place (k at the top, j in its contents, -1
// for the placement itself) to its new place, or says it is gone.
type originMap func(k, j int) (int, int, bool)

// dropAt is the originMap of removing the placement at (at, in).
func dropAt(k, j, at, in int) (int, int, bool) {
	switch {
	case in < 0 && k == at:
		return 0, 0, false
	case in < 0 && k > at:
		return k - 1, j, true
	case in >= 0 && k == at && j == in:
		return 0, 0, false
	case in >= 0 && k == at && j > in:
		return k, j - 1, true
	}
	return k, j, true
}

// makeRoomAt is the originMap of inserting a placement at (at, in).
func makeRoomAt(k, j, at, in int) (int, int, bool) {
	switch {
	case in < 0 && k >= at:
		return k + 1, j, true
	case in >= 0 && k == at && j >= in:
		return k, j + 1, true
	}
	return k, j, true
}

// remapOrigins renames the origins of the items on f made for its
// placements, and of those inside placed containers.
func (w *World) remapOrigins(f *floor, remap originMap, now bool) {
	prefix := f.room + "#"
	var gone []*Item
	var visit func(it *Item)
	visit = func(it *Item) {
		for _, in := range it.contents {
			visit(in)
		}
		k, j, ok := parseOrigin(it.origin, prefix)
		if !ok {
			return
		}
		nk, nj, keep := remap(k, j)
		switch {
		case keep:
			it.origin = originKey(prefix, nk, nj)
		case now:
			gone = append(gone, it)
			return
		default:
			it.origin = ""
			if it.where == onFloor {
				w.markDropped(it)
			}
		}
		w.markItem(it)
	}
	for _, it := range f.items {
		visit(it)
	}
	for _, it := range gone {
		if w.items[it.ID] == it {
			w.destroy(it)
		}
	}
}

// parseOrigin reads "room#k" (j is -1) or "room#k.j".
func parseOrigin(origin, prefix string) (int, int, bool) {
	rest, ok := strings.CutPrefix(origin, prefix)
	if !ok {
		return 0, 0, false
	}
	ks, js, nested := strings.Cut(rest, ".")
	k, err := strconv.Atoi(ks)
	if err != nil {
		return 0, 0, false
	}
	if !nested {
		return k, -1, true
	}
	j, err := strconv.Atoi(js)
	return k, j, err == nil
}

// originKey writes what parseOrigin reads.
func originKey(prefix string, k, j int) string {
	s := prefix + strconv.Itoa(k)
	if j >= 0 {
		s += "." + strconv.Itoa(j)
	}
	return s
}
