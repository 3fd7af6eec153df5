package world

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"mythosd/world/netcore"

	"mythosd/store"
	"mythosd/world/ansi"
)

// fakeClock is a clock the test moves by hand; its tickers fire when the
// test calls tick.
type fakeClock struct {
	mu     sync.Mutex
	now    time.Time
	ticker *fakeTicker
	timers []*fakeTimer // waiting, fired by advance
}

// fakeTimer fires when advance moves the clock past its time.
type fakeTimer struct {
	c  chan time.Time
	at time.Time
}

func (t *fakeTimer) C() <-chan time.Time { return t.c }
func (t *fakeTimer) Stop()               {}

type fakeTicker struct{ c chan time.Time }

func (t *fakeTicker) C() <-chan time.Time { return t.c }
func (t *fakeTicker) Stop()               {}

func newFakeClock() *fakeClock {
	return &fakeClock{now: time.Date(1926, 10, 31, 21, 0, 0, 0, time.UTC), ticker: &fakeTicker{c: make(chan time.Time)}}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) NewTicker(time.Duration) Ticker { return c.ticker }

// NewTimer returns a timer that advance fires once the clock reaches it.
func (c *fakeClock) NewTimer(d time.Duration) Timer {
	c.mu.Lock()
	defer c.mu.Unlock()
	t := &fakeTimer{c: make(chan time.Time, 1), at: c.now.Add(d)}
	if d <= 0 {
		t.c <- c.now
		return t
	}
	c.timers = append(c.timers, t)
	return t
}

// timersWaiting counts the timers not fired yet.
func (c *fakeClock) timersWaiting() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.timers)
}

func (c *fakeClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
	kept := c.timers[:0]
	for _, t := range c.timers {
		if c.now.Before(t.at) {
			kept = append(kept, t)
			continue
		}
		t.c <- c.now
	}
	c.timers = kept
}

// tick fires one tick and returns once the loop has taken it (not done it).
func (c *fakeClock) tick() { c.ticker.c <- c.Now() }

// testConn is a Conn that records what the world sends.
type testConn struct {
	mu       sync.Mutex
	out      strings.Builder
	all      *strings.Builder // when set, keeps everything, colour included
	raw      bool             // keep text as sent (benchmarks: no stripping)
	echo     bool
	closed   bool
	cause    netcore.Cause // why it was closed, the first time
	loggedIn bool          // LoggedIn was called
	width    int
	addr     string // the remote address; "test:1" when empty
}

func (c *testConn) Send(text string) bool   { return c.write(text) }
func (c *testConn) Prompt(text string) bool { return c.write(text) }

// write keeps what a client without colour would show: the text without
// its SGR sequences (all keeps everything, for the tests of colour).
func (c *testConn) write(text string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return false
	}
	if c.all != nil {
		c.all.WriteString(text)
	}
	if c.raw {
		c.out.WriteString(text)
	} else {
		c.out.WriteString(ansi.Strip(text))
	}
	return true
}

func (c *testConn) SetEcho(on bool) { c.mu.Lock(); c.echo = !on; c.mu.Unlock() }
func (c *testConn) Close(cause netcore.Cause) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.closed {
		c.closed, c.cause = true, cause
	}
}
func (c *testConn) LoggedIn() { c.mu.Lock(); c.loggedIn = true; c.mu.Unlock() }
func (c *testConn) Info() ConnInfo {
	addr := c.addr
	if addr == "" {
		addr = "test:1"
	}
	return ConnInfo{Transport: "test", RemoteAddr: addr, Width: c.width}
}

// take returns everything sent since the last take.
func (c *testConn) take() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	s := c.out.String()
	c.out.Reset()
	return s
}

func (c *testConn) isClosed() bool { c.mu.Lock(); defer c.mu.Unlock(); return c.closed }

// player is a test connection with its session.
type player struct {
	t    testing.TB
	conn *testConn
	sess LineHandler
}

// do types one line and returns what came back.
func (p *player) do(line string) string {
	p.t.Helper()
	p.sess.Line(line)
	return p.conn.take()
}

// testWorld is a running world on a real store in a temp dir.
type testWorld struct {
	*World
	db    *store.DB
	clock *fakeClock
	stop  func()
}

