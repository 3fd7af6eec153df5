package world

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"mythosd/world/netcore"
)

// syncBuffer is a log destination safe for concurrent writers.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string { b.mu.Lock(); defer b.mu.Unlock(); return b.buf.String() }

func TestGarbageBeforeLoginEndsTheConnection(t *testing.T) {
	tw := newTestWorld(t, "")
	tw.create(t, "Alice").do("quit")
	tests := []struct {
		name  string
		setup []string // lines that are fine
		bad   string   // repeated until the connection ends
	}{
		{"bad names", nil, "x1!"},
		{"empty lines", nil, ""},
		{"huge names", nil, strings.Repeat("z", 4000)},
		{"not y or n", []string{"Newcomer"}, "perhaps"},
		{"short passwords", []string{"Newcomer", "y"}, "abc"},
		{"binary", nil, "\x00\x01\ufffd\ufffd"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tw.connect(t)
			for _, l := range tt.setup {
				p.do(l)
			}
			for i := range maxWrongAnswers - 1 {
				p.do(tt.bad)
				if p.conn.isClosed() {
					t.Fatalf("closed after %d wrong answers", i+1)
				}
			}
			wantContains(t, p.do(tt.bad), "Too many answers")
			if !p.conn.isClosed() || p.conn.cause != netcore.CauseLoginFailed {
				t.Fatalf("not closed as a failed login: closed %v, cause %v", p.conn.isClosed(), p.conn.cause)
			}
			p.conn.closed = false // a transport may deliver lines read before the close
			for range 100 {
				if got := p.do(tt.bad); got != "" {
					t.Fatalf("answered after the end: %q", got)
				}
			}
		})
	}
}

func TestBackoffGrowsAndIsForgotten(t *testing.T) {
	clock := newFakeClock()
	g := newGuard(clock, time.Second)
	wants := []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second,
		16 * time.Second, 32 * time.Second, time.Minute, time.Minute}
	for i, want := range wants {
		g.failed("192.0.2.1", "Alice")
		if got := g.wait("192.0.2.1", "Bob"); got != want {
			t.Fatalf("after %d failures the address waits %v, want %v", i+1, got, want)
		}
		if got := g.wait("192.0.2.9", "alice"); got != want {
			t.Fatalf("after %d failures the account waits %v, want %v", i+1, got, want)
		}
	}
	if got := g.wait("192.0.2.9", "Bob"); got != 0 {
		t.Fatalf("an unrelated address and account wait %v", got)
	}
	clock.advance(time.Minute)
	if got := g.wait("192.0.2.1", "Alice"); got != 0 {
		t.Fatalf("still waiting %v once the back-off has passed", got)
	}
	g.failed("192.0.2.1", "Alice")
	if got := g.wait("192.0.2.1", ""); got != time.Minute {
		t.Fatalf("failures forgotten too soon: wait %v", got)
	}
	clock.advance(guardForget)
	g.failed("192.0.2.1", "Alice")
	if got := g.wait("192.0.2.1", ""); got != time.Second {
		t.Fatalf("failures not forgotten after %v: wait %v", guardForget, got)
	}
	g.succeeded("192.0.2.9", "alice")
	if got := g.wait("192.0.2.9", "Alice"); got != 0 {
		t.Fatalf("the account still waits %v after a right password", got)
	}
}

// TestGuessersCannotLockTheOwnerOut: guessers at other addresses back the
// account off, but not for the address its owner last logged in from.
func TestGuessersCannotLockTheOwnerOut(t *testing.T) {
	clock := newFakeClock()
	g := newGuard(clock, time.Second)
	const home, guesser, cafe = "192.0.2.1", "198.51.100.7", "203.0.113.5"
	g.succeeded(home, "Alice")
	for range 10 {
		g.failed(guesser, "Alice")
	}
	if got := g.wait(home, "alice"); got != 0 {
		t.Fatalf("the owner's own address waits %v for the guesser's failures", got)
	}
	if got := g.wait(cafe, "Alice"); got != time.Minute {
		t.Fatalf("a new address waits %v, want the account's back-off of %v", got, time.Minute)
	}
	if got := g.wait(guesser, "Alice"); got != time.Minute {
		t.Fatalf("the guesser waits %v, want %v", got, time.Minute)
	}
	g.failed(home, "Alice") // the owner mistypes: their address pays for itself
	if got := g.wait(home, "Alice"); got != time.Second {
		t.Fatalf("after its own failure the owner's address waits %v, want %v", got, time.Second)
	}
	clock.advance(guardTrust)
	g.summarize(slog.New(slog.DiscardHandler), clock.Now()) // sweeps
	for range 10 {
		g.failed(guesser, "Alice")
	}
	if got := g.wait(home, "Alice"); got != time.Minute {
		t.Fatalf("trust outlived %v: the old address waits %v", guardTrust, got)
	}
}

