package world

import (
	"context"
	"strings"
	"testing"
	"time"

	"mythosd/store"
	"mythosd/world/bus"
)

// chatWorld is a test world with Alice and Bob in the ward, Carol in the
// hall (same sub-zone), and Dan in the street (another sub-zone).
func chatWorld(t *testing.T) (*testWorld, map[string]*player) {
	t.Helper()
	return chatWorldOn(t, newTestWorld(t, ""))
}

// chatWorldOverBus is chatWorld with chat travelling over an embedded NATS
// server, as in the server.
func chatWorldOverBus(t *testing.T) (*testWorld, map[string]*player) {
	t.Helper()
	bs, err := bus.Open(bus.Config{Node: "test"})
	if err != nil {
		t.Fatal(err)
	}
	tw := newTestWorldWith(t, "", func(c *Config) { c.Bus = busAdapter{bs} })
	t.Cleanup(func() { bs.Close() }) // after the world has stopped
	for _, s := range ChatSubjects() {
		if err := bs.Subscribe(s, tw.OnChat); err != nil {
			t.Fatal(err)
		}
	}
	if err := bs.Handle(WhisperSubjects(), tw.OnWhisper); err != nil {
		t.Fatal(err)
	}
	return chatWorldOn(t, tw)
}

func chatWorldOn(t *testing.T, tw *testWorld) (*testWorld, map[string]*player) {
	t.Helper()
	ps := map[string]*player{}
	for _, n := range []string{"Alice", "Bob", "Carol", "Dan"} {
		ps[n] = tw.create(t, n)
	}
	ps["Carol"].do("north")
	for _, dir := range []string{"north", "east", "north"} {
		ps["Dan"].do(dir)
	}
	tw.tick() // mute lists arrive
	tw.sync()
	for _, p := range ps {
		p.conn.take()
	}
	return tw, ps
}

func TestChatScopes(t *testing.T) {
	t.Run("in process", func(t *testing.T) { testChatScopes(t, chatWorld) })
	t.Run("over the bus", func(t *testing.T) { testChatScopes(t, chatWorldOverBus) })
}

// testChatScopes checks who hears each kind of chat. Over the bus a line
// reaches this node as one message, delivered to all its listeners in one
// go on the loop: once the expected listeners have it, the others never
// will.
func testChatScopes(t *testing.T, setup func(*testing.T) (*testWorld, map[string]*player)) {
	tw, ps := setup(t)
	tests := []struct {
		from, line, echo string
		heard            map[string]string // who hears what; the others hear nothing
	}{
		{"Alice", "say hello", `You say, "hello"`, map[string]string{"Bob": `Alice says, "hello"`}},
		{"Alice", "emote waves.", "Alice waves.", map[string]string{"Bob": "Alice waves."}},
		{"Alice", "pose The lamps gutter.", "The lamps gutter. (Alice)", map[string]string{"Bob": "The lamps gutter. (Alice)"}},
		{"Alice", "local anyone near?", "[Local] You: anyone near?", map[string]string{"Bob": "[Local] Alice: anyone near?", "Carol": "[Local] Alice: anyone near?"}},
		{"Alice", "global all of Arkham", "[Global] You: all of Arkham", map[string]string{"Bob": "[Global] Alice: all of Arkham", "Carol": "[Global] Alice: all of Arkham", "Dan": "[Global] Alice: all of Arkham"}},
		{"Alice", "whisper dan psst", `You whisper to Dan, "psst"`, map[string]string{"Dan": `Alice whispers to you, "psst"`}},
		{"Dan", "reply what?", `You whisper to Alice, "what?"`, map[string]string{"Alice": `Dan whispers to you, "what?"`}},
		{"Alice", "whisper nobody hi", "No one called Nobody is awake.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			wantContains(t, ps[tt.from].do(tt.line), tt.echo)
			got := map[string]string{}
			for name, want := range tt.heard {
				p := ps[name]
				tw.waitFor(t, func() bool { got[name] += p.conn.take(); return strings.Contains(got[name], want) })
			}
			for name, p := range ps {
				if name == tt.from {
					continue
				}
				got := got[name] + p.conn.take()
				if want, ok := tt.heard[name]; ok {
					wantContains(t, got, want)
				} else if got != "" {
					t.Errorf("%s heard %q", name, got)
				}
			}
		})
	}
}

