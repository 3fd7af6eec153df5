package world

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"mythosd/store"
)

// WorldReload is a world folder that a Reloader has imported into the
// store, ready to be swapped into the live world.
type WorldReload struct {
	// Source names the folder in messages: its path, or "(shipped)".
	Source string
	// World is the world as imported.
	World store.World
	// Stats is what the import changed.
	Stats store.ImportStats
	// Moved are the items the import moved from floors of removed rooms to
	// the start room, contents included, as they were before (Holder is
	// the room they left).
	Moved []store.ItemState
	// Warnings counts the loader's warnings (the world has no errors).
	Warnings int
}

// Reloader loads, checks and imports a world folder into the store for
// `admin reload world`, off the loop: dir "" means the server's own world
// source; without force it refuses a folder that would undo builders'
// changes made since the last import. The start room (Config.StartRoom)
// stays what it is: a folder without it must be refused, and the items on
// floors of removed rooms go there. Before it imports it must have
// every batch submitted so far committed (store.DB.Flush), so that no
// change made before the reload is written over the new world. Its error
// is told to the admin as it is. cmd/mythosd passes one in Config.Reload.
type Reloader func(ctx context.Context, dir string, force bool) (WorldReload, error)

// Errors of StartReload.
var (
	ErrNoReload      = errors.New("this server cannot reload its world")
	ErrReloadRunning = errors.New("a world reload is already under way")
)

// reloadTimeout bounds a reload's work off the loop.
const reloadTimeout = 5 * time.Minute

// ReloadInfo describes a finished world reload.
type ReloadInfo struct {
	At     time.Time
	By     string
	Source string
	OK     bool
	Err    string // why it was refused, when not OK
	// Rooms is the new world's room count; Added, Updated and Removed
	// count its rooms as the import did.
	Rooms, Added, Updated, Removed int
	// CharsMoved counts the characters moved out of removed rooms;
	// ItemsMoved the items moved off their floors, to the start room.
	CharsMoved, ItemsMoved int
}

// ReloadStatus is the last reload and whether one runs.
type ReloadStatus struct {
	Running bool
	Last    ReloadInfo // zero before the first since the start
}

// reloadBusyText answers a builder's change while a reload runs.
const reloadBusyText = "The world is being reloaded; make your change again in a moment.\n"

// reloadState is the loop's part of reloads. Loop-owned.
type reloadState struct {
	ReloadStatus
}

// StartReload starts `admin reload world` from the console: the server's
// own world source, refused when it would undo builders' changes unless
// force. It returns once the reload is under way; the snapshot's Reload
// tells how it ended.
func (w *World) StartReload(ctx context.Context, force bool, by string) error {
	return w.call(ctx, func(done func(error)) {
		done(w.startReload(by, "", force, func(string) {}))
	})
}

// startReload begins a reload on behalf of by. tell is called on the loop
// with how it ended. Loop only.
func (w *World) startReload(by, dir string, force bool, tell func(string)) error {
	if w.cfg.Reload == nil {
		return ErrNoReload
	}
	if w.reload.Running {
		return ErrReloadRunning
	}
	w.reload.Running = true
	w.audit.Info("admin reload world", "dir", dir, "force", force, "by", by)
	w.handOff() // the changes made so far reach the writer before the import
	reload := w.cfg.Reload
	w.spawn(func(ctx context.Context) {
		ctx, cancel := context.WithTimeout(ctx, reloadTimeout)
		defer cancel()
		res, err := reload(ctx, dir, force)
		w.post(func() { w.reloadDone(by, res, err, tell) })
	})
	return nil
}

// reloadDone swaps an imported world in, or records why the reload was
// refused, and tells by. Loop only.
func (w *World) reloadDone(by string, res WorldReload, err error, tell func(string)) {
	info := ReloadInfo{At: w.cfg.Clock.Now(), By: by, Source: res.Source}
	if err != nil {
		w.reload.Running = false
		info.Err = err.Error()
		w.reload.Last = info
		w.audit.Warn("world reload refused", "by", by, "err", err)
		tell("The world was not reloaded: " + err.Error() + "\n")
		return
	}
	info.OK, info.Rooms = true, len(res.World.Rooms)
	info.Added, info.Updated, info.Removed = res.Stats.Added, res.Stats.Updated, res.Stats.Removed
	w.swapWorld(res, func(chars, items int) {
		w.reload.Running = false
		info.CharsMoved, info.ItemsMoved = chars, items
		w.reload.Last = info
		w.audit.Info("world reloaded", "by", by, "source", res.Source, "rooms", info.Rooms, "added", info.Added,
			"updated", info.Updated, "removed", info.Removed, "chars_moved", chars, "items_moved", items)
		tell(reloadReport(info, res.Warnings))
	})
}

// reloadReport tells the admin what a reload did.
func reloadReport(info ReloadInfo, warnings int) string {
	text := fmt.Sprintf("World %s reloaded: %d rooms (%d added, %d changed, %d removed); "+
		"%d characters and %d items moved to the start room.", info.Source, info.Rooms, info.Added, info.Updated,
		info.Removed, info.CharsMoved, info.ItemsMoved)
	if warnings > 0 {
		text += fmt.Sprintf(" The loader warned %d times (see `mythosd check-world`).", warnings)
	}
	return text + "\n"
}

// adminReload is `admin reload world [force] [DIR]`.
func (w *World) adminReload(c *Character, args string) {
	fields := strings.Fields(args)
	if len(fields) == 0 || fields[0] != "world" || len(fields) > 3 {
		c.send("Usage: admin reload world [force] [DIR]\n")
		return
	}
	fields = fields[1:]
	force := len(fields) > 0 && fields[0] == "force"
	if force {
		fields = fields[1:]
	}
	if len(fields) > 1 {
		c.send("Usage: admin reload world [force] [DIR]\n")
		return
	}
	dir := strings.Join(fields, "")
	name := c.Name
	err := w.startReload(name, dir, force, func(text string) {
		if o := w.chars[nameKey(name)]; o != nil && o.online() {
			o.notify(paint(styleSystem, strings.TrimSuffix(text, "\n")))
		}
	})
	if err != nil {
		c.send(capitalize(err.Error()) + ".\n")
		return
	}
	c.send("Reloading the world; you will be told when it is done.\n")
}
