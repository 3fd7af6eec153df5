package admin

import (
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// TestBackupCollector gathers the backup figures before any backup and
// after a good one, with one failed and one running.
func TestBackupCollector(t *testing.T) {
	at := time.Unix(1_764_900_000, 500_000_000)
	none := snapshot()
	done := snapshot()
	b := &done.Backup
	b.Taken, b.Failed, b.Running = 3, 1, true
	b.Last.At, b.Last.OK, b.Last.Size, b.Last.Took = at, true, 6<<20, 1500*time.Millisecond
	for _, tc := range []struct {
		name string
		src  Source
		want map[string]float64
	}{
		{"before any", &source{}, map[string]float64{"mythosd_backups_taken_total": 0, "mythosd_backup_last_timestamp_seconds": 0,
			"mythosd_backup_last_ok": 0, "mythosd_backup_running": 0}},
		{"none yet", &source{snap: none}, map[string]float64{"mythosd_backups_taken_total": 0, "mythosd_backup_last_ok": 0}},
		{"done", &source{snap: done}, map[string]float64{"mythosd_backups_taken_total": 3, "mythosd_backups_failed_total": 1,
			"mythosd_backup_running": 1, "mythosd_backup_last_timestamp_seconds": 1_764_900_000.5, "mythosd_backup_last_ok": 1,
			"mythosd_backup_last_size_bytes": 6 << 20, "mythosd_backup_last_duration_seconds": 1.5}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			reg := prometheus.NewPedanticRegistry()
			reg.MustRegister(NewBackupCollector(tc.src))
			families, err := reg.Gather()
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]float64{}
			for _, f := range families {
				for _, m := range f.GetMetric() {
					got[f.GetName()] = value(m)
				}
			}
			if len(got) != 7 {
				t.Errorf("gathered %d series, want 7", len(got))
			}
			for name, w := range tc.want {
				if v, ok := got[name]; !ok || v != w {
					t.Errorf("%s = %v (present %v), want %v", name, v, ok, w)
				}
			}
		})
	}
}
