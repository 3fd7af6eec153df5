package world

import (
	"context"
	"strings"
	"testing"
	"time"

	"mythosd/store"
)

func TestSpawnPopulationAndChance(t *testing.T) {
	tests := []struct {
		name     string
		spawn    store.NPCSpawn
		min, max int
	}{
		{"every place filled", spawnOf("rat", 3, "ward", "hall"), 3, 3},
		{"never more than max", spawnOf("nurse", 1, "hall"), 1, 1},
		{"chance fills some", func() store.NPCSpawn { s := spawnOf("rat", 40, "cellar"); s.Chance = 0.5; return s }(), 5, 35},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tw := newNPCWorld(t, tt.spawn)
			tw.tick()
			tw.tick()
			if n := total(tw.npcsOf(tt.spawn.NPC)); n < tt.min || n > tt.max {
				t.Fatalf("%d spawned, want %d to %d", n, tt.min, tt.max)
			}
			for room := range tw.npcsOf(tt.spawn.NPC) {
				if !strings.Contains(strings.Join(tt.spawn.Rooms, " "), room) {
					t.Errorf("spawned in %s, not one of %v", room, tt.spawn.Rooms)
				}
			}
		})
	}
}

func TestSpawnTimeOfDay(t *testing.T) {
	night := spawnOf("rat", 2, "cellar")
	night.Time = store.SpawnNight
	day := spawnOf("nurse", 1, "hall")
	day.ID, day.Time = "nurse#day", store.SpawnDay
	tw := newNPCWorld(t, night, day)
	tw.setWorldHour(10)
	tw.tick()
	if n, d := total(tw.npcsOf("rat")), total(tw.npcsOf("nurse")); n != 0 || d != 1 {
		t.Fatalf("at 10:00: %d night rats, %d day nurses; want 0 and 1", n, d)
	}
	tw.setWorldHour(22)
	tw.after(respawnPassive - time.Second)
	if n := total(tw.npcsOf("rat")); n != 0 {
		t.Fatalf("night rats before the retry: %d", n)
	}
	tw.after(time.Second)
	if n := total(tw.npcsOf("rat")); n != 2 {
		t.Fatalf("at night after the retry: %d rats, want 2", n)
	}
	tw.after(timeCheckEvery) // the day nurse's time is over and nobody watches
	if d := total(tw.npcsOf("nurse")); d != 0 {
		t.Fatalf("day nurse still here at night: %d", d)
	}
}

func TestRespawnDelays(t *testing.T) {
	tests := []struct {
		npc   string
		delay time.Duration
	}{
		{"nurse", 180 * time.Second},
		{"ghoul", 300 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.npc, func(t *testing.T) {
			tw := newNPCWorld(t, spawnOf(tt.npc, 1, "cellar"))
			tw.tick()
			tw.onLoop(func() { tw.removeNPC(tw.npcsIn["cellar"][0], "", tw.cfg.Clock.Now()) })
			if n := total(tw.npcsOf(tt.npc)); n != 0 {
				t.Fatalf("%d after removal", n)
			}
			tw.after(tt.delay - time.Second)
			if n := total(tw.npcsOf(tt.npc)); n != 0 {
				t.Fatalf("respawned before %v", tt.delay)
			}
			tw.after(time.Second)
			if n := total(tw.npcsOf(tt.npc)); n != 1 {
				t.Fatalf("%d after %v, want 1", n, tt.delay)
			}
		})
	}
}

func TestWanderStaysInSubZone(t *testing.T) {
	tw := newNPCWorld(t, spawnOf("rat", 1, "garden"))
	tw.cacheRooms(t, "ward", "hall", "garden", "cellar", "street", "church", "crypt", "still")
	tw.tick()
	seen := map[string]bool{}
	for range 200 {
		tw.after(10 * time.Second)
		for room := range tw.npcsOf("rat") {
			seen[room] = true
		}
	}
	for room := range seen {
		switch room {
		case "ward", "hall", "garden", "cellar":
		default:
			t.Errorf("the rat left the sanitarium for %s", room)
		}
	}
	if len(seen) < 3 {
		t.Errorf("the rat wandered through %v only", seen)
	}
}