func TestAddrKey(t *testing.T) {
	tests := []struct{ remote, want string }{
		{"192.0.2.7:4000", "192.0.2.7"},
		{"[::ffff:192.0.2.7]:4000", "192.0.2.7"},
		{"[2001:db8:1:2:3:4:5:6]:22", "2001:db8:1:2::/64"},
		{"2001:db8:1:2:ffff::1", "2001:db8:1:2::/64"},
		{"test:1", "test:1"},
	}
	for _, tt := range tests {
		if got := addrKey(tt.remote); got != tt.want {
			t.Errorf("addrKey(%q) = %q, want %q", tt.remote, got, tt.want)
		}
	}
}

func TestBackedOffPasswordsAreNotChecked(t *testing.T) {
	tw := newTestWorld(t, "")
	tw.create(t, "Alice").do("quit")
	guesser := tw.connect(t)
	guesser.do("Alice")
	wantContains(t, guesser.do("wrong1"), "Wrong password")
	// The right password, at once: refused without a check, and said why.
	wantContains(t, guesser.do("secret1"), "wait 1 second")
	other := tw.connect(t)
	other.do("Alice")
	wantContains(t, other.do("secret1"), "wait 1 second")
	tw.clock.advance(time.Second)
	wantContains(t, other.do("secret1"), "Welcome")
	// SSH goes through the same guard.
	ctx := context.Background()
	if err := tw.CheckPassword(ctx, "192.0.2.1:22", "Alice", "nope"); !errors.Is(err, ErrBadLogin) {
		t.Fatalf("wrong password: %v", err)
	}
	if err := tw.CheckPassword(ctx, "192.0.2.1:23", "Alice", "secret1"); !errors.Is(err, ErrBackedOff) {
		t.Fatalf("right password while backed off: %v", err)
	}
	tw.clock.advance(time.Second)
	if err := tw.CheckPassword(ctx, "192.0.2.1:24", "Alice", "secret1"); err != nil {
		t.Fatalf("right password after the back-off: %v", err)
	}
}

func TestPasswordFailuresAreSummarised(t *testing.T) {
	var logs syncBuffer
	tw := newTestWorldWith(t, "", func(c *Config) { c.Logger = slog.New(slog.NewTextHandler(&logs, nil)) })
	tw.create(t, "Alice").do("quit")
	ctx := context.Background()
	for i, remote := range []string{"192.0.2.1:1", "192.0.2.1:2", "192.0.2.2:1"} {
		tw.clock.advance(5 * time.Second) // past the account's back-off
		if err := tw.CheckPassword(ctx, remote, "Alice", "guess"); !errors.Is(err, ErrBadLogin) {
			t.Fatalf("guess %d: %v", i, err)
		}
	}
	if err := tw.CheckPassword(ctx, "192.0.2.3:1", "Alice", "guess"); !errors.Is(err, ErrBackedOff) {
		t.Fatalf("guess while backed off: %v", err)
	}
	tw.tick()
	if strings.Contains(logs.String(), "password") {
		t.Fatalf("logged before the summary was due:\n%s", logs.String())
	}
	tw.clock.advance(guardSummary)
	tw.tick()
	got := logs.String()
	wantContains(t, got, `msg="password failures"`, "count=3", "refused_unchecked=1", `top_addresses="192.0.2.1=2 192.0.2.2=1"`, `top_accounts="alice=3"`)
	if n := strings.Count(got, "password failures"); n != 1 {
		t.Fatalf("%d summary lines, want 1:\n%s", n, got)
	}
	tw.clock.advance(guardSummary)
	tw.tick()
	if n := strings.Count(logs.String(), "password failures"); n != 1 {
		t.Fatalf("a summary without failures:\n%s", logs.String())
	}
}

