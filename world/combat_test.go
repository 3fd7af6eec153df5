package world

import (
	"context"
	"strings"
	"testing"
	"time"

	"mythosd/store"
)

// fighter sets name's STR, CON, DEX and SIZ (50 in the rest) and heals
// them to the new max DP.
func (tw *testWorld) fighter(name string, str, con, dex, siz int) {
	tw.onLoop(func() {
		c := tw.chars[nameKey(name)]
		c.attrs = store.Attributes{str, con, dex, 50, 50, 50, siz, 50, 50}
		c.dp = c.maxDP()
	})
}

// dpOf is name's DP and whether it is in limbo.
func (tw *testWorld) dpOf(name string) (dp int, limbo bool) {
	tw.onLoop(func() {
		c := tw.chars[nameKey(name)]
		dp, limbo = c.dp, c.limbo
	})
	return dp, limbo
}

// combatWorld is a test world with NPCs, Alice in the ward past her first
// moments, and the rooms about loaded.
func combatWorld(t *testing.T, spawns ...store.NPCSpawn) (*testWorld, *player) {
	t.Helper()
	tw := newTestWorldWith(t, "", func(cfg *Config) {
		cfg.NPCs, cfg.Spawns = testNPCDefs(), spawns
		cfg.FluxEvery = 24 * time.Hour // lucidity stays put
	})
	tw.cacheRooms(t, "ward", "hall", "cellar", "garden", "street", "church")
	alice := tw.create(t, "Alice")
	tw.fighter("Alice", 50, 50, 50, 50) // max DP 20
	tw.after(loginCalm)
	alice.conn.take()
	return tw, alice
}

func TestRoundOrderByDEXTiesAtRandom(t *testing.T) {
	tw, _ := combatWorld(t)
	firsts := map[string]int{}
	tw.onLoop(func() {
		a := &Character{Name: "quick", attrs: store.Attributes{2: 90}}
		b := &Character{Name: "slow", attrs: store.Attributes{2: 20}}
		n1 := &NPC{def: &npcDef{NPCDef: store.NPCDef{Name: "x", DEX: 50}}}
		n2 := &NPC{def: &npcDef{NPCDef: store.NPCDef{Name: "y", DEX: 50}}}
		f := &fight{chars: []*Character{b, a}, npcs: []*NPC{n1, n2}}
		for range 200 {
			tw.orderRound(f)
			o := f.order
			if o[0].char != a || o[3].char != b || o[1].npc == nil || o[2].npc == nil {
				t.Errorf("round order wrong: %+v", o)
				return
			}
			firsts[o[1].npc.def.Name]++
		}
	})
	if firsts["x"] < 60 || firsts["y"] < 60 {
		t.Errorf("ties are not broken at random: %v", firsts)
	}
}

func TestFightToTheDeathOfAnNPC(t *testing.T) {
	tw, alice := combatWorld(t, spawnOf("ghoul", 1, "cellar"))
	tw.fighter("Alice", 90, 90, 90, 90) // max DP 36, +4 damage
	alice.do("down")
	tw.after(threatGrace) // the ghoul turns on her: the fight starts
	var fights int
	tw.onLoop(func() { fights = tw.fightCount })
	if fights != 1 {
		t.Fatalf("%d fights after the ghoul's grace, want 1", fights)
	}
	got := alice.do("attack ghoul")
	wantContains(t, got, "already fighting a ghoul")
	var out strings.Builder
	for i := 0; i < 40 && total(tw.npcsOf("ghoul")) > 0; i++ {
		tw.after(3 * time.Second)
		out.WriteString(alice.conn.take())
	}
	if total(tw.npcsOf("ghoul")) != 0 {
		t.Fatalf("the ghoul survived 40 rounds:\n%s", out.String())
	}
	wantContains(t, out.String(), "You hit a ghoul.", "The ghoul collapses and is still.", "You gain 100 experience.", "level 2")
	c := tw.character(t, "Alice")
	if c.xp != 100 || c.fight != nil || c.maxDP() != 38 {
		t.Errorf("after the kill: xp %d, in a fight %v, max DP %d; want 100, no, 38", c.xp, c.fight != nil, c.maxDP())
	}
	got = alice.do("look in corpse")
	wantContains(t, got, "The corpse of a ghoul holds", "two folk tonics")
	wantContains(t, alice.do("get all from corpse"), "You take two folk tonics from the corpse of a ghoul.")
	tw.onLoop(func() { fights = tw.fightCount })
	if fights != 0 {
		t.Errorf("%d fights left, want 0", fights)
	}
	tw.after(respawnAggressive)
	if total(tw.npcsOf("ghoul")) != 1 {
		t.Error("the ghoul did not respawn after 300 s")
	}
}

