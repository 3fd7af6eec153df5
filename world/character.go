package world

import (
	"strings"
	"time"

	"mythosd/store"
	"mythosd/world/lucidity"
)

// Character is a character in the world. It belongs to the world loop: only
// the loop reads or writes it.
//
// The fields a flux pass reads come first, so that a pass over many
// characters touches one cache line of each.
type Character struct {
	sess        *Session // nil while offline
	activeUntil int64    // unix nanoseconds: active in passive flux before this
	Lucidity    int
	residual    lucidity.Milli // passive flux not yet applied
	roomEvals   int32          // consecutive flux evaluations in this room
	dirty       bool           // changed since the last hand-off to the store

	ID         int64
	AccountID  int64  // the account that holds the character
	accountKey string // the name key of that account
	Name       string
	Admin      bool         // holds the admin role
	Builder    bool         // holds the builder role
	frozen     bool         // commands refused (but help and quit) until thawed
	snooping   *Character   // whom this admin watches, if anyone
	snoopers   []*Character // the admins who watch this character
	RoomID     string
	CreatedAt  time.Time
	LastActive time.Time

	visited   map[string]struct{} // rooms visited at least once
	facts     map[string]int64    // cooldowns, encounter counts, liabilities
	nextCheck time.Time           // next timed hallucination check
	wakeAt    time.Time           // end of delirium; zero when not delirious
	limits    chatLimits          // chat rate limits
	replyTo   string              // who whispered last, for reply

	inv   []*Item          // carried, in the order picked up
	worn  [slotCount]*Item // equipment, by slot
	attrs store.Attributes // all 0 until rolled
	money int64            // cents

	phantom *NPC // a phantom hostile only this character sees, if any

	dp          int    // determination points; <= 0 mortally wounded
	xp          int64  // experience from defeated NPCs
	promptFmt   string // the player's prompt format; "" for the default
	promptCache string // the prompt last rendered, for promptKey
	promptKey   [3]int // DP, max DP and lucidity it was rendered with
	resting     bool   // regains DP twice as fast
	vitalsDue   bool   // a regain or bleed step is scheduled
	vitalsSeq   uint32 // the current regain or bleed cadence
	limbo       bool   // dead, waiting to wake in the sanitarium
	diedAway    bool   // bled to death while offline: dies as it enters (catchUpVitals)
	enteredAt   int64  // unix nanoseconds of the last login: no fighting for a while
	fight       *fight // the fight c is in, if any
	target      *NPC   // whom c strikes in its fight
	action      action // what c does at its next turn instead of striking
}

func newCharacter(acc accountInfo, rec store.Character, visits []string, facts map[string]int64) *Character {
	if facts == nil {
		facts = make(map[string]int64)
	}
	c := &Character{
		ID:         rec.ID,
		AccountID:  rec.AccountID,
		accountKey: nameKey(acc.Name),
		Name:       rec.Name,
		Admin:      acc.Admin,
		Builder:    acc.Builder,
		frozen:     acc.Frozen,
		RoomID:     rec.RoomID,
		Lucidity:   rec.Lucidity,
		CreatedAt:  rec.CreatedAt,
		LastActive: rec.LastActive,
		visited:    make(map[string]struct{}, len(visits)),
		residual:   lucidity.Milli(rec.Residual),
		facts:      facts,
		attrs:      rec.Attributes,
		money:      rec.Money,
		xp:         rec.XP,
		promptFmt:  rec.Prompt,
	}
	c.dp = c.maxDP() - rec.Wounds
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
	if len(c.snoopers) > 0 {
		c.echoSnoop(text)
	}
}

// prompt shows the command prompt.
func (c *Character) prompt() {
	if c.sess != nil {
		c.sess.conn.Prompt(c.promptText())
	}
}

// idlePrompt shows the prompt again after unasked-for output, unless a
// command is running (its end shows the prompt).
func (c *Character) idlePrompt() {
	if c.sess != nil && !c.sess.waiting {
		c.prompt()
	}
}

// notify tells the player of something that happened to or around them.
// While one of their commands runs it is part of the answer; otherwise it
// breaks into a line of its own and the prompt is shown again.
func (c *Character) notify(text string) {
	if len(c.snoopers) > 0 {
		c.echoSnoop(text)
	}
	switch {
	case c.sess == nil:
	case c.sess.waiting:
		c.sess.conn.Send(text + "\n")
	default:
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

// state is what the store keeps of the character. A character in limbo
// is kept as it will wake: whole, in the sanitarium.
func (c *Character) state(startRoom string) store.CharacterState {
	st := store.CharacterState{ID: c.ID, RoomID: c.RoomID, Lucidity: c.Lucidity,
		Residual: int(c.residual), LastActive: c.LastActive, Attributes: c.attrs, Money: c.money,
		Wounds: c.maxDP() - c.dp, XP: c.xp, Prompt: c.promptFmt}
	if c.limbo {
		st.RoomID, st.Wounds = startRoom, 0
	}
	return st
}