func TestWanderNeedsLoadedRooms(t *testing.T) {
	tw := newNPCWorld(t, spawnOf("rat", 1, "cellar"))
	tw.tick()
	for range 20 {
		tw.after(10 * time.Second)
	}
	if got := tw.npcsOf("rat"); got["cellar"] != 1 {
		t.Fatalf("with no room cached the rat moved: %v", got)
	}
}

func TestGreetingAndGrouping(t *testing.T) {
	tw := newNPCWorld(t, spawnOf("nurse", 2, "hall"))
	tw.tick()
	alice := tw.create(t, "Alice")
	got := alice.do("north")
	wantContains(t, got, "[x2] A night nurse folds linen here.", "Back to bed with you.")
	if strings.Count(got, "Back to bed") != 1 {
		t.Errorf("two nurses of one kind greeted twice:\n%s", got)
	}
	wantContains(t, alice.do("look nurse"), "Starched white", "Unhurt, as far as you can tell.")
	wantContains(t, alice.do("examine 2.nurse"), "Starched white")
}

func TestAggressiveGrace(t *testing.T) {
	tw := newNPCWorld(t, spawnOf("ghoul", 1, "hall"))
	var attacked []string
	tw.onLoop(func() { tw.npcAttack = func(n *NPC, c *Character) { attacked = append(attacked, n.def.ID+">"+c.Name) } })
	tw.tick()
	alice := tw.create(t, "Alice")
	bob := tw.create(t, "Bob")
	got := alice.do("north")
	if strings.Contains(got, "turns toward") || strings.Contains(got, "never said") {
		t.Fatalf("the ghoul struck or spoke at once:\n%s", got)
	}
	bob.do("north")
	bob.do("south") // gone before the grace ends
	tw.after(threatGrace - time.Millisecond)
	if got := alice.conn.take(); strings.Contains(got, "turns toward you") {
		t.Fatalf("before the grace: %q", got)
	}
	tw.after(time.Millisecond)
	wantContains(t, alice.conn.take(), "The ghoul turns toward you, hungry.")
	if got := bob.conn.take(); strings.Contains(got, "turns toward") {
		t.Errorf("Bob, who left, was threatened: %q", got)
	}
	tw.sync()
	var got2 []string
	tw.onLoop(func() { got2 = append(got2, attacked...) })
	if len(got2) != 1 || got2[0] != "ghoul>Alice" {
		t.Fatalf("attack hook calls %v, want [ghoul>Alice]", got2)
	}
}

func TestEncountersFromNPCs(t *testing.T) {
	tw := newNPCWorld(t, spawnOf("ghoul", 2, "hall"), spawnOf("rat", 1, "hall"))
	tw.tick()
	alice := tw.create(t, "Alice")
	steps := []struct {
		dir  string
		want int
	}{
		{"north", 88}, // worst horror present: horrific, first: -12 (once, for two ghouls and a rat)
		{"south", 88},
		{"north", 83}, // horrific again: -5
	}
	for _, s := range steps {
		alice.do(s.dir)
		if got := tw.character(t, "Alice").Lucidity; got != s.want {
			t.Fatalf("after %s: lucidity %d, want %d", s.dir, got, s.want)
		}
	}
}

func TestEncounterWhenNPCWandersIn(t *testing.T) {
	tw := newNPCWorld(t, spawnOf("rat", 1, "cellar"))
	tw.cacheRooms(t, "ward", "cellar")
	tw.tick()
	alice := tw.create(t, "Alice")
	for i := 0; i < 50 && tw.npcsOf("rat")["ward"] == 0; i++ {
		tw.after(10 * time.Second)
	}
	if tw.npcsOf("rat")["ward"] == 0 {
		t.Fatal("the rat never came up to the ward")
	}
	wantContains(t, alice.conn.take(), "A fat rat arrives from below.", "Something here is deeply wrong")
	if got := tw.character(t, "Alice").Lucidity; got != 94 {
		t.Fatalf("lucidity %d, want 94 (disturbing, first)", got)
	}
}