func TestChannelsOnOff(t *testing.T) {
	_, ps := chatWorld(t)
	wantContains(t, ps["Bob"].do("channels"), "global   on", "system   on (always)")
	wantContains(t, ps["Bob"].do("channels off global"), "Channel global is now off")
	ps["Alice"].do("global anyone?")
	if got := ps["Bob"].conn.take(); got != "" {
		t.Errorf("Bob heard global with the channel off: %q", got)
	}
	wantContains(t, ps["Carol"].conn.take(), "anyone?")
	wantContains(t, ps["Bob"].do("global me too"), "channel is off")
	wantContains(t, ps["Bob"].do("channels on global"), "now on")
	ps["Alice"].do("global again")
	wantContains(t, ps["Bob"].conn.take(), "again")
	wantContains(t, ps["Bob"].do("channels off nonsense"), "Usage")
}

func TestMutes(t *testing.T) {
	tw, ps := chatWorld(t)
	alice, bob := ps["Alice"], ps["Bob"]
	wantContains(t, bob.do("mute alice 10"), "Alice is muted for you, for 10m")
	alice.do("say can you hear me")
	if got := bob.conn.take(); got != "" {
		t.Errorf("Bob heard muted Alice: %q", got)
	}
	wantContains(t, bob.do("mutes"), "Alice (10m left)")
	wantContains(t, alice.do("whisper bob psst"), "You whisper to Bob") // not told of the mute
	if got := bob.conn.take(); got != "" {
		t.Errorf("Bob got a whisper from muted Alice: %q", got)
	}
	tw.clock.advance(11 * time.Minute)
	alice.do("say and now")
	wantContains(t, bob.conn.take(), "and now")
	bob.do("mute alice")
	wantContains(t, bob.do("unmute alice"), "can be heard by you again")
	alice.do("say back")
	wantContains(t, bob.conn.take(), "back")
	wantContains(t, bob.do("unmute alice"), "had not muted")
	wantContains(t, bob.do("mute bob"), "cannot mute")
	wantContains(t, bob.do("mute global alice"), "Only the keepers")
}

func TestMutesSurviveRestartAndCacheExpiry(t *testing.T) {
	dir := t.TempDir()
	tw := newTestWorld(t, dir)
	tw.create(t, "Alice")
	bob := tw.create(t, "Bob")
	bob.do("mute alice")
	tw.stop()
	again := newTestWorld(t, dir)
	alice, _ := again.login(t, "Alice", "secret1")
	bob, _ = again.login(t, "Bob", "secret1")
	bob.conn.take()
	alice.do("say hello")
	if got := bob.conn.take(); got != "" {
		t.Errorf("mute lost over a restart: Bob heard %q", got)
	}
	again.onLoop(func() { again.mutes.items.Flush() }) // every list expires
	again.clock.advance(2 * time.Minute)
	again.tick() // the minute's scan queues Bob's list and loads it in a batch
	again.waitFor(t, func() bool { _, ok := again.mutes.items.Get(ownerKey(again.chars["bob"].ID)); return ok })
	alice.do("say again")
	if got := bob.conn.take(); got != "" {
		t.Errorf("after the cache expired, Bob heard %q", got)
	}
	if again.mutes.loads.Load() < 2 {
		t.Errorf("%d batch loads, want the list reloaded", again.mutes.loads.Load())
	}
}

// TestMuteListQueuedDuringALoad: a list queued while a batch load is in
// flight is loaded when that load ends, not left for a tick that may not
// come soon.
func TestMuteListQueuedDuringALoad(t *testing.T) {
	tw := newTestWorld(t, "")
	tw.create(t, "Alice")
	bob := tw.create(t, "Bob")
	bob.do("mute alice")
	var id int64
	tw.onLoop(func() {
		id = tw.chars["bob"].ID
		tw.mutes.items.Flush()
		tw.mutes.loading = true // as if a load had started before Bob's list was queued
		tw.mutes.need(id)
	})
	tw.mutes.load(context.Background(), []int64{store.GlobalMuteOwner}, tw.clock.Now())
	tw.waitFor(t, func() bool { _, ok := tw.mutes.items.Get(ownerKey(id)); return ok })
	var mutes []store.Mute
	tw.onLoop(func() { mutes, _ = tw.mutes.list(id) })
	if len(mutes) != 1 || mutes[0].Name != "Alice" {
		t.Errorf("Bob's list after the chained load: %+v", mutes)
	}
}

func TestGlobalMutesAndAdmins(t *testing.T) {
	tw, ps := chatWorld(t)
	tw.onLoop(func() {
		tw.chars["carol"].Admin = true
		tw.chars["dan"].Admin = true
	})
	carol := ps["Carol"]
	wantContains(t, carol.do("mute global alice 5"), "Alice is muted for everyone, for 5m")
	ps["Alice"].do("global hear me")
	if got := ps["Bob"].conn.take(); got != "" {
		t.Errorf("Bob heard globally muted Alice: %q", got)
	}
	wantContains(t, ps["Dan"].conn.take(), "hear me") // admins still hear
	wantContains(t, carol.conn.take(), "hear me")
	wantContains(t, ps["Bob"].do("mute carol"), "admins cannot be muted")
	carol.do("global from the keepers")
	wantContains(t, ps["Bob"].conn.take(), "from the keepers")
	wantContains(t, carol.do("mutes"), "Muted for everyone: Alice (5m left)")
	wantContains(t, carol.do("system The gates close at midnight."), "[System] The gates close")
	wantContains(t, ps["Bob"].conn.take(), "[System] The gates close at midnight.")
	wantContains(t, ps["Bob"].do("system hi"), "grope for the meaning")
	wantContains(t, carol.do("unmute global alice"), "can be heard by everyone again")
}

