package main

import (
	"context"
	"sync"
	"time"
)

// pruneEvery is how often the lucidity log is pruned.
const pruneEvery = time.Hour

// housekeeping is the server's timed upkeep off the world loop: the
// scheduled backups and the pruning of the lucidity log. Its Shutdown
// stops both, cancelling a backup under way, and waits for them.
type housekeeping struct {
	cancel       context.CancelFunc
	wg           sync.WaitGroup
	closeBackups func()
}

// startHousekeeping schedules backups (-backup-every) and lucidity log
// pruning (-lucidity-log-keep), each when turned on.
func (s *server) startHousekeeping() error {
	ctx, cancel := context.WithCancel(context.Background())
	h := &housekeeping{cancel: cancel, closeBackups: s.backups.Close}
	if every := s.cfg.Ops.BackupEvery; every > 0 {
		t := time.NewTicker(every)
		h.wg.Go(func() { <-ctx.Done(); t.Stop() })
		s.backups.Schedule(t.C)
		s.log.Info("scheduled backups", "every", every, "keep", s.cfg.Ops.BackupKeep, "dir", s.cfg.backupDir())
	}
	if keep := s.cfg.Ops.LucidityLogKeep; keep > 0 {
		t := time.NewTicker(pruneEvery)
		h.wg.Go(func() { s.pruneLoop(ctx, keep, t) })
	}
	s.listeners = append(s.listeners, h)
	return nil
}

// Shutdown stops the upkeep and waits for it.
func (h *housekeeping) Shutdown(context.Context) error {
	h.cancel()
	h.closeBackups()
	h.wg.Wait()
	return nil
}

// pruneLoop prunes the lucidity log now and at each tick until ctx ends.
func (s *server) pruneLoop(ctx context.Context, keep time.Duration, t *time.Ticker) {
	defer t.Stop()
	for {
		s.pruneLucidityLog(ctx, time.Now().Add(-keep))
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// pruneLucidityLog deletes the lucidity log rows before cutoff and logs
// what it did.
func (s *server) pruneLucidityLog(ctx context.Context, cutoff time.Time) {
	n, err := s.db.PruneLucidityLog(ctx, cutoff)
	if err != nil && ctx.Err() == nil {
		s.log.Error("prune lucidity log", "err", err)
		return
	}
	if n > 0 {
		s.log.Info("lucidity log pruned", "rows", n, "before", cutoff)
	}
}
