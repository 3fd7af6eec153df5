package admin

import (
	"github.com/prometheus/client_golang/prometheus"

	"mythosd/world"
)

// BackupCollector serves the backups' figures of the world's latest
// snapshot to Prometheus, so that an alert can fire when the last good
// backup grows old or one fails.
type BackupCollector struct {
	src                                      Source
	taken, failed, running, lastTime, lastOK *prometheus.Desc
	lastSize, lastDuration                   *prometheus.Desc
}

// NewBackupCollector returns a collector of the backup figures of src's
// snapshots.
func NewBackupCollector(src Source) *BackupCollector {
	return &BackupCollector{
		src:          src,
		taken:        desc("backups_taken_total", "Backups that passed their integrity check since the start."),
		failed:       desc("backups_failed_total", "Backups that failed (and were deleted) since the start."),
		running:      desc("backup_running", "1 while a backup runs."),
		lastTime:     desc("backup_last_timestamp_seconds", "Unix time the last finished backup started; 0 before any."),
		lastOK:       desc("backup_last_ok", "1 if the last finished backup passed its check, else 0."),
		lastSize:     desc("backup_last_size_bytes", "Size of the last good backup's file."),
		lastDuration: desc("backup_last_duration_seconds", "How long the last finished backup took, check included."),
	}
}

// Describe sends every metric's description.
func (c *BackupCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{c.taken, c.failed, c.running, c.lastTime, c.lastOK, c.lastSize, c.lastDuration} {
		ch <- d
	}
}

// Collect sends the backup figures of the latest snapshot.
func (c *BackupCollector) Collect(ch chan<- prometheus.Metric) {
	s := c.src.Snapshot()
	if s == nil {
		s = &world.Snapshot{}
	}
	b, e := s.Backup, emitter{ch: ch}
	e.counter(c.taken, float64(b.Taken))
	e.counter(c.failed, float64(b.Failed))
	e.gauge(c.running, boolValue(b.Running))
	var at float64
	if !b.Last.At.IsZero() {
		at = float64(b.Last.At.UnixNano()) / 1e9
	}
	e.gauge(c.lastTime, at)
	e.gauge(c.lastOK, boolValue(b.Last.OK))
	e.gauge(c.lastSize, float64(b.Last.Size))
	e.gauge(c.lastDuration, secs(b.Last.Took))
}

// boolValue is 1 for true, 0 for false.
func boolValue(v bool) float64 {
	if v {
		return 1
	}
	return 0
}