func TestNoFightingInSanctuaryOrJustAfterLogin(t *testing.T) {
	tw := newNPCWorld(t, spawnOf("rat", 1, "ward"), spawnOf("nurse", 1, "church"))
	tw.cacheRooms(t, "ward", "hall", "garden", "street", "church")
	tw.tick()
	alice := tw.create(t, "Alice")
	wantContains(t, alice.do("attack rat"), "still finding your feet")
	tw.after(loginCalm)
	wantContains(t, alice.do("kill rat"), "You attack a fat rat!")
	alice.do("flee")
	for i := 0; i < 20; i++ {
		tw.after(3 * time.Second)
		if tw.character(t, "Alice").fight == nil {
			break
		}
		alice.do("flee")
	}
	if tw.character(t, "Alice").RoomID == "ward" {
		t.Fatal("Alice never got away")
	}
	tw.onLoop(func() {
		c := tw.chars["alice"]
		tw.rooms.get("church", func(r *Room, _ error) { tw.relocate(c, r, "", "") })
	})
	wantContains(t, alice.do("attack nurse"), "A stillness lies on this place")
	wantContains(t, alice.do("attack Alice"), "You will not raise your hand")
}

func TestFleeChanceAtTheClamps(t *testing.T) {
	// the cellar has one way out: 0.5 + 0.1 - 0.1 x foes
	tw, alice := combatWorld(t, spawnOf("ghoul", 6, "cellar"))
	tw.fighter("Alice", 50, 200, 50, 200) // hard to kill
	alice.do("down")
	tw.after(threatGrace)
	for range 6 {
		if c := tw.character(t, "Alice"); c.fight == nil || len(c.fight.npcs) < 6 {
			tw.after(100 * time.Millisecond)
		}
	}
	c := tw.character(t, "Alice")
	if c.fight == nil || len(c.fight.npcs) != 6 {
		t.Fatal("the six ghouls are not all fighting Alice")
	}
	tw.onLoop(func() {
		c := tw.chars["alice"]
		if got, want := fleeChance(len(tw.fleeExits(c)), len(c.fight.npcs)), 0.1; got < want-1e-9 || got > want+1e-9 {
			t.Errorf("flee chance from the cellar with 6 ghouls %v, want %v", got, want)
		}
	})
}

func TestBleedingDeathAndWaking(t *testing.T) {
	tw, alice := combatWorld(t)
	tw.giveItems(t, "Alice", "tonic", 2)
	tw.giveItems(t, "Alice", "lamp", 1)
	alice.do("wear lamp")
	tw.onLoop(func() { tw.setDP(tw.chars["alice"], 0) })
	wantContains(t, alice.do("look"), "mortally wounded")
	if got := alice.do("say help me"); !strings.Contains(got, "You say") {
		t.Errorf("say does not work while mortally wounded: %q", got)
	}
	tw.after(9 * time.Second)
	if dp, _ := tw.dpOf("Alice"); dp != 0 {
		t.Fatalf("DP %d after 9 s, want 0", dp)
	}
	tw.after(time.Second)
	if dp, _ := tw.dpOf("Alice"); dp != -1 {
		t.Fatalf("DP %d after 10 s, want -1", dp)
	}
	for range 9 {
		tw.after(bleedEvery)
	}
	dp, limbo := tw.dpOf("Alice")
	if dp != -10 || !limbo {
		t.Fatalf("after 100 s: DP %d, limbo %v; want -10 and limbo", dp, limbo)
	}
	wantContains(t, alice.do("look"), "You drift in limbo")
	var corpse *Item
	tw.onLoop(func() {
		for _, it := range tw.floors["ward"].items {
			if it.isCorpse() {
				corpse = it
			}
		}
	})
	if corpse == nil {
		t.Fatal("no corpse in the ward")
	}
	tw.after(limboFor)
	c := tw.character(t, "Alice")
	if c.limbo || c.dp != c.maxDP() || c.Lucidity != 100 || c.RoomID != "ward" {
		t.Errorf("after limbo: limbo %v, DP %d of %d, lucidity %d, room %s", c.limbo, c.dp, c.maxDP(), c.Lucidity, c.RoomID)
	}
	wantContains(t, alice.conn.take(), "You gasp awake")
	wantContains(t, alice.do("i"), "nothing")
	wantContains(t, alice.do("look in corpse"), "two folk tonics", "a brass lamp")
}

