package world

import (
	"context"
	"errors"
	"fmt"
	"time"

	"mythosd/store"
)

// ErrNoBackups is returned by StartBackup when the server takes no backups.
var ErrNoBackups = errors.New("backups are not configured")

// Backups takes backups of the store off the loop; cmd gives the world one
// (a *store.Backups) through Config.Backups. Neither method may wait on
// I/O: the loop calls them.
type Backups interface {
	// Start begins a backup on its own goroutine and calls done there with
	// the result; it returns false when one is already running.
	Start(by string, done func(store.BackupInfo)) bool
	// Status tells the last backup and whether one runs.
	Status() store.BackupStatus
}

// StartBackup starts a backup of the store, as an admin action from the
// console; by names who asked, for the log. It returns once the backup is
// under way: the snapshot's Backup tells how it ended.
func (w *World) StartBackup(_ context.Context, by string) error {
	if w.cfg.Backups == nil {
		return ErrNoBackups
	}
	if !w.cfg.Backups.Start(by, nil) {
		return store.ErrBackupRunning
	}
	w.audit.Info("admin backup", "by", by)
	return nil
}

// adminBackup is `admin backup`: it starts a backup off the loop and tells
// the admin how it ended, if they are still playing then.
func (w *World) adminBackup(c *Character) {
	if w.cfg.Backups == nil {
		c.send("This server takes no backups.\n")
		return
	}
	name := c.Name
	started := w.cfg.Backups.Start(name, func(info store.BackupInfo) {
		w.post(func() { w.backupDone(name, info) })
	})
	if !started {
		c.send("A backup is already running.\n")
		return
	}
	w.audit.Info("admin backup", "by", name)
	c.send("Backup started; you will be told when it is done.\n")
}

// backupDone tells the admin who asked for a backup how it ended. Loop
// only.
func (w *World) backupDone(name string, info store.BackupInfo) {
	c := w.chars[nameKey(name)]
	if c == nil || !c.online() {
		return
	}
	if !info.OK {
		c.notify(paint(styleSystem, "Backup failed: "+info.Err))
		return
	}
	c.notify(paint(styleSystem, fmt.Sprintf("Backup done: %s, %d bytes, in %v.", info.Path, info.Size, info.Took.Round(time.Millisecond))))
}
