package world

import (
	"fmt"
	"time"
)

// Speed of the world clock: one in-game minute every 15 real seconds.
const worldClockRate = 4

// worldEpoch is the in-game time a new world starts at.
func worldEpoch() time.Time { return time.Date(1926, time.October, 1, 8, 0, 0, 0, time.UTC) }

// metaWorldTime is the store's meta key for the in-game time.
const metaWorldTime = "world_time"

// worldClock is the in-game clock: it runs worldClockRate times as fast as
// the real clock, from the in-game time it was last set to. Loop-owned.
type worldClock struct {
	base     time.Time // in-game time at realBase
	realBase time.Time
}

// at returns the in-game time at real time now.
func (wc *worldClock) at(now time.Time) time.Time {
	return wc.base.Add(now.Sub(wc.realBase) * worldClockRate)
}

// set makes the in-game time at real time now be game.
func (wc *worldClock) set(now, game time.Time) {
	wc.base, wc.realBase = game, now
}

// isDay reports whether an in-game time is day: 06:00 to 17:59.
func isDay(game time.Time) bool {
	h := game.Hour()
	return h >= 6 && h < 18
}

// ParseWorldTime reads the in-game time as the store keeps it; an empty
// string gives the epoch.
func ParseWorldTime(s string) (time.Time, error) {
	if s == "" {
		return worldEpoch(), nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("parse world time %q: %w", s, err)
	}
	return t, nil
}

// MetaWorldTime is the store meta key that holds the in-game time.
func MetaWorldTime() string { return metaWorldTime }

// worldTimeText tells the in-game time as a 1920s narrator would.
func worldTimeText(game time.Time) string {
	part := "night holds Arkham"
	switch h := game.Hour(); {
	case h >= 6 && h < 12:
		part = "the morning fog lies over Arkham"
	case h >= 12 && h < 18:
		part = "the afternoon light is thin and grey"
	case h >= 18 && h < 22:
		part = "evening gathers in the gambrel roofs"
	}
	return fmt.Sprintf("It is %s on %s; %s.", game.Format("3:04 pm"), game.Format("Monday, January 2, 2006"), part)
}