func TestMedicalItemStopsTheBleeding(t *testing.T) {
	tw, alice := combatWorld(t)
	bob := tw.create(t, "Bob")
	tw.giveItems(t, "Bob", "bandage", 1)
	tw.onLoop(func() { tw.setDP(tw.chars["alice"], -4) })
	wantContains(t, alice.do("use tonic"), "mortally wounded")
	wantContains(t, bob.do("use bandage on alice"), "You tend to Alice")
	if dp, _ := tw.dpOf("Alice"); dp != 1 {
		t.Fatalf("DP %d after the bandage, want 1", dp)
	}
	tw.after(bleedEvery)
	if dp, _ := tw.dpOf("Alice"); dp != 1 {
		t.Errorf("DP %d 10 s after the bandage, want 1: no more bleeding, no regain yet", dp)
	}
	tw.after(regenEvery - bleedEvery)
	if dp, _ := tw.dpOf("Alice"); dp != 2 {
		t.Errorf("DP %d 30 s after the bandage, want 2", dp)
	}
}

func TestRegainAndRest(t *testing.T) {
	tw, alice := combatWorld(t)
	tw.onLoop(func() { tw.setDP(tw.chars["alice"], 10) })
	tw.after(regenEvery - time.Second)
	if dp, _ := tw.dpOf("Alice"); dp != 10 {
		t.Fatalf("DP %d after 29 s, want 10", dp)
	}
	tw.after(time.Second)
	if dp, _ := tw.dpOf("Alice"); dp != 11 {
		t.Fatalf("DP %d after 30 s, want 11", dp)
	}
	wantContains(t, alice.do("rest"), "You settle down to rest.")
	tw.after(regenEvery)
	if dp, _ := tw.dpOf("Alice"); dp != 13 {
		t.Fatalf("DP %d after 30 s of rest, want 13", dp)
	}
	wantContains(t, alice.do("stand"), "You get to your feet.")
	for range 10 {
		tw.after(regenEvery)
	}
	if dp, _ := tw.dpOf("Alice"); dp != 20 {
		t.Fatalf("DP %d after long, want the max 20", dp)
	}
	if got := alice.do("look"); !strings.HasSuffix(got, "<20/20dp 100lcd> ") {
		t.Errorf("prompt: %q", got[max(len(got)-40, 0):])
	}
	wantContains(t, alice.do("config prompt %h/%H hp %l"), "Prompt set.")
	if got := alice.do("look"); !strings.HasSuffix(got, "20/20 hp 100 ") {
		t.Errorf("custom prompt: %q", got[max(len(got)-40, 0):])
	}
}

func TestCorpseIsTheOwnersForFiveMinutesThenDecays(t *testing.T) {
	tw, alice := combatWorld(t)
	bob := tw.create(t, "Bob")
	tw.giveItems(t, "Alice", "tonic", 3)
	tw.onLoop(func() { tw.die(tw.chars["alice"], tw.cfg.Clock.Now()) })
	wantContains(t, bob.do("get all from corpse"), "not yours to pick over")
	tw.after(lootGuard - time.Second)
	wantContains(t, bob.do("get tonic from corpse"), "not yours to pick over")
	tw.after(time.Second)
	wantContains(t, bob.do("get tonic from corpse"), "You take a folk tonic from the corpse of Alice.")
	tw.after(sweepAfter - lootGuard)
	if tw.character(t, "Alice").RoomID != "ward" {
		t.Fatal("Alice did not wake in the ward")
	}
	alice.conn.take()
	wantContains(t, bob.do("look"), "Four folk tonics") // two of the ward's, two of Alice's
	tw.onLoop(func() {
		for _, it := range tw.floors["ward"].items {
			if it.isCorpse() {
				t.Error("the corpse is still there after an hour")
			}
		}
	})
}

