package world

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestFluxPassCommitsOncePerChangingPass runs passes over many characters:
// a pass that changed something commits exactly one transaction, a pass
// that changed nothing commits none.
func TestFluxPassCommitsOncePerChangingPass(t *testing.T) {
	tw := newTestWorld(t, "")
	for i := range 20 {
		tw.create(t, fmt.Sprintf("Sleeper%c", 'a'+i))
	}
	tw.tick()
	before := tw.flush(t)
	tw.fluxTick() // the sanitarium drains 0.5 from everyone
	if got := tw.flush(t) - before; got != 1 {
		t.Fatalf("a pass over 20 changed characters made %d commits, want 1", got)
	}
	if s := tw.flux; s.Characters != 20 {
		t.Errorf("pass evaluated %d characters, want 20", s.Characters)
	}
	tw.clock.advance(2 * time.Hour) // nobody has typed for two hours: nobody is active
	tw.tick()
	tw.fluxTick()
	if got := tw.flush(t) - before; got != 1 {
		t.Errorf("passes that changed nothing committed: %d commits in all, want 1", got)
	}
}

// TestFluxFollowsTheRules walks one character through the sanitarium drain
// into a new tier and checks message, liability, residual and log.
func TestFluxFollowsTheRules(t *testing.T) {
	tw := newTestWorld(t, "")
	alice := tw.create(t, "Alice")
	tw.setLucidity(t, "Alice", 70)
	alice.conn.take()
	tw.fluxTick()
	if c := tw.character(t, "Alice"); c.Lucidity != 70 || c.residual != -500 {
		t.Fatalf("after one pass: %d, residual %d; want 70, -500", c.Lucidity, c.residual)
	}
	tw.fluxTick()
	if c := tw.character(t, "Alice"); c.Lucidity != 69 || c.residual != 0 {
		t.Fatalf("after two passes: %d, residual %d; want 69, 0", c.Lucidity, c.residual)
	}
	wantContains(t, alice.conn.take(), "You feel uneasy.")
	wantContains(t, alice.do("status"), "Lucidity:  69 (uneasy)", "Burdens:   jumpy")
	tw.flush(t)
	log, err := tw.db.LucidityLog(context.Background(), tw.character(t, "Alice").ID, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(log) < 2 || log[0].Reason != reasonFlux || log[0].Delta != -1 || log[1].Reason != reasonAdmin {
		t.Errorf("lucidity log: %+v", log)
	}
}

// TestFluxOverStalledStore holds the store writer: flux passes and ticks go
// on, and the held changes commit afterwards and survive a restart.
func TestFluxOverStalledStore(t *testing.T) {
	dir := t.TempDir()
	tw := newTestWorld(t, dir)
	alice := tw.create(t, "Alice")
	tw.tick()
	commits := tw.flush(t)
	resume := tw.db.Pause()
	for range 3 {
		tw.fluxTick()
		wantContains(t, alice.do("look"), "Ward")
	}
	if tw.flux.Passes != 3 {
		t.Errorf("%d passes ran while the store was held, want 3", tw.flux.Passes)
	}
	if got := tw.db.Stats().Commits; got != commits {
		t.Errorf("commits went from %d to %d while held", commits, got)
	}
	resume()
	if got := tw.flush(t) - commits; got != 1 {
		t.Errorf("held changes committed in %d transactions, want 1", got)
	}
	tw.stop()
	again := newTestWorld(t, dir)
	again.login(t, "Alice", "secret1")
	if c := again.character(t, "Alice"); c.Lucidity != 99 || c.residual != -500 {
		t.Errorf("after restart: %d, residual %d; want 99, -500", c.Lucidity, c.residual)
	}
}

func TestCompanionsAndEnvironments(t *testing.T) {
	tw := newTestWorld(t, "")
	alice, bob := tw.create(t, "Alice"), tw.create(t, "Bob")
	for _, p := range []*player{alice, bob} {
		p.do("north")
		p.do("east")
		p.do("north") // the street: street_paved, +0.2 by day, 0 by night
	}
	tw.onLoop(func() { tw.World.clock.set(tw.cfg.Clock.Now(), time.Date(1926, 10, 1, 12, 0, 0, 0, time.UTC)) })
	tw.setLucidity(t, "Alice", 50)
	tw.setLucidity(t, "Bob", 50)
	tw.fluxTick() // day: +0.2 street, +0.1 one steady companion
	if c := tw.character(t, "Alice"); c.residual != 300 {
		t.Errorf("by day with a companion: residual %d, want 300", c.residual)
	}
	tw.setLucidity(t, "Bob", 10) // deranged: the companion now costs 0.2
	tw.fluxTick()
	if c := tw.character(t, "Alice"); c.residual != 300 {
		t.Errorf("with a deranged companion: residual %d, want 300 (+0.2 - 0.2)", c.residual)
	}
	tw.onLoop(func() { tw.World.clock.set(tw.cfg.Clock.Now(), time.Date(1926, 10, 1, 23, 0, 0, 0, time.UTC)) })
	tw.fluxTick() // night: 0, and -0.2 for deranged Bob
	if c := tw.character(t, "Alice"); c.residual != 100 {
		t.Errorf("by night with a deranged companion: residual %d, want 100", c.residual)
	}
}

func TestRitualsAndCooldowns(t *testing.T) {
	dir := t.TempDir()
	tw := newTestWorld(t, dir)
	alice := tw.create(t, "Alice")
	tw.setLucidity(t, "Alice", 40)
	tests := []struct {
		line string
		want string
		lcd  int
	}{
		{"pray", "You bow your head", 48},
		{"pray", "wait 15m", 48},
		{"meditate", "breathe slowly", 54},
		{"solace", "no one here", 54},
		{"therapy", "patient doctor", 69},
		{"tonic", "bitter", 72},
		{"folk_tonic", "wait 30m", 72},
	}
	for _, tt := range tests {
		wantContains(t, alice.do(tt.line), tt.want)
		if c := tw.character(t, "Alice"); c.Lucidity != tt.lcd {
			t.Errorf("after %q: lucidity %d, want %d", tt.line, c.Lucidity, tt.lcd)
		}
	}
	wantContains(t, alice.do("status"), "pray in 15m", "therapy in 12h 0m", "group_solace ready")
	tw.clock.advance(15 * time.Minute)
	wantContains(t, alice.do("status"), "pray ready", "meditate ready", "therapy in 11h 45m")
	tw.stop()
	again := newTestWorld(t, dir)
	again.clock.advance(15 * time.Minute)
	p, _ := again.login(t, "Alice", "secret1")
	wantContains(t, p.do("status"), "therapy in 11h 45m", "folk_tonic in 15m")
}

func TestGroupSolaceNeedsCompany(t *testing.T) {
	tw := newTestWorld(t, "")
	alice, bob := tw.create(t, "Alice"), tw.create(t, "Bob")
	tw.setLucidity(t, "Alice", 50)
	bob.conn.take()
	wantContains(t, alice.do("group_solace"), "less alone")
	wantContains(t, bob.conn.take(), "Alice reaches out")
	if c := tw.character(t, "Alice"); c.Lucidity != 54 {
		t.Errorf("lucidity %d after solace, want 54", c.Lucidity)
	}
}

func TestEncountersFirstRepeatAcclimated(t *testing.T) {
	tw := newTestWorld(t, "")
	alice := tw.create(t, "Alice")
	for _, dir := range []string{"north", "east", "north"} {
		alice.do(dir)
	}
	want := []int{88, 83, 78, 73, 68, 63, 61, 59} // -12 first, -5 repeat, -2 once acclimated (6 before)
	for i, lcd := range want {
		got := alice.do("down")
		if i == 0 {
			wantContains(t, got, "Crypt", "no right to exist")
		}
		if c := tw.character(t, "Alice"); c.Lucidity != lcd {
			t.Fatalf("encounter %d: lucidity %d, want %d", i+1, c.Lucidity, lcd)
		}
		alice.do("up")
	}
	wantContains(t, alice.do("status"), "jumpy")
}

func TestCatatonicOnlyQuitAndHelpAndGround(t *testing.T) {
	tw := newTestWorld(t, "")
	alice, bob := tw.create(t, "Alice"), tw.create(t, "Bob")
	tw.setLucidity(t, "Alice", 0)
	wantContains(t, alice.conn.take(), "catatonic")
	for _, line := range []string{"look", "north", "say help", "pray"} {
		wantContains(t, alice.do(line), "Only \"quit\" and \"help\"")
	}
	wantContains(t, alice.do("help"), "Commands:")
	wantContains(t, bob.do("ground bob"), "You see no")
	wantContains(t, bob.do("ground ali"), "talk them slowly back")
	if c := tw.character(t, "Alice"); c.Lucidity != 1 {
		t.Errorf("grounded lucidity %d, want 1", c.Lucidity)
	}
	wantContains(t, bob.do("ground alice"), "not lost so far")
}

func TestDeliriumAndCommitment(t *testing.T) {
	tw := newTestWorld(t, "")
	alice := tw.create(t, "Alice")
	alice.do("north")
	tw.setLucidity(t, "Alice", 5)
	tw.setLucidity(t, "Alice", -10)
	wantContains(t, alice.conn.take(), "delirium")
	wantContains(t, alice.do("status"), "Only \"quit\" and \"help\"")
	tw.clock.advance(29 * time.Second)
	tw.tick()
	if c := tw.character(t, "Alice"); c.Lucidity != -10 {
		t.Fatalf("woke too early: %d", c.Lucidity)
	}
	tw.clock.advance(2 * time.Second)
	tw.tick()
	c := tw.character(t, "Alice")
	if c.Lucidity != 10 || c.RoomID != "ward" {
		t.Fatalf("after delirium: lucidity %d in %s; want 10 in ward", c.Lucidity, c.RoomID)
	}
	wantContains(t, alice.conn.take(), "sanitarium bed", "Ward")
	alice.do("north")
	tw.setLucidity(t, "Alice", -100)
	c = tw.character(t, "Alice")
	if c.Lucidity != 1 || c.RoomID != "ward" {
		t.Fatalf("after commitment: lucidity %d in %s; want 1 in ward", c.Lucidity, c.RoomID)
	}
	wantContains(t, alice.do("status"), "institutional dread")
}

// TestTierEffectRates checks each tier's chances with the seeded source:
// misfires of commands and timed hallucinations come up at their rates.
func TestTierEffectRates(t *testing.T) {
	tests := []struct {
		lcd            int
		misfireLo, hi  int // misfires out of 1000 looks
		hallLo, hallHi int // hallucinations out of 400 checks
	}{
		{80, 0, 0, 0, 0},
		{30, 70, 130, 70, 130},   // fractured: 10%, 25%
		{10, 210, 290, 145, 215}, // deranged: 25%, 45%
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.lcd), func(t *testing.T) {
			tw := newTestWorld(t, "")
			alice := tw.create(t, "Alice")
			alice.do("down") // the cellar: no way to misfire into, but up
			tw.setLucidity(t, "Alice", tt.lcd)
			misfires := 0
			for range 1000 {
				if strings.Contains(alice.do("look"), "skitters away") {
					misfires++
				}
			}
			if misfires < tt.misfireLo || misfires > tt.hi {
				t.Errorf("%d misfires in 1000, want %d..%d", misfires, tt.misfireLo, tt.hi)
			}
			alice.conn.take()
			tw.onLoop(func() { tw.touch(tw.chars["alice"], tw.cfg.Clock.Now()) })
			hallucinations := 0
			for range 400 {
				tw.clock.advance(30 * time.Second)
				tw.tick()
				got := alice.conn.take()
				hallucinations += strings.Count(got, "whispers close") + strings.Count(got, "You glimpse")
				tw.setLucidity(t, "Alice", tt.lcd) // the cellar drains; hold the tier
				alice.conn.take()
			}
			if hallucinations < tt.hallLo || hallucinations > tt.hallHi {
				t.Errorf("%d hallucinations in 400 checks, want %d..%d", hallucinations, tt.hallLo, tt.hallHi)
			}
		})
	}
}