func TestPhantomSeenByOneCharacter(t *testing.T) {
	tw := newNPCWorld(t)
	alice := tw.create(t, "Alice")
	bob := tw.create(t, "Bob")
	alice.conn.take()
	tw.onLoop(func() {
		tw.conjurePhantom(tw.chars["alice"], "a tall man in a dripping oilskin coat", tw.cfg.Clock.Now())
	})
	wantContains(t, alice.conn.take(), "You glimpse a tall man")
	wantContains(t, alice.do("look"), "A tall man in a dripping oilskin coat is here, watching you.")
	wantContains(t, alice.do("look oilskin"), "cannot hold it in focus")
	if got := bob.do("look"); strings.Contains(got, "oilskin") {
		t.Fatalf("Bob sees Alice's phantom:\n%s", got)
	}
	wantContains(t, bob.do("look oilskin"), "You see no")
	tw.onLoop(func() {
		if ph := tw.chars["alice"].phantom; ph == nil || ph.DP != phantomDP || tw.npcCount != 0 {
			t.Errorf("phantom %+v, real NPCs %d", ph, tw.npcCount)
		}
	})
	tw.after(threatGrace)
	wantContains(t, alice.conn.take(), "turns toward you, hungry")
	alice.do("north")
	if got := alice.do("south"); strings.Contains(got, "oilskin") {
		t.Fatalf("the phantom stayed after Alice left:\n%s", got)
	}
}

func TestAdminNPCCommands(t *testing.T) {
	tw := newNPCWorld(t, spawnOf("nurse", 1, "cellar"))
	tw.tick()
	alice := tw.create(t, "Alice")
	bob := tw.create(t, "Bob")
	tw.onLoop(func() { tw.chars["alice"].Admin = true })
	bob.do("north")
	tests := []struct {
		line string
		want []string
	}{
		{"admin spawn ghoul", []string{"You call a ghoul into being."}},
		{"admin spawn shoggoth", []string{"no NPC definition matches"}},
		{"look", []string{"A ghoul crouches among the bones."}},
		{"admin slay ghoul", []string{"You unmake a ghoul."}},
		{"admin slay ghoul", []string{"you see no \"ghoul\" here"}},
		{"admin goto Bob", []string{"Hall"}},
		{"admin goto cellar", []string{"Cellar", "A night nurse folds linen here."}},
		{"admin goto nowhere", []string{"No room or playing character"}},
		{"admin slay nurse", []string{"You unmake a night nurse."}},
	}
	for _, tt := range tests {
		wantContains(t, alice.do(tt.line), tt.want...)
	}
	if n := total(tw.npcsOf("ghoul")) + total(tw.npcsOf("nurse")); n != 0 {
		t.Fatalf("%d NPCs left after slaying", n)
	}
	tw.after(respawnPassive)
	if got := tw.npcsOf("nurse"); got["cellar"] != 1 {
		t.Fatalf("slain nurse did not respawn: %v", got)
	}
	if got := tw.npcsOf("ghoul"); len(got) != 0 {
		t.Fatalf("an admin's ghoul respawned: %v", got)
	}
	wantContains(t, bob.do("admin spawn ghoul"), "You grope for the meaning")
}

func TestNPCSnapshot(t *testing.T) {
	tw := newNPCWorld(t, spawnOf("rat", 5, "cellar"))
	tw.after(time.Second) // past the snapshot interval
	s := tw.Snapshot()
	if s.NPCs.Population != 5 || s.NPCs.Due != 5 || s.NPCs.Scheduled != 5 {
		t.Fatalf("snapshot NPCs %+v, want 5 alive, 5 due, 5 wanders queued", s.NPCs)
	}
}

