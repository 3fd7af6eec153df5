package world

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"mythosd/store"
)

// frozenText answers any command but help and quit of a frozen character.
const frozenText = "You are frozen in place by the Keepers; only \"help\" and \"quit\" reach you until they thaw you.\n"

// adminFreeze freezes (frozen true) or thaws the account name, in the
// store off the loop, then the character if it plays.
func (w *World) adminFreeze(c *Character, args string, frozen bool) {
	name := strings.TrimSpace(args)
	if name == "" || strings.ContainsAny(name, " \t") {
		c.send("Usage: admin freeze <name> | admin thaw <name>\n")
		return
	}
	if frozen && nameKey(name) == nameKey(c.Name) {
		c.send("You may not freeze yourself.\n")
		return
	}
	by, st := c.Name, w.cfg.Store
	w.async(c, storeTimeout, func(ctx context.Context) func() {
		err := st.SetFrozen(ctx, name, frozen)
		return func() { c.send(w.frozenChanged(name, frozen, by, err)) }
	})
}

// frozenChanged applies a freeze or thaw the store made (err nil) to the
// character, logs it and returns the line for whoever asked. Loop only.
func (w *World) frozenChanged(name string, frozen bool, by string, err error) string {
	switch {
	case errors.Is(err, store.ErrNotFound):
		return fmt.Sprintf("There is no account called %s.\n", name)
	case err != nil:
		w.log.Error("set frozen", "name", name, "frozen", frozen, "err", err)
		return storeTroubleText
	}
	w.audit.Info("admin freeze", "name", name, "frozen", frozen, "by", by)
	for _, o := range w.accountChars(name) {
		if o.frozen == frozen {
			continue
		}
		o.frozen = frozen
		if frozen {
			o.notify(paint(styleSystem, "An unseen hand holds you still: the Keepers have frozen you."))
		} else {
			o.notify(paint(styleSystem, "The unseen hand lets go: you may move again."))
		}
	}
	if frozen {
		return name + " is frozen.\n"
	}
	return name + " is thawed.\n"
}

// SetFrozen freezes or thaws the account name as an admin action from the
// console; by names who asked, for the log. It returns store.ErrNotFound
// when there is no such account.
func (w *World) SetFrozen(ctx context.Context, name string, frozen bool, by string) error {
	if err := w.cfg.Store.SetFrozen(ctx, name, frozen); err != nil {
		return fmt.Errorf("set frozen: %w", err)
	}
	return w.call(ctx, func(done func(error)) {
		w.frozenChanged(name, frozen, by, nil)
		done(nil)
	})
}
