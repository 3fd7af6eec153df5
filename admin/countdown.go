package admin

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"
)

// ErrCountdownRunning is returned when a shutdown is asked for while one is
// already counting down.
var ErrCountdownRunning = errors.New("a shutdown is already counting down")

// ErrNoCountdown is returned when there is no shutdown to cancel.
var ErrNoCountdown = errors.New("no shutdown is counting down")

// warnTimeout bounds one warning's broadcast.
const warnTimeout = 5 * time.Second

// Countdown shuts the server down after a delay, warning the players via
// Warn at the start and at fixed marks (ten minutes left, one minute, ten
// seconds...), then calls Halt. It implements the shutdown half of Actions.
type Countdown struct {
	warn  func(ctx context.Context, text, by string) error
	halt  func()
	after func(time.Duration) <-chan time.Time
	log   *slog.Logger

	mu     sync.Mutex
	cancel chan struct{} // closed to stop the running countdown; nil when none
}

// NewCountdown returns a countdown that warns with warn (the world's
// Broadcast), ends the process with halt, and waits with after
// (time.After; tests pass their own).
func NewCountdown(warn func(ctx context.Context, text, by string) error, halt func(),
	after func(time.Duration) <-chan time.Time, log *slog.Logger) *Countdown {
	return &Countdown{warn: warn, halt: halt, after: after, log: log.With("component", "admin")}
}

// ScheduleShutdown warns the players now and starts counting down delay;
// when it ends, the server shuts down. by is logged.
func (c *Countdown) ScheduleShutdown(ctx context.Context, delay time.Duration, by string) error {
	c.mu.Lock()
	if c.cancel != nil {
		c.mu.Unlock()
		return ErrCountdownRunning
	}
	cancel := make(chan struct{})
	c.cancel = cancel
	c.mu.Unlock()
	if err := c.warn(ctx, warning(delay), by); err != nil {
		c.end(cancel)
		return fmt.Errorf("warn players of shutdown: %w", err)
	}
	c.log.Info("shutdown scheduled", "in", delay, "by", by)
	go c.count(delay, by, cancel)
	return nil
}

// CancelShutdown stops the countdown and tells the players.
func (c *Countdown) CancelShutdown(ctx context.Context, by string) error {
	if !c.stop() {
		return ErrNoCountdown
	}
	c.log.Info("shutdown cancelled", "by", by)
	if err := c.warn(ctx, "The shutdown is called off. The waking world goes on.", by); err != nil {
		return fmt.Errorf("tell players the shutdown is off: %w", err)
	}
	return nil
}

// Close stops a countdown in progress without a word, when the server
// stops for another reason.
func (c *Countdown) Close() { c.stop() }

// stop ends the running countdown, reporting whether there was one.
func (c *Countdown) stop() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cancel == nil {
		return false
	}
	close(c.cancel)
	c.cancel = nil
	return true
}

// count waits from mark to mark, warning at each, then halts, unless
// cancel closes first.
func (c *Countdown) count(left time.Duration, by string, cancel chan struct{}) {
	for left > 0 {
		next := nextMark(left)
		select {
		case <-c.after(left - next):
		case <-cancel:
			return
		}
		left = next
		if left > 0 {
			c.sendWarning(left, by)
		}
	}
	if c.end(cancel) {
		c.log.Info("shutdown countdown over; shutting down", "by", by)
		c.halt()
	}
}

// end clears the countdown whose cancel channel is given, unless it was
// cancelled meanwhile, and reports whether it did.
func (c *Countdown) end(cancel chan struct{}) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cancel != cancel {
		return false
	}
	c.cancel = nil
	return true
}

// sendWarning broadcasts the time left, logging a failure.
func (c *Countdown) sendWarning(left time.Duration, by string) {
	ctx, cancel := context.WithTimeout(context.Background(), warnTimeout)
	defer cancel()
	if err := c.warn(ctx, warning(left), by); err != nil {
		c.log.Warn("shutdown warning failed", "left", left, "err", err)
	}
}

// nextMark is the next time left at which players are warned again, below
// left, or 0.
func nextMark(left time.Duration) time.Duration {
	marks := [...]time.Duration{
		30 * time.Minute, 10 * time.Minute, 5 * time.Minute, 2 * time.Minute,
		time.Minute, 30 * time.Second, 10 * time.Second, 5 * time.Second,
	}
	for _, m := range marks {
		if m < left {
			return m
		}
	}
	return 0
}

// warning is what the players are told with left to go.
func warning(left time.Duration) string {
	if left <= 0 {
		return "The server shuts down now. Your character is saved."
	}
	return "The server shuts down in " + spoken(left) + ". Your character is saved; find a safe place to rest."
}

// spoken says a duration in words: "1 minute", "90 seconds", "2 hours".
func spoken(d time.Duration) string {
	switch {
	case d >= time.Hour && d%time.Hour == 0:
		return plural(int(d/time.Hour), "hour")
	case d >= time.Minute && d%time.Minute == 0:
		return plural(int(d/time.Minute), "minute")
	}
	return plural(int((d+time.Second-1)/time.Second), "second")
}

func plural(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return fmt.Sprintf("%d %ss", n, unit)
}
