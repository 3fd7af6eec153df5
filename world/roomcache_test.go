package world

import (
	"testing"
	"time"
)

// TestRoomsExpireFromTheTick checks that cached rooms leave the cache only
// when the loop's tick deletes them: there is no janitor goroutine.
func TestRoomsExpireFromTheTick(t *testing.T) {
	tw := newTestWorldWith(t, "", func(c *Config) { c.RoomTTL = time.Nanosecond })
	tw.tick() // the first tick's expiry pass, before any room
	alice := tw.create(t, "Alice")
	alice.do("quit")
	tw.sync()
	if s := tw.rooms.Stats(); s.Rooms == 0 || s.Expirations != 0 {
		t.Fatalf("rooms gone before a tick deleted them: %+v", s)
	}
	tw.clock.advance(effectsEvery)
	tw.tick()
	if s := tw.rooms.Stats(); s.Rooms != 0 || s.Expirations == 0 {
		t.Fatalf("expired rooms still held after the tick: %+v", s)
	}
}