func TestChatDistortions(t *testing.T) {
	tw := newTestWorld(t, "")
	alice, bob := tw.create(t, "Alice"), tw.create(t, "Bob")
	tw.setLucidity(t, "Bob", 30) // fractured listener: 30% lose punctuation
	bob.conn.take()
	stripped := 0
	for range 500 {
		tw.clock.advance(4 * time.Second) // say allows 15 a minute
		alice.do("say Hello, there!")
		if strings.Contains(bob.conn.take(), `says, "Hello there"`) {
			stripped++
		}
	}
	if stripped < 110 || stripped > 190 {
		t.Errorf("%d of 500 lost their punctuation, want about 150", stripped)
	}
	tw.setLucidity(t, "Alice", 30) // fractured speaker: 20% get glyphs
	glyphed := 0
	for range 500 {
		tw.clock.advance(4 * time.Second)
		if !strings.Contains(alice.do("say plain words here"), `"plain words here"`) {
			glyphed++
		}
	}
	if glyphed < 65 || glyphed > 135 {
		t.Errorf("%d of 500 got glyphs, want about 100", glyphed)
	}
}

func TestUneasyHallucinationOnEntry(t *testing.T) {
	tw := newTestWorld(t, "")
	alice := tw.create(t, "Alice")
	tw.setLucidity(t, "Alice", 50)
	phantoms := 0
	for range 250 {
		for _, dir := range []string{"north", "south"} {
			if strings.Contains(alice.do(dir), "Also here:") {
				phantoms++
			}
		}
		tw.setLucidity(t, "Alice", 50)
	}
	if phantoms < 30 || phantoms > 70 {
		t.Errorf("%d phantoms in 500 entries, want about 50", phantoms)
	}
}