func TestFairQueueServesAddressesInTurn(t *testing.T) {
	q := newFairQueue(1)
	ctx := context.Background()
	if err := q.acquire(ctx, "guesser"); err != nil {
		t.Fatal(err)
	}
	served := make(chan string, 10)
	var wg sync.WaitGroup
	enqueue := func(addr string, want int) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := q.acquire(ctx, addr); err == nil {
				served <- addr
			}
		}()
		waitUntil(t, func() bool { q.mu.Lock(); defer q.mu.Unlock(); return len(q.waiting[addr]) == want })
	}
	for i := range maxWaitingPerAddr {
		enqueue("guesser", i+1)
	}
	if err := q.acquire(ctx, "guesser"); !errors.Is(err, ErrHasherBusy) {
		t.Fatalf("one more waiter from the guesser: %v, want ErrHasherBusy", err)
	}
	enqueue("player", 1)
	var order []string
	for range maxWaitingPerAddr + 1 {
		q.release()
		order = append(order, <-served)
	}
	wg.Wait()
	if order[0] != "guesser" || order[1] != "player" {
		t.Fatalf("served in the order %v: the player should come second", order)
	}
	cctx, cancel := context.WithCancel(ctx)
	done := make(chan error)
	go func() { done <- q.acquire(cctx, "gone") }()
	waitUntil(t, func() bool { q.mu.Lock(); defer q.mu.Unlock(); return len(q.waiting["gone"]) == 1 })
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled wait: %v", err)
	}
	q.release()
	if err := q.acquire(ctx, "next"); err != nil {
		t.Fatalf("slot lost to a cancelled waiter: %v", err)
	}
}

// waitUntil polls cond until it holds, or fails after a while.
func waitUntil(t testing.TB, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met in 10s")
		}
		time.Sleep(time.Millisecond)
	}
}

func TestGuardStaysBounded(t *testing.T) {
	clock := newFakeClock()
	g := newGuard(clock, time.Second)
	g.maxKeys = 100
	for i := range g.maxKeys + 10 {
		g.failed(fmt.Sprintf("k%d", i), "")
	}
	if n := len(g.strikes); n != g.maxKeys {
		t.Fatalf("%d strikes held, want at most %d", n, g.maxKeys)
	}
	if g.wait("k1", "") == 0 {
		t.Fatal("a key held before the table filled lost its back-off")
	}
	clock.advance(guardForget)
	g.failed("late", "")
	if n := len(g.strikes); n != 1 || g.wait("late", "") == 0 {
		t.Fatalf("after the old failures were forgotten: %d strikes, late waits %v", n, g.wait("late", ""))
	}
}

func TestUnknownNamesCostTheAddressOnly(t *testing.T) {
	tw := newTestWorld(t, "")
	ctx := context.Background()
	if err := tw.CheckPassword(ctx, "192.0.2.1:22", "Nobody", "guess"); !errors.Is(err, ErrBadLogin) {
		t.Fatal(err)
	}
	if w := tw.guard.wait("192.0.2.2", "Nobody"); w != 0 {
		t.Fatalf("an unknown name is backed off %v", w)
	}
	if w := tw.guard.wait("192.0.2.1", ""); w == 0 {
		t.Fatal("the address is not backed off")
	}
}

func BenchmarkGuardWait(b *testing.B) {
	g := newGuard(newFakeClock(), time.Second)
	for i := range 1000 {
		g.failed(fmt.Sprintf("192.0.2.%d", i%250), fmt.Sprintf("name%d", i))
	}
	for b.Loop() {
		g.wait("198.51.100.1", "Alice")
	}
}

func BenchmarkFairQueue(b *testing.B) {
	q := newFairQueue(2)
	ctx := context.Background()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if err := q.acquire(ctx, "192.0.2.1"); err == nil {
				q.release()
			}
		}
	})
}