func TestXPSharedByDamage(t *testing.T) {
	tw, _ := combatWorld(t)
	tw.create(t, "Bob")
	tw.onLoop(func() {
		a, b := tw.chars["alice"], tw.chars["bob"]
		tw.shareXP(10, []threat{{a, 3}, {b, 1}})
		if a.xp != 8 || b.xp != 2 {
			t.Errorf("10 XP for 3 and 1 damage: %d and %d, want 8 and 2", a.xp, b.xp)
		}
		tw.shareXP(100, []threat{{a, 0}, {b, 5}})
		if a.xp != 8 || b.xp != 102 {
			t.Errorf("100 XP for 0 and 5 damage: %d and %d, want 8 and 102", a.xp, b.xp)
		}
	})
}

func TestAdminSlayKillsThroughTheDeathPath(t *testing.T) {
	tw, _ := combatWorld(t, spawnOf("ghoul", 1, "ward"))
	admin := tw.create(t, "Root")
	if err := tw.db.SetAdmin(context.Background(), "Root", true); err != nil {
		t.Skip("no SetAdmin in the store:", err)
	}
	admin.do("quit")
	admin, _ = tw.login(t, "Root", "secret1")
	wantContains(t, admin.do("admin slay ghoul"), "You unmake a ghoul.")
	wantContains(t, admin.do("look in corpse"), "two folk tonics")
	wantContains(t, admin.do("admin slay alice"), "You unmake Alice.")
	if _, limbo := tw.dpOf("Alice"); !limbo {
		t.Error("Alice is not dead after admin slay")
	}
}

func TestNPCFleesBelowItsShareOfDP(t *testing.T) {
	tw, alice := combatWorld(t)
	tw.fighter("Alice", 90, 90, 200, 90) // always hits, 5..7 a blow
	tw.onLoop(func() {
		def := newNPCDef(store.NPCDef{ID: "coward", Name: "a coward", Keywords: []string{"coward"}, RoomText: "A coward.",
			Kind: store.NPCPassive, DP: 100, DEX: 1, STR: 1, Damage: store.NPCDamage{Min: 0, Max: 0},
			Behaviour: store.NPCBehaviour{FleeBelow: 0.95}})
		tw.addNPC(def, "ward", nil, tw.cfg.Clock.Now())
	})
	alice.do("attack coward")
	tw.after(tw.cfg.CombatRound)
	wantContains(t, alice.conn.take(), "You hit a coward.", "The coward breaks away and tries to flee!", "A coward leaves")
	if c := tw.character(t, "Alice"); c.fight != nil {
		t.Error("Alice is still fighting after her foe fled")
	}
}

func TestStrikingAPhantomEndsTheFight(t *testing.T) {
	tw, alice := combatWorld(t)
	tw.fighter("Alice", 50, 50, 200, 50)
	tw.onLoop(func() { tw.conjurePhantom(tw.chars["alice"], "a pale thing", tw.cfg.Clock.Now()) })
	wantContains(t, alice.do("attack phantom"), "You attack a pale thing!")
	tw.after(tw.cfg.CombatRound)
	wantContains(t, alice.conn.take(), "comes apart like smoke")
	c := tw.character(t, "Alice")
	var fights int
	tw.onLoop(func() { fights = tw.fightCount })
	if c.fight != nil || fights != 0 || c.xp != 0 {
		t.Errorf("after the phantom: in a fight %v, %d fights, %d XP; want none, 0, 0", c.fight != nil, fights, c.xp)
	}
}