func TestWorldClockAndAdmin(t *testing.T) {
	dir := t.TempDir()
	tw := newTestWorld(t, dir)
	alice := tw.create(t, "Alice")
	wantContains(t, alice.do("time"), "8:00 am", "October 1, 1926", "morning")
	tw.clock.advance(15 * time.Second)
	wantContains(t, alice.do("time"), "8:01 am")
	wantContains(t, alice.do("admin flux"), "grope for the meaning")
	alice.do("quit")
	if err := tw.db.SetAdmin(context.Background(), "alice", true); err != nil {
		t.Fatal(err)
	}
	tw.tick()
	tw.flush(t)
	admin, _ := tw.login(t, "Alice", "secret1")
	wantContains(t, admin.do("admin time 23:30"), "23:30 (night)")
	wantContains(t, admin.do("time"), "11:30 pm", "night holds Arkham")
	wantContains(t, admin.do("admin flux"), "1 active characters evaluated")
	wantContains(t, admin.do("admin setlucidity alice 35"), "now 35 (fractured)")
	wantContains(t, admin.do("admin setlucidity nobody 35"), "no such character")
	tw.tick()
	tw.stop()
	again := newTestWorld(t, dir) // the world time was saved with the last batch
	p, _ := again.login(t, "Alice", "secret1")
	wantContains(t, p.do("time"), "11:30 pm")
}
