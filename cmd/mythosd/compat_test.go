package main

import (
	"os"
	"testing"
)

// compatRooms is the real MythosMUD world of 2025, read in place from the
// shared folder beside the repository.
const compatRooms = "../../../shared/compat/mythosmud-rooms-2025-08/rooms"

// TestCompatWorldIsPlayable starts mythosd on the 2025 MythosMUD world and
// plays in it.
func TestCompatWorldIsPlayable(t *testing.T) {
	if _, err := os.Stat(compatRooms); err != nil {
		t.Fatalf("the shared compat world is missing: %v", err)
	}
	cfg := testConfig(t.TempDir())
	cfg.WorldDir = compatRooms
	srv := startServer(t, cfg)
	c := dial(t, srv.addr("telnet"))
	room := c.createCharacter("Explorer", "cobblestones")
	wantIn(t, room, "Exits:")
	c.send(firstExit(t, room))
	c.expect("Exits:")
	wantIn(t, c.do("status", "Name:"), "Explored:  2 rooms")
}
