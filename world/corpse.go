package world

import (
	"strconv"
	"strings"
	"time"

	"mythosd/store"
)

// Corpses are container items of one built-in prototype; each corpse names
// its dead and its owner in its origin ("corpse:<owner id>:<name>"), so
// that both survive a restart. Its drop time is its death: it decays with
// the hourly sweep of dropped items.
const (
	corpseProtoID = "corpse"
	corpseOrigin  = "corpse:"
	lootGuard     = 300 * time.Second // only the owner may loot this long
)

// corpseBase is the built-in corpse prototype.
func corpseBase() store.ItemProto {
	return store.ItemProto{ID: corpseProtoID, Name: "a corpse", Keywords: []string{"corpse", "body"},
		Description: "Death has not been kind.", Type: "container", Weight: 1000, Flags: []string{"fixed", "no_sale"},
		Container: &store.ItemContainer{Capacity: 40, MaxWeight: 100000}}
}

// corpseProto is the corpse prototype named for who died.
func (w *World) corpseProto(name string) *proto {
	p := corpseBase()
	p.Name = "the corpse of " + name
	p.RoomText = capitalize(p.Name) + " lies here."
	p.Keywords = append(p.Keywords, strings.Fields(strings.ToLower(withoutArticle(name)))...)
	return newProto(p)
}

// makeCorpse lays a new corpse of name (owner 0: anyone may loot it) on
// room's floor.
func (w *World) makeCorpse(name string, owner int64, room string, now time.Time) *Item {
	origin := corpseOrigin + strconv.FormatInt(owner, 10) + ":" + name
	it := w.newItem(w.corpseProto(name), floorOf(room), origin)
	w.markDropped(it)
	return it
}

// isCorpse reports whether it is a corpse.
func (it *Item) isCorpse() bool { return it.proto.ID == corpseProtoID }

// corpseOwner is the id of the character whose corpse it is, 0 for none.
func (it *Item) corpseOwner() int64 {
	rest, _ := strings.CutPrefix(it.origin, corpseOrigin)
	id, _, _ := strings.Cut(rest, ":")
	n, _ := strconv.ParseInt(id, 10, 64)
	return n
}

// corpseName is the name of who died, from a corpse's origin.
func corpseName(origin string) string {
	rest, _ := strings.CutPrefix(origin, corpseOrigin)
	_, name, _ := strings.Cut(rest, ":")
	return name
}

// lootBarred says why c may not take from box (or what holds it), or "":
// a character's corpse is its owner's alone for 300 s.
func (w *World) lootBarred(c *Character, box *Item) string {
	top := box
	for top.in != nil {
		top = top.in
	}
	if !top.isCorpse() {
		return ""
	}
	owner := top.corpseOwner()
	if owner == 0 || owner == c.ID || c.Admin {
		return ""
	}
	if w.cfg.Clock.Now().UnixNano()-top.dropped < int64(lootGuard) {
		return "That is not yours to pick over; not yet."
	}
	return ""
}

// decay: a corpse's hour is up; what it holds falls to the floor.
func (w *World) decay(corpse *Item) {
	room := corpse.room
	for len(corpse.contents) > 0 {
		it := corpse.contents[0]
		w.moveItem(it, floorOf(room))
		w.markDropped(it)
	}
	w.destroy(corpse)
	w.tellRoom(room, nil, capitalize(corpse.name())+" crumbles away; what it held spills onto the floor.")
}
