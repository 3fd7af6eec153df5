package main

import (
	"context"
	"sync"
	"time"
)

// pruneEvery is how often the logs are pruned.
const pruneEvery = time.Hour

// housekeeping is the server's timed upkeep off the world loop: the
// scheduled backups and the pruning of the lucidity and chat logs. Its
// Shutdown stops them all, cancelling a backup under way, and waits for
// them.
type housekeeping struct {
	cancel       context.CancelFunc
	wg           sync.WaitGroup
	closeBackups func()
}

// logPruner prunes one log: prune deletes its rows from before a cutoff.
type logPruner struct {
	name  string // for the server's log
	keep  time.Duration
	prune func(ctx context.Context, cutoff time.Time) (int64, error)
}

// startHousekeeping schedules backups (-backup-every), lucidity log
// pruning (-lucidity-log-keep) and chat log pruning (-chatlog-keep), each
// when turned on.
func (s *server) startHousekeeping() error {
	ctx, cancel := context.WithCancel(context.Background())
	h := &housekeeping{cancel: cancel, closeBackups: s.backups.Close}
	if every := s.cfg.Ops.BackupEvery; every > 0 {
		t := time.NewTicker(every)
		h.wg.Go(func() { <-ctx.Done(); t.Stop() })
		s.backups.Schedule(t.C)
		s.log.Info("scheduled backups", "every", every, "keep", s.cfg.Ops.BackupKeep, "dir", s.cfg.backupDir())
	}
	for _, p := range []logPruner{
		{"lucidity log", s.cfg.Ops.LucidityLogKeep, s.db.PruneLucidityLog},
		{"chat log", s.cfg.Ops.ChatLogKeep, s.db.PruneChatLog},
	} {
		if p.keep > 0 {
			t := time.NewTicker(pruneEvery)
			h.wg.Go(func() { s.pruneLoop(ctx, p, t) })
		}
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

// pruneLoop prunes a log now and at each tick until ctx ends.
func (s *server) pruneLoop(ctx context.Context, p logPruner, t *time.Ticker) {
	defer t.Stop()
	for {
		s.pruneLog(ctx, p, time.Now().Add(-p.keep))
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// pruneLog deletes a log's rows before cutoff and logs what it did.
func (s *server) pruneLog(ctx context.Context, p logPruner, cutoff time.Time) {
	n, err := p.prune(ctx, cutoff)
	if err != nil && ctx.Err() == nil {
		s.log.Error("prune "+p.name, "err", err)
		return
	}
	if n > 0 {
		s.log.Info(p.name+" pruned", "rows", n, "before", cutoff)
	}
}
