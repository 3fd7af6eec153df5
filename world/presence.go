package world

import (
	"context"
	"errors"
	"fmt"
	"time"

	"mythosd/world/netcore"

	"mythosd/store"
)

// enter brings the account's character acc.Char into the world for
// session s: from memory when the loop still holds it (playing, or gone but
// not yet handed to the store), else loaded from the store off the loop.
func (w *World) enter(s *Session, acc accountInfo) {
	s.waiting = true
	defer s.finished()
	key := nameKey(acc.Char)
	if why, held := w.reserved[key]; held {
		s.conn.Send(why + "\n")
		s.conn.Close(netcore.CauseFailure)
		return
	}
	if other := w.playingSibling(acc.ID, key); other != nil {
		s.conn.Send(other.Name + ", another of your characters, walks Arkham now; quit as " + other.Name +
			" before you play another.\n")
		s.conn.Close(netcore.CauseLoginFailed)
		return
	}
	if c := w.chars[key]; c != nil {
		w.attach(s, c, acc)
		return
	}
	waiters, loading := w.loads[key]
	w.loads[key] = append(waiters, s)
	s.pending++
	if !loading {
		w.spawn(func(ctx context.Context) { w.loadCharacter(ctx, acc) })
	}
}

// playingSibling returns a character of account other than the one called
// key that plays now, or nil: an account plays one character at a time, so
// that nobody keeps themselves company (companions steady lucidity) or
// fights beside themselves.
func (w *World) playingSibling(account int64, key string) *Character {
	for k, c := range w.chars {
		if c.AccountID == account && k != key && c.online() {
			return c
		}
	}
	return nil
}

// loadCharacter reads a character with its visits, facts and mute list,
// off the loop.
func (w *World) loadCharacter(ctx context.Context, acc accountInfo) {
	ctx, cancel := context.WithTimeout(ctx, storeTimeout)
	defer cancel()
	var l loadedCharacter
	var err error
	l.rec, err = w.cfg.Store.CharacterByName(ctx, acc.Char)
	if err == nil && l.rec.AccountID != acc.ID {
		err = fmt.Errorf("character %s is not of account %s: %w", acc.Char, acc.Name, store.ErrNotFound)
	}
	if err == nil {
		l.visits, err = w.cfg.Store.Visits(ctx, l.rec.ID)
	}
	if err == nil {
		l.facts, err = w.cfg.Store.Facts(ctx, l.rec.ID)
	}
	if err == nil {
		l.items, err = w.cfg.Store.ItemsOf(ctx, characterHolders(l.rec.ID)...)
	}
	if err == nil {
		var mutes map[int64][]store.Mute
		mutes, err = w.cfg.Store.Mutes(ctx, []int64{l.rec.ID}, w.cfg.Clock.Now())
		l.mutes = mutes[l.rec.ID]
	}
	w.post(func() { w.characterLoaded(acc, l, err) })
}

// loadedCharacter is what a login reads of a character off the loop.
type loadedCharacter struct {
	rec    store.Character
	visits []string
	facts  map[string]int64
	mutes  []store.Mute
	items  []store.ItemState
}

// characterLoaded admits the sessions that waited for a character.
func (w *World) characterLoaded(acc accountInfo, l loadedCharacter, err error) {
	key := nameKey(acc.Char)
	sessions := w.loads[key]
	delete(w.loads, key)
	var c *Character
	if err == nil {
		c = newCharacter(acc, l.rec, l.visits, l.facts)
		w.catchUpVitals(c, w.cfg.Clock.Now())
		w.chars[key] = c
		w.mutes.set(c.ID, l.mutes)
		w.adoptCharacterItems(c, l.items)
	} else {
		w.log.Error("load character", "name", acc.Char, "account", acc.Name, "err", err)
	}
	for _, s := range sessions {
		s.pending--
		if c != nil {
			w.attach(s, c, acc)
		} else {
			s.conn.Send("Your memories cannot be found just now; please try again in a moment.\n")
			s.conn.Close(netcore.CauseFailure)
		}
		s.finished()
	}
}

