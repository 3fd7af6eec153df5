package world

import (
	"testing"
	"time"

	"mythosd/store"
)

// testNPCDefs are the NPC definitions of the test world.
func testNPCDefs() []store.NPCDef {
	dmg := store.NPCDamage{Min: 1, Max: 3}
	return []store.NPCDef{
		{ID: "nurse", Name: "a night nurse", Keywords: []string{"nurse"}, RoomText: "A night nurse folds linen here.",
			Description: "Starched white, tired eyes.", Kind: store.NPCPassive, DP: 8, DEX: 40, STR: 40, Damage: dmg,
			Behaviour: store.NPCBehaviour{Greet: "The nurse looks up: \"Back to bed with you.\""}},
		{ID: "ghoul", Name: "a ghoul", Keywords: []string{"ghoul"}, RoomText: "A ghoul crouches among the bones.",
			Description: "Rubbery grey skin and a dog's face.", Kind: store.NPCAggressive, Lucidity: "horrific",
			DP: 12, DEX: 50, STR: 60, Damage: dmg, XP: 100, Behaviour: store.NPCBehaviour{Greet: "never said"},
			Loot: []store.NPCLoot{{Proto: "tonic", Chance: 1, Quantity: 2}, {Proto: "lamp", Chance: 0}}},
		{ID: "rat", Name: "a fat rat", Keywords: []string{"rat", "fat"}, RoomText: "A fat rat noses along the wall.",
			Description: "Too big for a rat.", Kind: store.NPCPassive, Lucidity: "disturbing", DP: 2, DEX: 60, STR: 10, Damage: dmg, XP: 20,
			Behaviour: store.NPCBehaviour{WanderSeconds: 10}},
		{ID: "grocer", Name: "the grocer", Keywords: []string{"grocer"}, RoomText: "The grocer stands behind his counter.",
			Description: "Aproned and wary.", Kind: store.NPCShopkeeper, DP: 10, DEX: 50, STR: 50, Damage: dmg,
			Shop: &store.NPCShop{Stock: []store.NPCStock{{Proto: "tonic", Quantity: 2}, {Proto: "bandage", Quantity: 5}}}},
	}
}

// newNPCWorld is a test world with the test NPCs and the given spawns.
func newNPCWorld(t testing.TB, spawns ...store.NPCSpawn) *testWorld {
	t.Helper()
	return newTestWorldWith(t, "", func(cfg *Config) {
		cfg.NPCs, cfg.Spawns = testNPCDefs(), spawns
	})
}

// spawnOf is a spawn of npc in rooms, always, at any hour.
func spawnOf(npc string, max int, rooms ...string) store.NPCSpawn {
	return store.NPCSpawn{ID: npc + "#0", NPC: npc, Rooms: rooms, Max: max, Chance: 1, Time: store.SpawnAny}
}

// npcsOf counts the NPCs of def id in the world, by room.
func (tw *testWorld) npcsOf(id string) map[string]int {
	out := map[string]int{}
	tw.onLoop(func() {
		for room, list := range tw.npcsIn {
			for _, n := range list {
				if n.def.ID == id {
					out[room]++
				}
			}
		}
	})
	return out
}

// total adds up a count by room.
func total(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

// after moves the clock on by d and runs one tick.
func (tw *testWorld) after(d time.Duration) {
	tw.clock.advance(d)
	tw.tick()
}

// cacheRooms loads rooms into the room cache and waits for them.
func (tw *testWorld) cacheRooms(t testing.TB, ids ...string) {
	t.Helper()
	tw.onLoop(func() {
		for _, id := range ids {
			tw.rooms.get(id, func(*Room, error) {})
		}
	})
	tw.waitFor(t, func() bool {
		for _, id := range ids {
			if _, ok := tw.rooms.peek(id); !ok {
				return false
			}
		}
		return true
	})
}

// setWorldHour sets the world clock to hour:00 of its day.
func (tw *testWorld) setWorldHour(hour int) {
	tw.onLoop(func() {
		now := tw.cfg.Clock.Now()
		g := tw.World.clock.at(now)
		tw.World.clock.set(now, time.Date(g.Year(), g.Month(), g.Day(), hour, 0, 0, 0, time.UTC))
	})
}
