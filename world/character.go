package world

import (
	"strings"
	"time"

	"mythosd/store"
	"mythosd/world/lucidity"
)

// Character is a character in the world. It belongs to the world loop: only
// the loop reads or writes it.
type Character struct {
	ID         int64
	Name       string
	Admin      bool
	RoomID     string
	Lucidity   int
	CreatedAt  time.Time
	LastActive time.Time

	sess    *Session            // nil while offline
	visited map[string]struct{} // rooms visited at least once
	dirty   bool                // changed since the last hand-off to the store
}

func newCharacter(acc accountInfo, rec store.Character, visits []string) *Character {
	c := &Character{
		ID:         rec.ID,
		Name:       rec.Name,
		Admin:      acc.Admin,
		RoomID:     rec.RoomID,
		Lucidity:   rec.Lucidity,
		CreatedAt:  rec.CreatedAt,
		LastActive: rec.LastActive,
		visited:    make(map[string]struct{}, len(visits)),
	}
	for _, id := range visits {
		c.visited[id] = struct{}{}
	}
	return c
}

// nameKey is the key names are unique under: without regard to case.
func nameKey(name string) string { return strings.ToLower(name) }

// Tier returns the character's lucidity tier.
func (c *Character) Tier() lucidity.Tier { return lucidity.TierOf(c.Lucidity) }

// online reports whether a session plays the character.
func (c *Character) online() bool { return c.sess != nil }

// send queues text for the character's player, if one is connected.
func (c *Character) send(text string) {
	if c.sess != nil {
		c.sess.conn.Send(text)
	}
}

// promptText is the command prompt.
const promptText = "> "

// prompt shows the command prompt.
func (c *Character) prompt() {
	if c.sess != nil {
		c.sess.conn.Prompt(promptText)
	}
}

// notify tells the player of something that happened to or around them
// while they were not typing, then shows the prompt again.
func (c *Character) notify(text string) {
	if c.sess != nil {
		c.sess.conn.Send("\n" + text + "\n")
		c.prompt()
	}
}

// width is the column count to wrap text for this player at.
func (c *Character) width() int {
	if c.sess == nil {
		return defaultWidth
	}
	if w := c.sess.conn.Info().Width; w >= minWidth {
		return w
	}
	return defaultWidth
}

// state is what the store keeps of the character.
func (c *Character) state() store.CharacterState {
	return store.CharacterState{ID: c.ID, RoomID: c.RoomID, Lucidity: c.Lucidity, LastActive: c.LastActive}
}