// testRooms is a small world: a sanitarium ward, a hall north of it, a
// garden east of the hall, a locked door west, a cellar below.
func testRooms() store.World {
	room := func(id, name string, exits ...store.Exit) store.Room {
		return store.Room{ID: id, Name: name, Description: "The " + name + " is quiet. Something watches.",
			Plane: "earth", Zone: "arkham", SubZone: "sanitarium", Exits: exits}
	}
	exit := func(dir, to string, flags ...string) store.Exit {
		return store.Exit{Direction: dir, Target: to, Flags: flags}
	}
	town := func(id, name, env, attrs string, exits ...store.Exit) store.Room {
		r := room(id, name, exits...)
		r.SubZone, r.Environment, r.Attributes = "downtown", env, attrs
		return r
	}
	withItems := func(r store.Room, attrs string) store.Room {
		r.Attributes = attrs
		return r
	}
	return store.World{
		Items: testProtos(),
		Zones: []store.Zone{
			{ID: "earth_arkham", Plane: "earth", Zone: "arkham", Name: "Arkham", Environment: "outdoors"},
			{ID: "earth_arkham_sanitarium", Plane: "earth", Zone: "arkham", SubZone: "sanitarium", Name: "Arkham Sanitarium", Environment: "indoors"},
			{ID: "earth_arkham_downtown", Plane: "earth", Zone: "arkham", SubZone: "downtown", Name: "Downtown", Environment: "street_paved"},
		},
		Rooms: []store.Room{
			withItems(room("ward", "Ward", exit("north", "hall"), exit("down", "cellar")), testWardItems),
			withItems(room("hall", "Hall", exit("south", "ward"), exit("east", "garden"), keyed(exit("west", "ward", store.ExitLocked), "key_west")), testHallItems),
			withItems(room("garden", "Garden", exit("west", "hall"), exit("north", "street")), testGardenItems),
			room("cellar", "Cellar", exit("up", "ward"), keyed(exit("east", "vault", store.ExitLocked), "key_west")),
			room("vault", "Vault", keyed(exit("west", "cellar", store.ExitLocked), "key_west")),
			town("street", "Street", "", "", exit("south", "garden"), exit("east", "church"), exit("down", "crypt"), exit("west", "still")),
			town("church", "Church", "sanctuary", "", exit("west", "street"), exit("east", "temple")),
			town("temple", "Temple", "temple", "", exit("west", "church")),
			town("crypt", "Crypt", "eldritch", `{"encounter":"horrific"}`, exit("up", "street")),
			town("still", "Still Room", "indoors", `{"lucidity_flux":0}`, exit("east", "street")),
		},
	}
}

// newTestWorld starts a world over a fresh store in dir (a new temp dir
// when dir is "").
func newTestWorld(t testing.TB, dir string) *testWorld {
	t.Helper()
	return newTestWorldWith(t, dir, nil)
}

// newTestWorldWith is newTestWorld with a last say on the configuration.
func newTestWorldWith(t testing.TB, dir string, adjust func(*Config)) *testWorld {
	t.Helper()
	return newTestWorldFrom(t, dir, testRooms(), adjust)
}