func TestNPCsInGMCP(t *testing.T) {
	tw := newNPCWorld(t, spawnOf("ghoul", 1, "hall"), spawnOf("rat", 1, "cellar"))
	tw.cacheRooms(t, "ward", "cellar")
	tw.tick()
	conn := &dataConn{}
	p := &player{t: t, conn: &conn.testConn, sess: tw.Accept(conn)}
	for _, line := range []string{"Alice", "y", "secret1", "secret1", "k"} {
		p.do(line)
	}
	p.do("north")
	wantContains(t, conn.takeData(), `Char.Items.List {"location":"room","items":[`, `{"id":"npc1","name":"a ghoul","attrib":"mx"}`)
	p.do("south")
	conn.takeData()
	for i := 0; i < 50 && tw.npcsOf("rat")["ward"] == 0; i++ {
		tw.after(10 * time.Second)
	}
	wantContains(t, conn.takeData(), `Char.Items.Add {"location":"room","item":{"id":"npc2","name":"a fat rat","attrib":"m"}}`)
}

func TestHallucinationConjuresPhantom(t *testing.T) {
	tw := newNPCWorld(t)
	alice := tw.create(t, "Alice")
	tw.setLucidity(t, "Alice", 10) // deranged: a hallucination check every 20 s
	var phantom string
	for i := 0; i < 200 && phantom == ""; i++ {
		tw.after(5 * time.Second)
		tw.onLoop(func() {
			if ph := tw.chars["alice"].phantom; ph != nil {
				phantom = ph.def.RoomText
			}
		})
	}
	if phantom == "" {
		t.Fatal("no phantom in 1,000 s of derangement")
	}
	wantContains(t, alice.do("look"), phantom)
}

func TestNPCWords(t *testing.T) {
	tests := []struct{ in, the string }{
		{"a ghoul", "The ghoul"},
		{"an Arkham patrolman", "The Arkham patrolman"},
		{"the thing in the tunnels", "The thing in the tunnels"},
		{"Doctor Hardstrom", "Doctor Hardstrom"},
		{"a", "A"},
	}
	for _, tt := range tests {
		if got := theName(tt.in); got != tt.the {
			t.Errorf("theName(%q) = %q, want %q", tt.in, got, tt.the)
		}
	}
	def := &npcDef{NPCDef: store.NPCDef{DP: 10}}
	for dp, want := range map[int]string{10: "Unhurt", 5: "Wounded.", 4: "Badly hurt.", -3: "Badly hurt."} {
		if got := npcCondition(&NPC{def: def, DP: dp}); !strings.HasPrefix(got, want) {
			t.Errorf("condition at %d DP of 10 = %q, want %q", dp, got, want)
		}
	}
}

// TestNPCsWhileTheStoreStalls holds the store writer while NPCs spawn,
// wander into a player's room and cost lucidity, and are slain and
// respawn: none of it waits on the store, and the changes land once it
// resumes.
func TestNPCsWhileTheStoreStalls(t *testing.T) {
	tw := newNPCWorld(t, spawnOf("rat", 1, "cellar"))
	tw.cacheRooms(t, "ward", "cellar")
	alice := tw.create(t, "Alice")
	commits := tw.flush(t)
	resume := tw.db.Pause()
	defer resume()
	tw.tick()
	for i := 0; i < 50 && tw.npcsOf("rat")["ward"] == 0; i++ {
		tw.after(10 * time.Second)
	}
	wantContains(t, alice.conn.take(), "A fat rat arrives from below.")
	tw.onLoop(func() { tw.removeNPC(tw.npcsIn["ward"][0], "The rat is gone.", tw.cfg.Clock.Now()) })
	tw.after(respawnPassive)
	if n := total(tw.npcsOf("rat")); n != 1 {
		t.Fatalf("%d rats after the respawn delay with the store held, want 1", n)
	}
	if got := tw.db.Stats().Commits; got != commits {
		t.Errorf("commits went from %d to %d while held", commits, got)
	}
	resume()
	tw.flush(t)
	log, err := tw.db.LucidityLog(context.Background(), tw.character(t, "Alice").ID, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(log) != 1 || log[0].Reason != "encounter_disturbing" || log[0].Delta != -6 {
		t.Fatalf("stored lucidity log %+v, want one disturbing encounter of -6", log)
	}
}