func TestChatLimits(t *testing.T) {
	tw, ps := chatWorld(t)
	alice := ps["Alice"]
	tests := []struct {
		line string
		n    int // allowed in one minute
	}{{"global g", 10}, {"local l", 20}, {"say s", 15}, {"whisper bob w", 5}}
	for _, tt := range tests {
		for i := range tt.n {
			if got := alice.do(tt.line); strings.Contains(got, "too fast") {
				t.Fatalf("%q refused at message %d of %d", tt.line, i+1, tt.n)
			}
		}
		wantContains(t, alice.do(tt.line), "too fast", "wait")
	}
	tw.clock.advance(time.Minute)
	wantContains(t, alice.do("global again"), "[Global] You: again")
	wantContains(t, alice.do("say "+strings.Repeat("x", 501)), "500 characters at most")
	wantContains(t, alice.do("global"), "Global what?")
}

func TestDerangedCannotShoutAndWhispersStrain(t *testing.T) {
	tw, ps := chatWorld(t)
	tw.setLucidity(t, "Alice", 10)
	wantContains(t, ps["Alice"].do("global help"), "only a giggle")
	tw.setLucidity(t, "Alice", 50)
	ps["Alice"].do("whisper bob careful")
	wantContains(t, ps["Bob"].conn.take(), "[strained] careful")
}

// TestMuteSilencesEveryCharacterOfTheAccount: a mute of one character
// silences the others of its account, so playing another is no way past
// it; a mute lifted lifts it for all of them.
func TestMuteSilencesEveryCharacterOfTheAccount(t *testing.T) {
	tw := newTestWorld(t, "")
	alice := tw.create(t, "Alice")
	alice.do("characters new Bertha")
	alice.do("quit")
	tw.tick()
	carol := tw.create(t, "Carol")
	bertha, _ := tw.login(t, "Bertha", "secret1")
	wantContains(t, carol.do("mute bertha"), "Bertha")
	carol.conn.take()
	bertha.do("say hello")
	bertha.do("quit")
	tw.tick()
	alice, _ = tw.login(t, "Alice", "secret1") // the account's name: the menu
	wantContains(t, alice.do("Alice"), "Welcome to Arkham, Alice.")
	carol.conn.take()
	alice.do("say it is me again")
	alice.do("global and here")
	if got := carol.conn.take(); strings.Contains(got, "hello") || strings.Contains(got, "again") || strings.Contains(got, "and here") {
		t.Errorf("Carol heard the muted account: %q", got)
	}
	wantContains(t, carol.do("unmute bertha"), "Bertha")
	carol.conn.take()
	alice.do("say heard now")
	wantContains(t, carol.conn.take(), "heard now")
}

// TestMuteOutlivesTheDeletedCharacter: deleting a muted character frees
// its name (whoever takes it next is heard) but not its account, whose
// other characters stay muted until the mute is lifted by the old name.
func TestMuteOutlivesTheDeletedCharacter(t *testing.T) {
	tw := newTestWorld(t, "")
	alice := tw.create(t, "Alice")
	alice.do("characters new Bertha")
	alice.do("quit")
	tw.tick()
	carol := tw.create(t, "Carol")
	wantContains(t, carol.do("mute bertha"), "Bertha")
	menu, _ := tw.login(t, "Alice", "secret1")
	menu.do("delete bertha")
	menu.do("Bertha")
	wantContains(t, menu.do("secret1"), "Bertha is gone")
	wantContains(t, menu.do("Alice"), "Welcome to Arkham, Alice.")
	carol.conn.take()
	menu.do("say still me")
	if got := carol.conn.take(); strings.Contains(got, "still me") {
		t.Errorf("Carol heard the deleted character's account: %q", got)
	}
	wantContains(t, carol.do("mutes"), "Bertha (gone; their other characters stay muted)")
	stranger := tw.create(t, "Bertha")
	carol.conn.take()
	stranger.do("say a new voice")
	wantContains(t, carol.conn.take(), "a new voice")
	wantContains(t, carol.do("unmute bertha"), "Bertha")
	carol.conn.take()
	menu.do("say heard again")
	wantContains(t, carol.conn.take(), "heard again")
}
