package world

import "time"

// Command rate defaults: a fast typist or a client's speedwalk never hits
// them.
const (
	defaultCmdRate    = 20               // commands a second
	defaultCmdBurst   = 60               // commands at once
	defaultCmdMaxWait = 10 * time.Second // held back this long without letup, commands are refused
)

// floodText tells a player whose commands are being refused.
const floodText = "You are sending commands faster than the world can follow; they are dropped until you pause.\n"

// cmdRate is one session's command budget (GCRA: a smooth rate with a
// burst). It belongs to the session's read loop: no lock.
type cmdRate struct {
	interval time.Duration // between commands at the steady rate
	burst    time.Duration // (burst-1) intervals: how far ahead one may be
	maxWait  time.Duration
	due      time.Time // the theoretical time of the next command
	held     time.Time // since when commands have had to wait, without letup; zero when not held
	told     bool      // the player has been told their commands are refused
}

func newCmdRate(perSecond, burst int, maxWait time.Duration) cmdRate {
	interval := time.Second / time.Duration(perSecond)
	return cmdRate{interval: interval, burst: time.Duration(burst-1) * interval, maxWait: maxWait}
}

// take spends one command at now. It returns how long the command must wait
// first, or refuse true when the player has been held back for maxWait
// without letting up: then the command is dropped, and stays so until the
// budget has filled up again.
func (r *cmdRate) take(now time.Time) (wait time.Duration, refuse bool) {
	if !r.due.After(now) { // under the rate for a while: the budget is full
		r.due, r.held, r.told = now, time.Time{}, false
	}
	wait = r.due.Sub(now) - r.burst
	if wait <= 0 {
		r.due = r.due.Add(r.interval)
		return 0, false
	}
	if r.held.IsZero() {
		r.held = now
	}
	if now.Sub(r.held) >= r.maxWait {
		return 0, true
	}
	r.due = r.due.Add(r.interval)
	return wait, false
}
