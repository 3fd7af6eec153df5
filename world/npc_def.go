package world

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"mythosd/store"
	"mythosd/world/lucidity"
)

// npcDef is an NPC definition as the world uses it: immutable once made,
// but for the memo of its room line.
type npcDef struct {
	store.NPCDef
	encounter lucidity.EncounterKind
	respawn   time.Duration
	wander    time.Duration
	// kind is the first definition of its id: NPCs made before and after a
	// builder changed it (medit) are of one kind (sameKind).
	kind *npcDef

	// Loop-owned memo of the room line last written: its width, count and
	// wrapped text (most players share one width, most groups one size).
	lineWidth, lineCount int
	lineText             string
}

// roomLine is the def's room text for a group of count, wrapped at width:
// "[x3] A ghoul crouches here." Loop only.
func (d *npcDef) roomLine(width, count int) string {
	if d.lineText == "" || d.lineWidth != width || d.lineCount != count {
		line := d.RoomText
		if count > 1 {
			line = "[x" + strconv.Itoa(count) + "] " + line
		}
		d.lineWidth, d.lineCount, d.lineText = width, count, wrap(line, width)
	}
	return d.lineText
}

func newNPCDef(d store.NPCDef) *npcDef {
	def := &npcDef{NPCDef: d, respawn: respawnAggressive, wander: time.Duration(d.Behaviour.WanderSeconds) * time.Second}
	def.kind = def
	if d.Kind == store.NPCPassive {
		def.respawn = respawnPassive
	}
	def.encounter, _ = lucidity.ParseEncounter(d.Lucidity) // none: ""
	return def
}

// matches reports whether word is a prefix of one of the keywords.
func (d *npcDef) matches(word string) bool {
	return slices.ContainsFunc(d.Keywords, func(k string) bool { return strings.HasPrefix(k, word) })
}
