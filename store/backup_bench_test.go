package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"
)

// backupBenchDB is a database of 10,000 characters, each with ten lucidity log
// rows and a fact, for the backup benchmarks.
func backupBenchDB(b *testing.B) (*DB, []int64) {
	b.Helper()
	db := newDB(b)
	ids := bulkCharacters(b, db, "bench", 10_000)
	for round := range 10 {
		var changes []LucidityChange
		var facts []Fact
		for _, id := range ids {
			changes = append(changes, LucidityChange{CharacterID: id, Delta: -1, Reason: fmt.Sprintf("r%d", round), At: t0()})
			facts = append(facts, Fact{CharacterID: id, Key: "encounters.horrific", Value: int64(round + 1)})
		}
		db.Submit(Batch{Changes: changes, Facts: facts, Characters: benchStates(round, ids)})
	}
	flush(b, db)
	return db, ids
}

// BenchmarkBackup10k measures one online backup, integrity check included,
// of a database of 10,000 characters with nothing else going on.
func BenchmarkBackup10k(b *testing.B) {
	db, _ := backupBenchDB(b)
	dest := filepath.Join(b.TempDir(), "b.db")
	var size int64
	for b.Loop() {
		info, err := db.Backup(context.Background(), dest)
		if err != nil {
			b.Fatal(err)
		}
		size = info.Size
	}
	b.ReportMetric(float64(size)/(1<<20), "MiB")
}

// BenchmarkCommitDuringBackup measures how long the write-behind writer
// takes to commit a tick's batch (200 characters moved, 200 lucidity
// changes) from Submit to Flush, over 10,000 characters: alone, and while
// backups of the database run back to back.
func BenchmarkCommitDuringBackup(b *testing.B) {
	for _, backingUp := range []bool{false, true} {
		name := map[bool]string{false: "idle", true: "backing-up"}[backingUp]
		b.Run(name, func(b *testing.B) {
			db, ids := backupBenchDB(b)
			stop := make(chan struct{})
			var backups int
			var wg sync.WaitGroup
			if backingUp {
				wg.Go(func() { backups = backUpUntil(b, db, stop) })
			}
			waits := measureCommits(b, db, ids)
			close(stop)
			wg.Wait()
			slices.Sort(waits)
			b.ReportMetric(float64(waits[len(waits)*99/100].Microseconds()), "p99-µs")
			b.ReportMetric(float64(waits[len(waits)-1].Microseconds()), "max-µs")
			if backingUp {
				b.ReportMetric(float64(backups), "backups")
			}
		})
	}
}

// measureCommits submits and flushes a tick's batch per iteration and
// returns how long each took.
func measureCommits(b *testing.B, db *DB, ids []int64) []time.Duration {
	var waits []time.Duration
	i := 0
	for b.Loop() {
		part := ids[(i*200)%len(ids):][:200]
		changes := make([]LucidityChange, len(part))
		for k, id := range part {
			changes[k] = LucidityChange{CharacterID: id, Delta: -1, Reason: "passive_flux", At: t0()}
		}
		start := time.Now()
		db.Submit(Batch{Characters: benchStates(i, part), Changes: changes})
		if err := db.Flush(context.Background()); err != nil {
			b.Fatal(err)
		}
		waits = append(waits, time.Since(start))
		i++
	}
	return waits
}

// backUpUntil takes backups back to back until stop is closed and returns
// how many it took.
func backUpUntil(b *testing.B, db *DB, stop <-chan struct{}) int {
	dest := filepath.Join(b.TempDir(), "b.db")
	n := 0
	for {
		select {
		case <-stop:
			os.Remove(dest)
			return n
		default:
		}
		if _, err := db.Backup(context.Background(), dest); err != nil {
			b.Error(err)
			return n
		}
		n++
	}
}

// BenchmarkPruneLucidityLogNone measures the hourly pruning pass when
// nothing is old enough, over 100,000 lucidity log rows: the reader's scan
// for the newest row to go, the common case.
func BenchmarkPruneLucidityLogNone(b *testing.B) {
	db, _ := backupBenchDB(b)
	cutoff := t0().Add(-time.Hour)
	for b.Loop() {
		n, err := db.PruneLucidityLog(context.Background(), cutoff)
		if err != nil || n != 0 {
			b.Fatalf("pruned %d, %v", n, err)
		}
	}
}
