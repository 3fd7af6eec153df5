package netcore

import (
	"sync"
	"testing"

	"mythosd/world/netcore/nettest"
)

func TestOutboxBounds(t *testing.T) {
	tests := []struct {
		name     string
		maxItems int
		maxBytes int
		pushes   []int // sizes
		wantOK   int   // pushes accepted before the first refusal
	}{
		{"items", 2, 0, []int{1, 1, 1}, 2},
		{"bytes", 100, 10, []int{4, 4, 4}, 2},
		{"one too large", 100, 10, []int{11}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			full := 0
			q := NewOutbox[int](tt.maxItems, tt.maxBytes, func() { full++ }, nil)
			ok := 0
			for _, size := range tt.pushes {
				if !q.Push(size, size) {
					break
				}
				ok++
			}
			if ok != tt.wantOK || full != 1 {
				t.Fatalf("%d pushes accepted, onFull called %d times; want %d and 1", ok, full, tt.wantOK)
			}
			if _, state, _ := q.Next(nil, nil); state != Killed {
				t.Errorf("state %v after overflow, want Killed", state)
			}
			if q.Push(1, 1) {
				t.Error("Push accepted after overflow")
			}
		})
	}
}

// TestOutboxOnDemand checks that the runner starts with output, drains
// it all in order, ends when idle, and that Close flushes before it ends.
func TestOutboxOnDemand(t *testing.T) {
	var (
		mu      sync.Mutex
		got     []int
		runs    int
		closing bool
	)
	var q *Outbox[int]
	run := func() {
		mu.Lock()
		runs++
		mu.Unlock()
		for {
			items, state, ok := q.Next(nil, nil)
			if !ok {
				return
			}
			mu.Lock()
			got = append(got, items...)
			closing = state == Closing
			mu.Unlock()
			if state != Open {
				q.Finished()
				return
			}
		}
	}
	q = NewOutbox[int](1000, 0, nil, run)
	for i := range 100 {
		if !q.Push(i, 1) {
			t.Fatalf("push %d refused", i)
		}
	}
	nettest.WaitFor(t, "the first hundred", nettest.Until(func() bool {
		mu.Lock()
		defer mu.Unlock()
		return len(got) == 100
	}, nettest.ErrNotYet))
	q.Push(100, 1)
	q.Close()
	<-q.Done()
	mu.Lock()
	defer mu.Unlock()
	for i, v := range got {
		if v != i {
			t.Fatalf("item %d is %d: out of order", i, v)
		}
	}
	if len(got) != 101 || !closing || runs < 1 {
		t.Errorf("%d items, closing %v, %d runs", len(got), closing, runs)
	}
}

// TestOutboxWake checks that Wake starts the runner with nothing queued,
// that its Next then reports ok once, and that the runner ends after.
func TestOutboxWake(t *testing.T) {
	var (
		mu   sync.Mutex
		oks  int
		ends int
	)
	var q *Outbox[int]
	run := func() {
		for {
			items, _, ok := q.Next(nil, nil)
			mu.Lock()
			if !ok {
				ends++
				mu.Unlock()
				return
			}
			if len(items) != 0 {
				t.Errorf("woken with %d items, want none", len(items))
			}
			oks++
			mu.Unlock()
		}
	}
	q = NewOutbox[int](10, 0, nil, run)
	q.Wake()
	nettest.WaitUntil(t, "the woken runner to end", func() bool {
		mu.Lock()
		defer mu.Unlock()
		return ends == 1
	})
	mu.Lock()
	defer mu.Unlock()
	if oks != 1 {
		t.Errorf("Next reported ok %d times for one Wake, want 1", oks)
	}
}

// TestOutboxIdleHoldsNoArray checks that the spare array a loop hands back
// is let go once the loop finds the outbox empty.
func TestOutboxIdleHoldsNoArray(t *testing.T) {
	q := NewOutbox[int](10, 0, nil, nil)
	q.Push(1, 1)
	items, _, _ := q.Next(nil, nil)
	q.Push(2, 1)
	items, _, _ = q.Next(Recycle(items), nil)
	if cap(q.items) == 0 {
		t.Fatal("a busy outbox did not keep the spare array: the test proves nothing")
	}
	if _, _, ok := q.Next(Recycle(items), nil); ok {
		t.Fatal("Next reported work on an empty outbox")
	}
	if q.items != nil {
		t.Errorf("an idle outbox holds an array of %d items", cap(q.items))
	}
}
