package store

import (
	"context"
	"errors"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestFactsUpsertDeleteAndReadThroughWhilePaused(t *testing.T) {
	tests := []struct {
		key     string
		stored  int64     // committed before the pause; 0 for none
		batches [][]int64 // values submitted while paused, one batch each
		want    int64     // after all of them; 0 for absent
	}{
		{"cooldown.pray", 100, [][]int64{{200}, {300}}, 300},
		{"encounters.horrific", 3, [][]int64{{0}}, 0},
		{"encounters.cosmic", 0, [][]int64{{1}, {2}}, 2},
		{"liability.night_terrors", 1, [][]int64{{0}, {5}}, 5},
		{"liability.paranoia", 0, [][]int64{{7}, {0}}, 0},
		{"later.in.one.batch", 0, [][]int64{{1, 2}}, 2},
		{"negative", 0, [][]int64{{-4}}, -4},
		{"untouched", 9, nil, 9},
		{"zero.then.stored.again", 8, [][]int64{{0, 8}}, 8},
	}
	db := newDB(t)
	_, c := mustCreate(t, db, "Ward")
	before, want := map[string]int64{}, map[string]int64{}
	var initial []Fact
	for _, tt := range tests {
		if tt.stored != 0 {
			before[tt.key] = tt.stored
			initial = append(initial, Fact{c.ID, tt.key, tt.stored})
		}
		if tt.want != 0 {
			want[tt.key] = tt.want
		}
	}
	db.Submit(Batch{Facts: initial})
	flush(t, db)
	if got := stored(t, db, c.ID); !maps.Equal(got, before) {
		t.Fatalf("stored before the pause = %v, want %v", got, before)
	}

	resume := db.Pause()
	for _, tt := range tests {
		for _, values := range tt.batches {
			b := Batch{}
			for _, v := range values {
				b.Facts = append(b.Facts, Fact{c.ID, tt.key, v})
			}
			db.Submit(b)
		}
	}
	if got := facts(t, db, c.ID); !maps.Equal(got, want) {
		t.Errorf("read-through while paused = %v, want %v", got, want)
	}
	if got := stored(t, db, c.ID); !maps.Equal(got, before) {
		t.Errorf("database changed while paused: %v", got)
	}
	if st := db.Stats(); st.QueueDepth != 8 {
		t.Errorf("queue depth %d while paused, want 8 (one per touched fact)", st.QueueDepth)
	}
	commits := db.Commits()
	resume()
	flush(t, db)
	if n := db.Commits() - commits; n != 1 {
		t.Errorf("%d commits after resume, want 1", n)
	}
	if got := stored(t, db, c.ID); !maps.Equal(got, want) {
		t.Errorf("stored after resume = %v, want %v", got, want)
	}
	if got := facts(t, db, c.ID); !maps.Equal(got, want) {
		t.Errorf("read after resume = %v, want %v", got, want)
	}
}

func TestChangesSummedWhilePausedThenOneRowPerReason(t *testing.T) {
	db := newDB(t)
	_, c1 := mustCreate(t, db, "Marsh")
	_, c2 := mustCreate(t, db, "Gilman")
	at := func(s int) time.Time { return t0().Add(time.Duration(s) * time.Second) }
	batches := []Batch{
		{Changes: []LucidityChange{
			change(c1.ID, -1, "passive_flux", at(0)),
			change(c1.ID, -1, "passive_flux", at(1)),
			change(c2.ID, 8, "pray", at(0)),
		}},
		{Changes: []LucidityChange{
			change(c1.ID, -2, "passive_flux", at(2)),
			change(c1.ID, 8, "pray", at(1)),
			change(c2.ID, 8, "pray", at(3)),
		}},
		// An earlier time arriving later keeps the latest time of the sum.
		{Changes: []LucidityChange{change(c1.ID, 1, "passive_flux", at(1))}},
	}
	resume := db.Pause()
	for _, b := range batches {
		db.Submit(b)
	}
	if st := db.Stats(); st.QueueDepth != 3 {
		t.Errorf("queue depth %d while paused, want 3 (one per character and reason)", st.QueueDepth)
	}
	if log := lucidityLog(t, db, c1.ID); len(log) != 0 {
		t.Errorf("log while paused = %v; uncommitted changes are not read", log)
	}
	resume()
	flush(t, db)
	if st := db.Stats(); st.Commits != 1 || st.RowsWritten != 3 {
		t.Errorf("stats %+v; want one commit of 3 rows", st)
	}
	tests := []struct {
		name string
		id   int64
		want []LucidityChange
	}{
		{"Marsh", c1.ID, []LucidityChange{change(c1.ID, -3, "passive_flux", at(2)), change(c1.ID, 8, "pray", at(1))}},
		{"Gilman", c2.ID, []LucidityChange{change(c2.ID, 16, "pray", at(3))}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := lucidityLog(t, db, tt.id); !slices.Equal(got, tt.want) {
				t.Errorf("log = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestLucidityLogOrderAndLimit(t *testing.T) {
	db := newDB(t)
	_, c := mustCreate(t, db, "Whateley")
	at := func(s int) time.Time { return t0().Add(time.Duration(s) * time.Second) }
	for _, b := range []Batch{
		{Changes: []LucidityChange{change(c.ID, -1, "passive_flux", at(1))}},
		{Changes: []LucidityChange{change(c.ID, -5, "encounter_horrific", at(3)), change(c.ID, 8, "pray", at(3))}},
		{Changes: []LucidityChange{change(c.ID, 2, "admin", time.Time{})}},
		{Changes: []LucidityChange{change(c.ID, -2, "passive_flux", at(2))}},
	} {
		db.Submit(b)
		flush(t, db)
	}
	all := []LucidityChange{
		change(c.ID, 8, "pray", at(3)), // same time: written after encounter_horrific
		change(c.ID, -5, "encounter_horrific", at(3)),
		change(c.ID, -2, "passive_flux", at(2)),
		change(c.ID, -1, "passive_flux", at(1)),
		change(c.ID, 2, "admin", time.Time{}), // no time: oldest
	}
	tests := []struct {
		name    string
		id      int64
		limit   int
		want    []LucidityChange
		wantErr error
	}{
		{"one", c.ID, 1, all[:1], nil},
		{"three", c.ID, 3, all[:3], nil},
		{"more than there are", c.ID, 50, all, nil},
		{"unknown character", 9999, 10, nil, nil},
		{"zero limit", c.ID, 0, nil, ErrInvalid},
		{"negative limit", c.ID, -1, nil, ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := db.LucidityLog(ctxT(t), tt.id, tt.limit)
			if !errors.Is(err, tt.wantErr) || !slices.Equal(got, tt.want) {
				t.Fatalf("LucidityLog(%d, %d) = %v, %v; want %v, %v", tt.id, tt.limit, got, err, tt.want, tt.wantErr)
			}
		})
	}
}

func TestLucidityLogQueryUsesItsIndex(t *testing.T) {
	db := newDB(t)
	rows, err := db.read.QueryContext(ctxT(t), `EXPLAIN QUERY PLAN SELECT delta, reason, at FROM lucidity_log
		WHERE character_id = ? ORDER BY at DESC, id DESC LIMIT ?`, 1, 10)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	text := strings.Join(plan, "; ")
	if !strings.Contains(text, "lucidity_log_character_at") || strings.Contains(text, "TEMP B-TREE") {
		t.Fatalf("plan %q; want the (character_id, at) index and no sort", text)
	}
}

func TestMetaLatestWinsAndReadsThrough(t *testing.T) {
	db := newDB(t)
	ctx := ctxT(t)
	if err := db.MetaSet(ctx, "world.version", "1926"); err != nil {
		t.Fatal(err)
	}
	if err := db.MetaSet(ctx, "motd", "Welcome to Arkham"); err != nil {
		t.Fatal(err)
	}
	resume := db.Pause()
	for _, m := range []map[string]string{
		{"clock": "1926-10-31T23:00"},
		{"clock": "1926-10-31T23:59", "moon": "gibbous"},
		{"world.version": "1927"},
	} {
		db.Submit(Batch{Meta: m})
	}
	tests := []struct {
		key, paused, storedWhilePaused, after string
	}{
		{"clock", "1926-10-31T23:59", "", "1926-10-31T23:59"},
		{"moon", "gibbous", "", "gibbous"},
		{"world.version", "1927", "1926", "1927"},
		{"motd", "Welcome to Arkham", "Welcome to Arkham", "Welcome to Arkham"},
		{"absent", "", "", ""},
	}
	for _, tt := range tests {
		checkMeta(t, db, tt.key, tt.paused, db.MetaGet)
		checkMeta(t, db, tt.key, tt.storedWhilePaused, db.storedMeta)
	}
	if st := db.Stats(); st.QueueDepth != 3 {
		t.Errorf("queue depth %d while paused, want 3 keys", st.QueueDepth)
	}
	resume()
	flush(t, db)
	for _, tt := range tests {
		checkMeta(t, db, tt.key, tt.after, db.storedMeta)
	}
}

// checkMeta checks that get returns want for key, or ErrNotFound when want
// is empty.
func checkMeta(t *testing.T, db *DB, key, want string, get func(ctx context.Context, key string) (string, error)) {
	t.Helper()
	got, err := get(ctxT(t), key)
	if want == "" {
		if !errors.Is(err, ErrNotFound) {
			t.Errorf("meta %s = %q, %v; want ErrNotFound", key, got, err)
		}
		return
	}
	if err != nil || got != want {
		t.Errorf("meta %s = %q, %v; want %q", key, got, err, want)
	}
}

func TestBatchesWithOnlyNewItemsCommit(t *testing.T) {
	db := newDB(t)
	_, c := mustCreate(t, db, "Keziah")
	tests := []struct {
		name  string
		batch Batch
		rows  uint64
	}{
		{"only changes", Batch{Changes: []LucidityChange{change(c.ID, -12, "encounter_horrific", t0())}}, 1},
		{"only facts", Batch{Facts: []Fact{{c.ID, "encounters.horrific", 1}}}, 1},
		{"only meta", Batch{Meta: map[string]string{"clock": "witching hour"}}, 1},
		{"only the deletion of a fact never stored", Batch{Facts: []Fact{{c.ID, "cooldown.pray", 0}}}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := db.Stats()
			if !db.Submit(tt.batch) {
				t.Fatal("Submit refused the batch")
			}
			flush(t, db)
			after := db.Stats()
			if after.Commits-before.Commits != 1 || after.RowsWritten-before.RowsWritten != tt.rows {
				t.Fatalf("stats went from %+v to %+v; want one commit of %d rows", before, after, tt.rows)
			}
		})
	}
}

const failLogTrigger = `CREATE TRIGGER fail_log BEFORE INSERT ON lucidity_log
	BEGIN SELECT RAISE(ABORT, 'the Necronomicon is checked out'); END`

// TestFailedCommitKeepsLogAndFacts fails commits of log entries while newer
// ones arrive: after recovery each change is logged exactly once (summed)
// and the newest facts and meta values are stored.
func TestFailedCommitKeepsLogAndFacts(t *testing.T) {
	db := newDB(t)
	ctx := ctxT(t)
	_, c := mustCreate(t, db, "Armitage")
	execWrite(t, db, failLogTrigger)
	db.Submit(Batch{
		Facts:   []Fact{{c.ID, "cooldown.pray", 1}, {c.ID, "liability.dread", 2}},
		Changes: []LucidityChange{change(c.ID, 8, "pray", t0())},
		Meta:    map[string]string{"clock": "old"},
	})
	waitFor(t, "two failed commits", func() bool { return db.Stats().Errors >= 2 })
	later := t0().Add(time.Minute)
	db.Submit(Batch{
		Facts:   []Fact{{c.ID, "cooldown.pray", 2}, {c.ID, "liability.dread", 0}},
		Changes: []LucidityChange{change(c.ID, 8, "pray", later), change(c.ID, -1, "passive_flux", later)},
		Meta:    map[string]string{"clock": "new"},
	})
	waitFor(t, "another failed commit", func() bool { return db.Stats().Errors >= 4 })
	want := map[string]int64{"cooldown.pray": 2}
	if got := facts(t, db, c.ID); !maps.Equal(got, want) {
		t.Errorf("facts while failing = %v, want %v", got, want)
	}
	checkMeta(t, db, "clock", "new", db.MetaGet)
	if st := db.Stats(); st.Commits != 0 || st.QueueDepth != 2+2+1 {
		t.Errorf("while failing: %+v; want no commit and 5 items kept", st)
	}
	execWrite(t, db, `DROP TRIGGER fail_log`)
	if err := db.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	// Same time: written by reason, read newest written first.
	wantLog := []LucidityChange{change(c.ID, 16, "pray", later), change(c.ID, -1, "passive_flux", later)}
	if got := lucidityLog(t, db, c.ID); !slices.Equal(got, wantLog) {
		t.Errorf("log after recovery = %v, want %v", got, wantLog)
	}
	if got := stored(t, db, c.ID); !maps.Equal(got, want) {
		t.Errorf("stored facts after recovery = %v, want %v", got, want)
	}
	checkMeta(t, db, "clock", "new", db.storedMeta)
	if st := db.Stats(); st.Commits != 1 || st.QueueDepth != 0 {
		t.Errorf("after recovery: %+v; want one commit", st)
	}
}

// TestReadsThroughInFlightAndNewerPending holds a batch in flight, submits
// a newer one and reads: the newer values win over the in-flight ones, the
// in-flight visit time comes first.
func TestReadsThroughInFlightAndNewerPending(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mythos.db")
	db := openAt(t, path)
	ctx := ctxT(t)
	a, c := mustCreate(t, db, "Olney")
	unlock := lockDatabase(t, path)
	at := func(s int) time.Time { return t0().Add(time.Duration(s) * time.Second) }
	db.Submit(Batch{Characters: map[int64]CharacterState{c.ID: withResidual(state(c.ID, "kingsport", 77, at(0)), -250)},
		Visits: []Visit{{c.ID, "dock", at(0)}},
		Facts:  []Fact{{c.ID, "encounters.cosmic", 1}, {c.ID, "cooldown.pray", 5}},
		Meta:   map[string]string{"fog": "thick", "tide": "low"}})
	waitInFlight(t, db)
	db.Submit(Batch{Characters: map[int64]CharacterState{c.ID: withResidual(state(c.ID, "kingsport", 70, at(2)), -500)},
		Visits: []Visit{{c.ID, "harbour", at(1)}, {c.ID, "dock", at(2)}},
		Facts:  []Fact{{c.ID, "encounters.cosmic", 2}, {c.ID, "cooldown.pray", 0}},
		Meta:   map[string]string{"fog": "lifting"}})
	if got, err := db.CharacterByAccount(ctx, a.ID); err != nil || got.Residual != -500 || got.Lucidity != 70 {
		t.Errorf("character = %+v, %v; want the pending state", got, err)
	}
	if got := facts(t, db, c.ID); !maps.Equal(got, map[string]int64{"encounters.cosmic": 2}) {
		t.Errorf("facts = %v; want the pending values", got)
	}
	if got, err := db.Visits(ctx, c.ID); err != nil || !slices.Equal(got, []string{"dock", "harbour"}) {
		t.Errorf("visits = %v, %v; want dock (first in flight) then harbour", got, err)
	}
	checkMeta(t, db, "fog", "lifting", db.MetaGet)
	checkMeta(t, db, "tide", "low", db.MetaGet)
	unlock()
	flush(t, db)
	if got := storedCharacter(t, db, c.ID); got.Residual != -500 || got.Lucidity != 70 {
		t.Errorf("stored %+v", got)
	}
}
