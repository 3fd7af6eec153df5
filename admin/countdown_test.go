package admin

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"slices"
	"sync"
	"testing"
	"time"
)

// waitLimit bounds every wait for the countdown's goroutine.
const waitLimit = 10 * time.Second

// timers is a fake time.After: each wait is handed to the test, which
// fires it.
type timers struct{ asked chan wait }

type wait struct {
	d    time.Duration
	fire chan time.Time
}

func newTimers() *timers { return &timers{asked: make(chan wait, 16)} }

func (tm *timers) after(d time.Duration) <-chan time.Time {
	w := wait{d: d, fire: make(chan time.Time, 1)}
	tm.asked <- w
	return w.fire
}

// next returns the countdown's next wait.
func (tm *timers) next(t testing.TB) wait {
	t.Helper()
	select {
	case w := <-tm.asked:
		return w
	case <-time.After(waitLimit):
		t.Fatal("the countdown asked for no wait")
		return wait{}
	}
}

// board collects what the players were told, and whether the server halted.
type board struct {
	mu     sync.Mutex
	said   []string
	halted chan struct{}
}

func newBoard() *board { return &board{halted: make(chan struct{})} }

func (b *board) warn(_ context.Context, text, by string) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.said = append(b.said, text+" /"+by)
	return nil
}

func (b *board) told() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.said...)
}

func newCountdown(b *board, tm *timers) *Countdown {
	return NewCountdown(b.warn, func() { close(b.halted) }, tm.after, slog.New(slog.NewTextHandler(io.Discard, nil)))
}

// TestCountdownWarnsThenHalts runs a 90-second countdown on fake time.
func TestCountdownWarnsThenHalts(t *testing.T) {
	b, tm := newBoard(), newTimers()
	c := newCountdown(b, tm)
	if err := c.ScheduleShutdown(context.Background(), 90*time.Second, "fp"); err != nil {
		t.Fatal(err)
	}
	if err := c.ScheduleShutdown(context.Background(), time.Second, "fp"); !errors.Is(err, ErrCountdownRunning) {
		t.Errorf("second schedule: %v, want ErrCountdownRunning", err)
	}
	var waits []time.Duration
	for range 5 {
		w := tm.next(t)
		waits = append(waits, w.d)
		w.fire <- time.Time{}
	}
	select {
	case <-b.halted:
	case <-time.After(waitLimit):
		t.Fatal("the countdown did not halt")
	}
	wantWaits := []time.Duration{30 * time.Second, 30 * time.Second, 20 * time.Second, 5 * time.Second, 5 * time.Second}
	if !slices.Equal(waits, wantWaits) {
		t.Errorf("waits %v, want %v", waits, wantWaits)
	}
	wantTold := []string{
		"The server shuts down in 90 seconds. Your character is saved; find a safe place to rest. /fp",
		"The server shuts down in 1 minute. Your character is saved; find a safe place to rest. /fp",
		"The server shuts down in 30 seconds. Your character is saved; find a safe place to rest. /fp",
		"The server shuts down in 10 seconds. Your character is saved; find a safe place to rest. /fp",
		"The server shuts down in 5 seconds. Your character is saved; find a safe place to rest. /fp",
	}
	if got := b.told(); !slices.Equal(got, wantTold) {
		t.Errorf("told %q,\nwant %q", got, wantTold)
	}
	if err := c.CancelShutdown(context.Background(), "fp"); !errors.Is(err, ErrNoCountdown) {
		t.Errorf("cancel after the end: %v, want ErrNoCountdown", err)
	}
}

// TestCountdownCancel checks that a cancelled countdown never halts and
// that a new one may start.
func TestCountdownCancel(t *testing.T) {
	b, tm := newBoard(), newTimers()
	c := newCountdown(b, tm)
	if err := c.CancelShutdown(context.Background(), "fp"); !errors.Is(err, ErrNoCountdown) {
		t.Errorf("cancel with none: %v, want ErrNoCountdown", err)
	}
	if err := c.ScheduleShutdown(context.Background(), 10*time.Minute, "fp"); err != nil {
		t.Fatal(err)
	}
	w := tm.next(t)
	if w.d != 5*time.Minute {
		t.Errorf("first wait %v, want 5m0s", w.d)
	}
	if err := c.CancelShutdown(context.Background(), "fp2"); err != nil {
		t.Fatal(err)
	}
	w.fire <- time.Time{}
	if err := c.ScheduleShutdown(context.Background(), 0, "fp3"); err != nil {
		t.Fatalf("schedule after cancel: %v", err)
	}
	<-b.halted
	want := []string{
		"The server shuts down in 10 minutes. Your character is saved; find a safe place to rest. /fp",
		"The shutdown is called off. The waking world goes on. /fp2",
		"The server shuts down now. Your character is saved. /fp3",
	}
	if got := b.told(); !slices.Equal(got, want) {
		t.Errorf("told %q,\nwant %q", got, want)
	}
}

// TestCountdownWarnFails checks that a countdown whose first warning
// cannot be sent does not start.
func TestCountdownWarnFails(t *testing.T) {
	tm := newTimers()
	c := NewCountdown(func(context.Context, string, string) error { return errTest },
		func() { t.Error("halted") }, tm.after, slog.New(slog.DiscardHandler))
	if err := c.ScheduleShutdown(context.Background(), time.Minute, "fp"); !errors.Is(err, errTest) {
		t.Errorf("schedule: %v, want the warning's error", err)
	}
	if err := c.CancelShutdown(context.Background(), "fp"); !errors.Is(err, ErrNoCountdown) {
		t.Errorf("a failed schedule left a countdown: %v", err)
	}
}

func TestSpoken(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{
		{time.Second, "1 second"}, {1500 * time.Millisecond, "2 seconds"}, {90 * time.Second, "90 seconds"},
		{time.Minute, "1 minute"}, {30 * time.Minute, "30 minutes"}, {2 * time.Hour, "2 hours"},
	}
	for _, tt := range tests {
		if got := spoken(tt.d); got != tt.want {
			t.Errorf("spoken(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}