// attach makes s the session that plays c, taking c over from any other.
func (w *World) attach(s *Session, c *Character, acc accountInfo) {
	c.Admin, c.Builder, c.frozen = acc.Admin, acc.Builder, acc.Frozen // as read at this login
	defer applyKeptStyle(c)
	w.touch(c, w.cfg.Clock.Now())
	w.markDirty(c)
	if old := c.sess; old != nil {
		old.char = nil
		old.conn.Send("\nAnother connection has taken hold of " + c.Name + ". Farewell.\n")
		old.conn.Close(netcore.CauseTakenOver)
		c.sess, s.char = s, c
		s.log.Info("session taken over", "name", c.Name)
		c.send("You take hold of yourself again; your other connection was closed.\n")
		w.tellStoreDown(c)
		w.withRoom(c, c.RoomID, func(r *Room, err error) { w.showRoomOrFog(c, r, err) })
		return
	}
	c.sess, s.char = s, c
	w.ensureAttributes(c)
	s.log.Info("character entered", "name", c.Name)
	w.arrive(c, c.RoomID)
}

// arrive places a character who enters the world in room id, or in the
// start room when id no longer exists.
func (w *World) arrive(c *Character, id string) {
	w.withRoom(c, id, func(r *Room, err error) {
		if errors.Is(err, store.ErrNotFound) && id != w.cfg.StartRoom {
			w.log.Warn("character's room is gone; moving to start", "name", c.Name, "room", id)
			w.arrive(c, w.cfg.StartRoom)
			return
		}
		if err != nil {
			c.send("The world will not come into focus; please try again in a moment.\n")
			s := c.sess
			w.leave(s, "")
			s.conn.Close(netcore.CauseFailure)
			return
		}
		w.recordVisit(c, r.ID)
		w.tellArrival(c, r.ID)
		w.putIn(c, r)
		c.enteredAt = w.cfg.Clock.Now().UnixNano()
		w.scheduleVitals(c)
		c.send("Welcome to Arkham, " + c.Name + ".\n")
		w.tellStoreDown(c)
		w.sendWelcome(c)
		w.showRoom(c, r)
		w.sendItemList(c, "inv")
		w.meetNPCs(c, r.ID, w.cfg.Clock.Now())
		w.dieOfOldWounds(c, w.cfg.Clock.Now())
	})
}

// leave takes s's character out of the world, telling the room. The
// character stays in memory until its state is handed to the store.
func (w *World) leave(s *Session, farewell string) {
	if s == nil || s.char == nil {
		return
	}
	c := s.char
	s.char = nil
	if farewell != "" {
		s.conn.Send(farewell)
	}
	if c.sess != s {
		return
	}
	c.sess = nil
	c.LastActive = w.cfg.Clock.Now() // offline DP changes count from here (catchUpVitals)
	w.endSnoops(c)
	w.dispelPhantom(c, "")
	w.takeOut(c)
	w.tellRoom(c.RoomID, c, c.Name+" fades from the waking world.")
	w.markDirty(c)
	s.log.Info("character left", "name", c.Name)
}

// farewell ends every session as the world stops, and hands every change to
// the store. Only the loop calls it, as it ends.
func (w *World) farewell() {
	w.lobby.closeAll("\nThe server is shutting down; please come back soon.\n")
	for _, c := range w.chars {
		s := c.sess
		if s == nil {
			continue
		}
		w.leave(s, "\nThe world grows dim: the server is shutting down. You are saved; come back soon.\n")
		c.LastActive = time.Time{} // the server's downtime is no time away: DP wait as they are (catchUpVitals)
		s.conn.Close(netcore.CauseShutdown)
	}
	w.handOff()
}

// withRoom runs fn with room id on behalf of c's session: at once when the
// room is cached, else when its load arrives, as long as the same session
// still plays c. The session's command counts as running until then.
func (w *World) withRoom(c *Character, id string, fn func(*Room, error)) {
	s := c.sess
	if s == nil {
		return
	}
	if r, ok := w.rooms.cached(id); ok {
		fn(r, nil)
		return
	}
	s.pending++
	w.rooms.await(id, func(r *Room, err error) {
		s.pending--
		defer s.finished()
		if c.sess == s {
			fn(r, err)
		}
	})
}
