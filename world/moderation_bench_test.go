package world

import (
	"testing"
	"time"

	"mythosd/store"
)

// BenchmarkSayLogged is a say heard by one other player in the room, with
// its chat log line recorded and handed to the store every 100 lines.
func BenchmarkSayLogged(b *testing.B) {
	tw := newTestWorld(b, "")
	speaker := tw.create(b, "Speaker")
	tw.create(b, "Listener")
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		tw.clock.advance(5 * time.Second) // say allows 15 a minute
		speaker.do("say the stars are right")
		if i%100 == 99 {
			tw.tick()
		}
	}
}

// BenchmarkSnoopedLook is a look by a player an admin snoops: the admin
// gets every line, prefixed.
func BenchmarkSnoopedLook(b *testing.B) {
	tw := newTestWorld(b, "")
	admin := tw.withRole(b, "Armitage", store.RoleAdmin)
	player := tw.create(b, "Wilbur")
	admin.do("admin snoop Wilbur")
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		player.do("look")
		admin.conn.take()
	}
}