func TestConsider(t *testing.T) {
	for _, tt := range []struct {
		win, lose int
		want      string
	}{
		{100, 300, "no match"}, {100, 200, "tilted your way"}, {100, 100, "either way"},
		{200, 100, "get the better of you"}, {400, 100, "would kill you"},
	} {
		if got := considerText("It", tt.win, tt.lose); !strings.Contains(got, tt.want) {
			t.Errorf("considerText(%d, %d) = %q, want %q", tt.win, tt.lose, got, tt.want)
		}
	}
	tw, alice := combatWorld(t, spawnOf("rat", 1, "ward"), spawnOf("ghoul", 1, "ward"))
	tw.fighter("Alice", 90, 90, 90, 90)
	wantContains(t, alice.do("consider rat"), "The fat rat would be no match for you.")
	tw.fighter("Alice", 15, 15, 15, 40)
	wantContains(t, alice.do("consider ghoul"), "The ghoul could go either way.") // 14 rounds to win, 12 to lose
	wantContains(t, alice.do("consider shoggoth"), "You see no \"shoggoth\" here.")
}

func TestCorpseSurvivesARestart(t *testing.T) {
	dir := t.TempDir()
	tw := newTestWorld(t, dir)
	tw.create(t, "Alice")
	tw.giveItems(t, "Alice", "tonic", 2)
	tw.onLoop(func() { tw.die(tw.chars["alice"], tw.cfg.Clock.Now()) })
	tw.tick()
	tw.flush(t)
	tw.stop()

	again := newTestWorld(t, dir)
	bob := again.create(t, "Bob")
	wantContains(t, bob.do("look"), "The corpse of Alice lies here.")
	wantContains(t, bob.do("look in corpse"), "two folk tonics")
	wantContains(t, bob.do("get all from corpse"), "not yours to pick over")
	alice, _ := again.login(t, "Alice", "secret1")
	c := again.character(t, "Alice")
	if c.limbo || c.dp != c.maxDP() || c.RoomID != "ward" {
		t.Errorf("Alice after the restart: limbo %v, DP %d of %d, room %s", c.limbo, c.dp, c.maxDP(), c.RoomID)
	}
	wantContains(t, alice.do("get all from corpse"), "You take two folk tonics from the corpse of Alice.")
}

func TestWeaponAndArmourCount(t *testing.T) {
	tw, alice := combatWorld(t)
	tw.fighter("Alice", 70, 50, 50, 50)
	if c := tw.character(t, "Alice"); c.blowOf() != (blow{min: 1, max: 3, str: 70}) || c.protection() != 0 {
		t.Errorf("bare: blow %+v, protection %d", c.blowOf(), c.protection())
	}
	tw.giveItems(t, "Alice", "revolver", 1)
	tw.giveItems(t, "Alice", "coat", 1)
	alice.do("wield revolver")
	alice.do("wear revolver")
	alice.do("wear coat")
	if c := tw.character(t, "Alice"); c.blowOf() != (blow{min: 1, max: 10, str: 70}) || c.protection() != 2 {
		t.Errorf("armed: blow %+v, protection %d; want the revolver's 1..10 and the coat's 2", c.blowOf(), c.protection())
	}
}

func TestUseInAFightWaitsForTheTurn(t *testing.T) {
	tw, alice := combatWorld(t, spawnOf("nurse", 1, "ward"))
	tw.giveItems(t, "Alice", "bandage", 1)
	wantContains(t, alice.do("attack nurse"), "You attack a night nurse!")
	tw.onLoop(func() { tw.chars["alice"].dp = 5 })
	wantContains(t, alice.do("use bandage"), "You will use it at your next turn.")
	if dp, _ := tw.dpOf("Alice"); dp != 5 {
		t.Fatalf("DP %d before the turn, want 5", dp)
	}
	tw.after(100 * time.Millisecond) // the first round
	out := alice.conn.take()
	wantContains(t, out, "DP +3.")
	if strings.Contains(out, "You hit") || strings.Contains(out, "You miss") {
		t.Errorf("Alice struck as well as using the bandage:\n%s", out)
	}
	wantContains(t, alice.do("north"), "Flee first.")
}
