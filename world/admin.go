package world

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"mythosd/world/netcore"
)

// ErrNotPlaying is returned by admin actions on a character who is not in
// the world.
var ErrNotPlaying = errors.New("no such character is playing")

// call runs fn on the loop and waits for the result it reports through done,
// which fn may call later (after a room load). It never blocks the loop.
func (w *World) call(ctx context.Context, fn func(done func(error))) error {
	res := make(chan error, 1)
	if !w.post(func() { fn(func(err error) { res <- err }) }) {
		return ErrStopped
	}
	select {
	case err := <-res:
		return err
	case <-ctx.Done():
		return ctx.Err()
	case <-w.done:
		return ErrStopped
	}
}

// playing returns the online character called name. Loop only.
func (w *World) playing(name string) (*Character, error) {
	c := w.chars[nameKey(name)]
	if c == nil || !c.online() {
		return nil, fmt.Errorf("%q: %w", name, ErrNotPlaying)
	}
	return c, nil
}

// Kick ends the session of the named character, telling them why. by names
// who asked, for the log.
func (w *World) Kick(ctx context.Context, name, reason, by string) error {
	return w.call(ctx, func(done func(error)) {
		c, err := w.playing(name)
		if err == nil {
			w.audit.Info("admin kick", "name", c.Name, "reason", reason, "by", by)
			s := c.sess
			w.leave(s, "\nYou are pulled out of the waking world by an unseen hand: "+reason+"\n")
			s.conn.Close(netcore.CauseKicked)
		}
		done(err)
	})
}

// Broadcast tells every player something, as a message from the keepers of
// the game.
func (w *World) Broadcast(ctx context.Context, text, by string) error {
	text = strings.TrimSpace(text)
	if text == "" {
		return errors.New("broadcast: empty message")
	}
	return w.call(ctx, func(done func(error)) {
		w.audit.Info("admin broadcast", "text", text, "by", by)
		for _, c := range w.chars {
			if c.online() {
				c.notify(paint(styleSystem, "[The Keepers] "+text))
			}
		}
		done(nil)
	})
}

// Teleport moves the named character to room id.
func (w *World) Teleport(ctx context.Context, name, roomID, by string) error {
	return w.call(ctx, func(done func(error)) {
		c, err := w.playing(name)
		if err != nil {
			done(err)
			return
		}
		w.rooms.get(roomID, func(r *Room, err error) {
			if err != nil {
				done(fmt.Errorf("teleport %s to %s: %w", name, roomID, err))
				return
			}
			if !c.online() {
				done(fmt.Errorf("%q: %w", name, ErrNotPlaying))
				return
			}
			w.audit.Info("admin teleport", "name", c.Name, "room", roomID, "by", by)
			c.send("\nThe world folds around you like a page.\n")
			w.relocate(c, r, c.Name+" is folded out of the world.", c.Name+" unfolds out of thin air.")
			c.idlePrompt()
			done(nil)
		})
	})
}