// newTestWorldFrom is newTestWorldWith over the world sw.
func newTestWorldFrom(t testing.TB, dir string, sw store.World, adjust func(*Config)) *testWorld {
	t.Helper()
	if dir == "" {
		dir = t.TempDir()
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	db, err := store.Open(filepath.Join(dir, "test.db"), log)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.ImportWorld(context.Background(), sw); err != nil {
		t.Fatal(err)
	}
	clock := newFakeClock()
	saved, err := db.MetaGet(context.Background(), MetaWorldTime())
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		t.Fatal(err)
	}
	worldTime, err := ParseWorldTime(saved)
	if err != nil {
		t.Fatal(err)
	}
	protos, err := db.ItemProtos(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	nextItem, err := db.NextItemID(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	cfg := Config{
		ItemProtos: protos, NextItemID: nextItem,
		WorldTime: worldTime,
		Store:     db, Clock: clock, Logger: log, Hasher: testHasher(), StartRoom: "ward",
		LoginDelay: time.Millisecond, Rand: rand.New(rand.NewPCG(1, 2)),
		CmdBurst: 1 << 20, // the clock stands still: tests of the command rate set their own
		Help: fstest.MapFS{
			"look.txt":  {Data: []byte("LOOK shows the room.\n")},
			"index.txt": {Data: []byte("Help index.\n")},
			"motd.txt":  {Data: []byte("Welcome to the test.\n")},
		},
	}
	if adjust != nil {
		adjust(&cfg)
	}
	w, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { w.Run(context.Background()); close(done) }()
	tw := &testWorld{World: w, db: db, clock: clock}
	var once sync.Once
	tw.stop = func() {
		once.Do(func() {
			if err := w.Shutdown(context.Background()); err != nil {
				t.Error(err)
			}
			<-done
			if err := db.Close(); err != nil {
				t.Error(err)
			}
		})
	}
	t.Cleanup(tw.stop)
	return tw
}

// tick fires one tick and returns once the loop has finished it.
func (tw *testWorld) tick() {
	tw.clock.tick()
	tw.sync()
}

// sync returns once the loop has handled everything sent to it before.
func (tw *testWorld) sync() {
	done := make(chan struct{})
	if tw.post(func() { close(done) }) {
		<-done
	}
}

// connect opens a session and returns the player at the name prompt.
func (tw *testWorld) connect(t testing.TB) *player {
	t.Helper()
	return tw.connectFrom(t, "")
}

// connectFrom is connect from the remote address addr ("host:port").
func (tw *testWorld) connectFrom(t testing.TB, addr string) *player {
	t.Helper()
	conn := &testConn{addr: addr}
	p := &player{t: t, conn: conn, sess: tw.Accept(conn)}
	if got := conn.take(); !strings.Contains(got, "name") {
		t.Fatalf("no name prompt: %q", got)
	}
	return p
}

// create makes a new character and returns its player in the world.
func (tw *testWorld) create(t testing.TB, name string) *player {
	t.Helper()
	return tw.createFrom(t, name, "")
}

// createFrom is create from the remote address addr.
func (tw *testWorld) createFrom(t testing.TB, name, addr string) *player {
	t.Helper()
	p := tw.connectFrom(t, addr)
	p.do(name)
	p.do("y")
	p.do("secret1")
	p.do("secret1") // the attributes on offer
	if got := p.do("k"); !strings.Contains(got, "Welcome") {
		t.Fatalf("%s did not enter the world: %q", name, got)
	}
	return p
}

// login logs an existing character in.
func (tw *testWorld) login(t testing.TB, name, password string) (*player, string) {
	t.Helper()
	p := tw.connect(t)
	p.do(name)
	return p, p.do(password)
}

// wantContains fails unless got contains every one of want.
func wantContains(t testing.TB, got string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("output lacks %q:\n%s", w, got)
		}
	}
}

// onLoop runs fn on the world loop and waits for it.
func (tw *testWorld) onLoop(fn func()) {
	done := make(chan struct{})
	if tw.post(func() { fn(); close(done) }) {
		<-done
	}
}

// character returns a copy of what the loop holds of the named character.
func (tw *testWorld) character(t testing.TB, name string) Character {
	t.Helper()
	var c Character
	found := false
	tw.onLoop(func() {
		if p := tw.chars[nameKey(name)]; p != nil {
			c, found = *p, true
		}
	})
	if !found {
		t.Fatalf("no character %s in the world", name)
	}
	return c
}

// setLucidity sets a character's lucidity as an admin would.
func (tw *testWorld) setLucidity(t testing.TB, name string, n int) {
	t.Helper()
	if err := tw.SetLucidity(context.Background(), name, n, "test"); err != nil {
		t.Fatal(err)
	}
}

// fluxTick moves the clock on by one flux interval and runs the tick that
// makes the pass.
func (tw *testWorld) fluxTick() {
	tw.clock.advance(tw.cfg.FluxEvery)
	tw.tick()
}

// waitFor polls cond on the loop until it holds, or fails after a while.
func (tw *testWorld) waitFor(t testing.TB, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		ok := false
		tw.onLoop(func() { ok = cond() })
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("condition not met in 10s")
		}
		time.Sleep(time.Millisecond)
	}
}

// flush waits for the store writer and returns its commit count.
func (tw *testWorld) flush(t testing.TB) uint64 {
	t.Helper()
	if err := tw.db.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	return tw.db.Stats().Commits
}
