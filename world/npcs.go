package world

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"mythosd/store"
)

// Respawn delays after an NPC leaves the world (GAME-RULES.md, NPCs).
const (
	respawnPassive    = 180 * time.Second
	respawnAggressive = 300 * time.Second
	// threatGrace is how long an aggressive NPC waits before it attacks.
	threatGrace = 2 * time.Second
	// timeCheckEvery is how often an NPC of the day or the night checks
	// whether its time is over.
	timeCheckEvery = time.Minute
)

// NPC is one NPC in the world. Loop-owned.
type NPC struct {
	ID    int64
	def   *npcDef
	room  string
	DP    int
	spawn *spawnState // the spawn it fills; nil when an admin made it
	// phantomOf is the one character who sees a phantom; nil for a real NPC.
	phantomOf *Character
	gone      bool // left the world: its scheduled events are void
	fight     *fight
	threat    []threat // who has attacked it in its fight, in order, and for how much
	stock     []int    // a shopkeeper's stock, by line of its definition
}

// name is the NPC's name with its article.
func (n *NPC) name() string { return n.def.Name }

// gmcpID is the NPC's id in GMCP item lists, apart from item numbers.
func (n *NPC) gmcpID() string { return "npc" + strconv.FormatInt(n.ID, 10) }

// spawnState is a spawn with its living population.
type spawnState struct {
	store.NPCSpawn
	def     *npcDef
	alive   int
	retired bool // a reload or a builder replaced it: it fills no more places
}

// npcWorld is the NPC part of the world. Loop-owned.
type npcWorld struct {
	npcDefs    map[string]*npcDef
	spawns     []*spawnState          // the spawns in force
	defOrder   []*npcDef              // by id
	npcsIn     map[string][]*NPC      // real NPCs by room id
	npcCount   int                    // real NPCs in the world
	nextNPC    int64                  // last NPC id handed out
	npcQueue   npcQueue               // timed NPC work by due time
	npcStats   NPCStats               // figures of the last tick
	npcAttack  func(*NPC, *Character) // called when an aggressive NPC's grace ends; combat fills it
	fightCount int                    // fights in progress
}

// initNPCs prepares the NPC part of the world and schedules every spawn's
// first attempts for the first tick.
func (w *World) initNPCs(cfg Config, now time.Time) {
	w.npcsIn = make(map[string][]*NPC)
	w.installNPCs(cfg.NPCs, cfg.Spawns, now)
}

// installNPCs makes defs and spawns the NPC definitions and spawns in
// force, and schedules every spawn's first attempts.
func (w *World) installNPCs(defs []store.NPCDef, spawns []store.NPCSpawn, now time.Time) {
	w.npcDefs = make(map[string]*npcDef, len(defs))
	w.defOrder = nil
	for _, d := range defs {
		def := newNPCDef(d)
		w.npcDefs[d.ID] = def
		w.defOrder = append(w.defOrder, def)
	}
	slices.SortFunc(w.defOrder, func(a, b *npcDef) int { return strings.Compare(a.ID, b.ID) })
	w.spawns, w.spawnsBy = nil, nil
	for _, sp := range spawns {
		def := w.npcDefs[sp.NPC]
		if def == nil || len(sp.Rooms) == 0 || sp.Max <= 0 {
			w.log.Warn("spawn skipped", "spawn", sp.ID, "npc", sp.NPC)
			continue
		}
		s := &spawnState{NPCSpawn: sp, def: def}
		w.spawns = append(w.spawns, s)
		w.indexSpawn(s)
		for range sp.Max {
			w.npcQueue.push(npcEvent{at: now.UnixNano(), kind: evSpawn, spawn: s})
		}
	}
}

// trySpawn fills one place of spawn s when its time of day holds and its
// chance comes up; else it tries again after the respawn delay.
func (w *World) trySpawn(s *spawnState, now time.Time) {
	if s.retired || s.alive >= s.Max {
		return
	}
	if !spawnTimeHolds(s.Time, w.clock.at(now)) || (s.Chance < 1 && w.rng.Float64() >= s.Chance) {
		w.npcQueue.push(npcEvent{at: now.Add(s.def.respawn).UnixNano(), kind: evSpawn, spawn: s})
		return
	}
	room := s.Rooms[0]
	if len(s.Rooms) > 1 {
		room = s.Rooms[w.rng.IntN(len(s.Rooms))]
	}
	s.alive++
	w.addNPC(s.def, room, s, now)
}

// spawnTimeHolds reports whether a spawn of time t may appear at game time.
func spawnTimeHolds(t string, game time.Time) bool {
	switch t {
	case store.SpawnDay:
		return isDay(game)
	case store.SpawnNight:
		return !isDay(game)
	}
	return true
}

// addNPC brings a new NPC of def into room and schedules what it does.
func (w *World) addNPC(def *npcDef, room string, s *spawnState, now time.Time) *NPC {
	w.nextNPC++
	n := &NPC{ID: w.nextNPC, def: def, room: room, DP: def.DP, spawn: s}
	w.npcCount++
	w.openShop(n, now)
	if def.wander > 0 {
		w.npcQueue.push(npcEvent{at: now.Add(w.jitter(def.wander)).UnixNano(), kind: evWander, npc: n})
	}
	if s != nil && s.Time != store.SpawnAny {
		w.npcQueue.push(npcEvent{at: now.Add(timeCheckEvery).UnixNano(), kind: evTimeCheck, npc: n})
	}
	w.npcArrives(n, capitalize(n.name())+" appears.", now)
	return n
}

// jitter is d give or take a quarter, so that NPCs of one kind do not move
// in step.
func (w *World) jitter(d time.Duration) time.Duration {
	if d < 4 {
		return d
	}
	return d*3/4 + time.Duration(w.rng.Int64N(int64(d/2)))
}

// removeNPC takes n out of the world, telling its room with text (none
// when ""), and schedules its spawn's next attempt after the respawn delay.
// Death in combat and admin slay come through here.
func (w *World) removeNPC(n *NPC, text string, now time.Time) {
	if n.gone {
		return
	}
	if n.phantomOf != nil {
		w.dispelPhantom(n.phantomOf, text)
		return
	}
	w.takeNPC(n)
	n.gone = true
	w.npcCount--
	if text != "" {
		w.tellRoom(n.room, nil, text)
	}
	if s := n.spawn; s != nil {
		s.alive--
		w.npcQueue.push(npcEvent{at: now.Add(s.def.respawn).UnixNano(), kind: evSpawn, spawn: s})
	}
}

// putNPC adds n to its room's list.
func (w *World) putNPC(n *NPC) { w.npcsIn[n.room] = append(w.npcsIn[n.room], n) }

// takeNPC removes n from its room's list, telling GMCP clients there.
func (w *World) takeNPC(n *NPC) {
	list := w.npcsIn[n.room]
	if i := slices.Index(list, n); i >= 0 {
		list = slices.Delete(list, i, i+1)
	}
	if len(list) == 0 {
		delete(w.npcsIn, n.room)
	} else {
		w.npcsIn[n.room] = list
	}
	w.sendRoomNPC(n.room, "Char.Items.Remove", n)
	w.npcLeavesFight(n)
}

// theName is a name with "the" for its article: "a ghoul" -> "The ghoul".
func theName(name string) string {
	for _, art := range []string{"a ", "an ", "the "} {
		if len(name) > len(art) && strings.EqualFold(name[:len(art)], art) {
			return "The " + name[len(art):]
		}
	}
	return capitalize(name)
}
