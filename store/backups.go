package store

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
)

// ErrBackupRunning reports a backup asked for while another runs.
var ErrBackupRunning = errors.New("a backup is already running")

// Names of the backups that Backups keeps: backupPrefix, the time, ".db".
const (
	backupPrefix = "mythos-"
	backupExt    = ".db"
	backupStamp  = "20060102T150405.000Z"
)

// BackupStatus is what Backups has done so far.
type BackupStatus struct {
	Last    BackupInfo // the last backup finished, ok or not; zero before any
	Running bool       // a backup is under way
	Taken   int        // backups that passed their check
	Failed  int        // backups that failed (and were deleted)
}

// Backups takes online backups of a DB into a directory, one at a time,
// keeps the newest keep of them and remembers the last one. Its methods
// are safe from any goroutine; none waits on a backup but Take.
type Backups struct {
	db   *DB
	dir  string
	keep int
	now  func() time.Time
	log  *slog.Logger

	ctx    context.Context // ended by Close
	cancel context.CancelFunc
	wg     sync.WaitGroup

	mu     sync.Mutex
	status BackupStatus
}

// NewBackups returns backups of db into dir (created when needed), keeping
// the newest keep (at least 1). now names each backup after the time; nil
// means time.Now. A nil logger discards. Close stops it.
func NewBackups(db *DB, dir string, keep int, now func() time.Time, logger *slog.Logger) *Backups {
	if now == nil {
		now = time.Now
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	ctx, cancel := context.WithCancel(context.Background())
	return &Backups{db: db, dir: dir, keep: max(keep, 1), now: now, ctx: ctx, cancel: cancel,
		log: logger.With("component", "backup")}
}

// Status returns what has been done so far.
func (b *Backups) Status() BackupStatus {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.status
}

// Take makes one backup now and waits for it; by names who asked, for the
// log. It refuses with ErrBackupRunning while another runs.
func (b *Backups) Take(ctx context.Context, by string) (BackupInfo, error) {
	if !b.begin() {
		return BackupInfo{}, ErrBackupRunning
	}
	return b.take(ctx, by)
}

// Start makes one backup on its own goroutine and calls done (if not nil)
// with the result there. It returns false, and does nothing, while another
// backup runs or after Close.
func (b *Backups) Start(by string, done func(BackupInfo)) bool {
	if b.ctx.Err() != nil || !b.begin() {
		return false
	}
	b.wg.Go(func() {
		info, _ := b.take(b.ctx, by)
		if done != nil {
			done(info)
		}
	})
	return true
}

// Schedule makes a backup at each tick until Close; a tick that comes
// while a backup runs is skipped.
func (b *Backups) Schedule(ticks <-chan time.Time) {
	b.wg.Go(func() {
		for {
			select {
			case <-b.ctx.Done():
				return
			case <-ticks:
				if b.begin() {
					b.take(b.ctx, "schedule") //nolint:errcheck // logged and kept in the status
				}
			}
		}
	})
}

// Close stops the schedule, cancels a backup under way (its partial file
// is deleted) and waits for them.
func (b *Backups) Close() {
	b.cancel()
	b.wg.Wait()
}

// begin marks a backup running unless one already is.
func (b *Backups) begin() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.status.Running {
		return false
	}
	b.status.Running = true
	return true
}

// take makes the backup that begin allowed, records and logs it, and
// prunes old ones.
func (b *Backups) take(ctx context.Context, by string) (BackupInfo, error) {
	info, err := b.backup(ctx)
	info.By = by
	switch {
	case err != nil && b.ctx.Err() != nil:
		b.log.Info("backup cancelled by shutdown; deleted", "path", info.Path, "by", by)
	case err != nil:
		b.log.Error("backup failed; deleted", "err", err, "path", info.Path, "by", by)
	default:
		b.log.Info("backup taken", "path", info.Path, "bytes", info.Size, "took", info.Took, "by", by)
		if perr := b.prune(); perr != nil {
			b.log.Error("prune old backups", "err", perr, "dir", b.dir)
		}
	}
	b.finish(info, err == nil)
	return info, err
}

// finish records a backup done (once old ones are pruned), so that the
// status never shows a backup before its pruning.
func (b *Backups) finish(info BackupInfo, ok bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.status.Running, b.status.Last = false, info
	if ok {
		b.status.Taken++
	} else {
		b.status.Failed++
	}
}

// backup writes one backup named after the time into the directory.
func (b *Backups) backup(ctx context.Context) (BackupInfo, error) {
	name := filepath.Join(b.dir, backupPrefix+b.now().UTC().Format(backupStamp)+backupExt)
	if err := os.MkdirAll(b.dir, 0o750); err != nil {
		return failed(name, fmt.Errorf("backup: create %s: %w", b.dir, err))
	}
	return b.db.Backup(ctx, name)
}

// prune deletes the oldest backups beyond keep. Only files named as
// Backups names them count; anything else in the directory is left alone.
func (b *Backups) prune() error {
	names, err := b.List()
	if err != nil {
		return err
	}
	var errs []error
	for _, old := range names[:max(len(names)-b.keep, 0)] {
		if err := os.Remove(old); err != nil {
			errs = append(errs, err)
			continue
		}
		b.log.Info("old backup deleted", "path", old)
	}
	return errors.Join(errs...)
}

// List returns the paths of the backups kept in the directory, oldest
// first.
func (b *Backups) List() ([]string, error) {
	entries, err := os.ReadDir(b.dir)
	if err != nil {
		return nil, fmt.Errorf("list backups in %s: %w", b.dir, err)
	}
	var names []string
	for _, e := range entries {
		n := e.Name()
		if e.Type().IsRegular() && strings.HasPrefix(n, backupPrefix) && strings.HasSuffix(n, backupExt) {
			names = append(names, filepath.Join(b.dir, n))
		}
	}
	slices.Sort(names)
	return names, nil
}
