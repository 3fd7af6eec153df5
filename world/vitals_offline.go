package world

import "time"

// catchUpVitals gives a character loaded from the store what its DP did
// while it was away, counted from when it was last seen (LastActive, set as
// it left): a wounded character regains 1 DP every 30 s up to its most
// (nobody rests while away), and a mortally wounded one bleeds 1 DP every
// 10 s, as it would have in the world, so quitting is no escape from
// bleeding. One who bled to -10 meanwhile dies as it enters (see arrive).
// A character put out by the server's shutdown has no LastActive, so the
// downtime changes nothing. Loop only.
func (w *World) catchUpVitals(c *Character, now time.Time) {
	away := now.Sub(c.LastActive)
	if c.LastActive.IsZero() || away <= 0 || c.limbo {
		return
	}
	switch {
	case c.mortal():
		c.dp = max(c.dp-int(away/bleedEvery), deadAt)
		c.diedAway = c.dp <= deadAt
	case c.dp < c.maxDP():
		c.dp = min(c.dp+int(away/regenEvery), c.maxDP())
	}
}

// dieOfOldWounds kills c, who bled to death while away, once it stands in
// the world again: its corpse lies where it left. Loop only.
func (w *World) dieOfOldWounds(c *Character, now time.Time) {
	if !c.diedAway {
		return
	}
	c.diedAway = false
	c.notify("Your wounds did not wait for you. You bled out where you lay.")
	w.die(c, now)
}
