package bus

import (
	"context"
	"slices"
	"sync"
	"testing"
	"time"
)

// collector gathers what a subscription receives.
type collector struct {
	mu   sync.Mutex
	msgs []string
	got  chan struct{}
}

func newCollector() *collector { return &collector{got: make(chan struct{}, 1000)} }

func (c *collector) take(subject string, data []byte) {
	c.mu.Lock()
	c.msgs = append(c.msgs, subject+" "+string(data))
	c.mu.Unlock()
	c.got <- struct{}{}
}

// wait waits for n messages or fails.
func (c *collector) wait(t testing.TB, n int) []string {
	t.Helper()
	for range n {
		select {
		case <-c.got:
		case <-time.After(10 * time.Second):
			t.Fatalf("waited for %d messages; have %v", n, c.msgs)
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Clone(c.msgs)
}

func openBus(t testing.TB, cfg Config) *Bus {
	t.Helper()
	b, err := Open(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	return b
}

func TestEmbeddedPublishSubscribe(t *testing.T) {
	b := openBus(t, Config{Node: "a"})
	c := newCollector()
	if err := b.Subscribe("chat.>", c.take); err != nil {
		t.Fatal(err)
	}
	b.nc.Flush()
	for _, s := range []string{"chat.global", "chat.say.room.hall", "other.thing"} {
		if !b.Publish(s, []byte("hi")) {
			t.Fatalf("publish %s refused", s)
		}
	}
	got := c.wait(t, 2)
	if !slices.Equal(got, []string{"chat.global hi", "chat.say.room.hall hi"}) {
		t.Errorf("received %v", got)
	}
	// The publisher counts a message after handing it on, which may be
	// after it has arrived: poll the counters.
	statsOK := func(s Stats) bool { return s.Connected && s.Embedded && s.Out == 3 && s.In == 2 }
	for deadline := time.Now().Add(10 * time.Second); !statsOK(b.Stats()) && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	if s := b.Stats(); !statsOK(s) {
		t.Errorf("stats %+v", s)
	}
	if b.ClientURL() != "" {
		t.Error("embedded server without -nats-listen has a client URL")
	}
}

func TestPublishNeverBlocks(t *testing.T) {
	b := &Bus{out: make(chan outgoing, 2), done: make(chan struct{}), log: openBus(t, Config{Node: "x"}).log}
	for i := range 5 {
		ok := b.Publish("s", nil)
		if want := i < 2; ok != want {
			t.Errorf("publish %d: %v, want %v", i, ok, want)
		}
	}
	if b.dropped.Load() != 3 {
		t.Errorf("dropped %d, want 3", b.dropped.Load())
	}
	close(b.done)
	if b.Publish("s", nil) {
		t.Error("publish after close accepted")
	}
}

func TestTwoNodesThroughListeningServer(t *testing.T) {
	a := openBus(t, Config{Node: "a", Listen: "127.0.0.1:0"})
	if a.ClientURL() == "" {
		t.Fatal("no client URL with a listen address")
	}
	b := openBus(t, Config{Node: "b", URLs: []string{a.ClientURL()}})
	c := newCollector()
	a.Subscribe("chat.global", c.take)
	a.nc.Flush()
	b.Publish("chat.global", []byte("from b"))
	if got := c.wait(t, 1); got[0] != "chat.global from b" {
		t.Errorf("got %v", got)
	}
}

func TestRequestAndGather(t *testing.T) {
	a := openBus(t, Config{Node: "a", Listen: "127.0.0.1:0"})
	b := openBus(t, Config{Node: "b", URLs: []string{a.ClientURL()}})
	for _, n := range []*Bus{a, b} {
		n.Handle("who", func(_ string, _ []byte) []byte { return []byte(n.Node()) })
	}
	a.Handle("whisper.*", func(subject string, _ []byte) []byte {
		if subject == "whisper.alice" {
			return []byte("ok")
		}
		return nil
	})
	a.nc.Flush()
	b.nc.Flush()
	ctx := context.Background()
	got, err := a.Gather(ctx, "who", nil, 300*time.Millisecond, 0)
	if err != nil {
		t.Fatal(err)
	}
	names := []string{}
	for _, g := range got {
		names = append(names, string(g))
	}
	slices.Sort(names)
	if !slices.Equal(names, []string{"a", "b"}) {
		t.Errorf("gathered %v", names)
	}
	start := time.Now()
	if got, _ := a.Gather(ctx, "who", nil, time.Minute, 2); len(got) != 2 {
		t.Errorf("gathered %d answers, want 2", len(got))
	}
	if time.Since(start) > 30*time.Second {
		t.Error("Gather with want 2 waited for its whole wait")
	}
	rctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	if ans, err := b.Request(rctx, "whisper.alice", nil); err != nil || string(ans) != "ok" {
		t.Errorf("request: %q %v", ans, err)
	}
	rctx2, cancel2 := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel2()
	if _, err := b.Request(rctx2, "whisper.nobody", nil); err != ErrNoAnswer {
		t.Errorf("request to nobody: %v, want ErrNoAnswer", err)
	}
}
