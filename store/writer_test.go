package store

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

func state(id int64, room string, lucidity int, at time.Time) CharacterState {
	return CharacterState{ID: id, RoomID: room, Lucidity: lucidity, LastActive: at}
}

func withResidual(st CharacterState, residual int) CharacterState {
	st.Residual = residual
	return st
}

func TestWriterMergesWhilePausedIntoOneCommit(t *testing.T) {
	db := newDB(t)
	ctx := ctxT(t)
	_, c1 := mustCreate(t, db, "Carter")
	_, c2 := mustCreate(t, db, "Pickman")
	later := t0().Add(time.Minute)
	batches := []Batch{
		{Characters: map[int64]CharacterState{c1.ID: state(c1.ID, "a", 90, t0())},
			Visits: []Visit{{c1.ID, "a", t0()}}},
		{}, // empty: merges to nothing
		{Characters: map[int64]CharacterState{c1.ID: withResidual(state(c1.ID, "b", 80, later), -999), c2.ID: state(c2.ID, "c", 70, later)},
			Visits: []Visit{{c1.ID, "a", later}, {c1.ID, "b", later}, {c2.ID, "c", later}}},
	}
	resume := db.Pause()
	for _, b := range batches {
		if !db.Submit(b) {
			t.Fatal("Submit refused a batch while paused")
		}
	}
	if st := db.Stats(); st.QueueDepth != 2+3 || st.Commits != 0 {
		t.Fatalf("while paused: %+v; want 5 rows queued, no commit", st)
	}
	resume()
	if err := db.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	st := db.Stats()
	if st.Commits != 1 || db.Commits() != 1 || st.RowsWritten != 5 || st.QueueDepth != 0 || st.Errors != 0 {
		t.Fatalf("after resume: %+v; want one commit of 5 rows", st)
	}
	got := storedCharacter(t, db, c1.ID)
	if got.RoomID != "b" || got.Lucidity != 80 || got.Residual != -999 || !got.LastActive.Equal(later) {
		t.Fatalf("stored %+v; want the latest state", got)
	}
	visits, err := db.Visits(ctx, c1.ID)
	if err != nil || !slices.Equal(visits, []string{"a", "b"}) {
		t.Fatalf("visits = %v, %v; want [a b] (a first seen at t0)", visits, err)
	}
}

func TestEmptyBatchesAreNeverCommitted(t *testing.T) {
	db := newDB(t)
	for _, b := range []Batch{{}, {Characters: map[int64]CharacterState{}}, {Visits: []Visit{}},
		{Facts: []Fact{}}, {Changes: []LucidityChange{}}, {Meta: map[string]string{}}} {
		if !db.Submit(b) {
			t.Fatal("Submit refused an empty batch")
		}
	}
	if err := db.Flush(ctxT(t)); err != nil {
		t.Fatal(err)
	}
	if n := db.Commits(); n != 0 {
		t.Fatalf("%d commits for empty batches, want 0", n)
	}
}

func TestReadThroughWhilePaused(t *testing.T) {
	db := newDB(t)
	ctx := ctxT(t)
	a, c := mustCreate(t, db, "Lavinia")
	resume := db.Pause()
	defer resume()
	at := t0().Add(time.Hour)
	db.Submit(Batch{Characters: map[int64]CharacterState{c.ID: withResidual(state(c.ID, "dunwich", 42, at), 600)},
		Visits: []Visit{{c.ID, "dunwich", at}, {c.ID, "sentinel_hill", at.Add(time.Second)}}})

	got, err := db.CharacterByAccount(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.RoomID != "dunwich" || got.Lucidity != 42 || got.Residual != 600 || got.LastActive != at.UTC() || got.Name != "Lavinia" {
		t.Fatalf("read-through character = %+v", got)
	}
	visits, err := db.Visits(ctx, c.ID)
	if err != nil || !slices.Equal(visits, []string{"dunwich", "sentinel_hill"}) {
		t.Fatalf("read-through visits = %v, %v", visits, err)
	}
	if stored := storedCharacter(t, db, c.ID); stored.RoomID != "start" || storedVisits(t, db, c.ID) != 0 {
		t.Fatalf("database changed while paused: %+v", stored)
	}
	ctxShort, cancel := context.WithCancel(ctx)
	cancel()
	if err := db.Flush(ctxShort); !errors.Is(err, context.Canceled) {
		t.Fatalf("Flush while paused with a cancelled context = %v", err)
	}
}

// TestReadThroughInFlight holds the database's write lock from another
// connection so that the writer's commit waits in flight, then reads.
func TestReadThroughInFlight(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mythos.db")
	db := openAt(t, path)
	ctx := ctxT(t)
	a, c := mustCreate(t, db, "Asenath")
	unlock := lockDatabase(t, path)
	db.Submit(Batch{Characters: map[int64]CharacterState{c.ID: state(c.ID, "innsmouth", 33, t0())},
		Visits: []Visit{{c.ID, "innsmouth", t0()}}})
	waitInFlight(t, db)
	got, err := db.CharacterByAccount(ctx, a.ID)
	if err != nil || got.RoomID != "innsmouth" || got.Lucidity != 33 {
		t.Fatalf("read-through of in-flight state = %+v, %v", got, err)
	}
	if v, err := db.Visits(ctx, c.ID); err != nil || !slices.Equal(v, []string{"innsmouth"}) {
		t.Fatalf("read-through of in-flight visits = %v, %v", v, err)
	}
	unlock()
	if err := db.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if stored := storedCharacter(t, db, c.ID); stored.RoomID != "innsmouth" {
		t.Fatalf("stored after the lock was released: %+v", stored)
	}
}

// lockDatabase takes the write lock of the database at path from another
// connection; the writer's next transaction waits (busy timeout) until
// unlock is called.
func lockDatabase(t *testing.T, path string) (unlock func()) {
	t.Helper()
	ctx := ctxT(t)
	conn, err := rawDB(t, path).Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	if _, err := conn.ExecContext(ctx, `BEGIN IMMEDIATE`); err != nil {
		t.Fatal(err)
	}
	return func() {
		if _, err := conn.ExecContext(ctx, `COMMIT`); err != nil {
			t.Fatal(err)
		}
	}
}

func waitInFlight(t *testing.T, db *DB) {
	t.Helper()
	waitFor(t, "the batch to be in flight", func() bool {
		db.w.mu.Lock()
		defer db.w.mu.Unlock()
		return db.w.inflight != nil
	})
}

// TestFailedInFlightBatchStaysUnderNewerState fails a commit whose batch
// was in flight while a newer state arrived: the newer state, facts and
// meta must win, the older visit time must be kept and the lucidity
// changes of both must be summed into one log entry.
func TestFailedInFlightBatchStaysUnderNewerState(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mythos.db")
	db := openAt(t, path)
	ctx := ctxT(t)
	_, c := mustCreate(t, db, "Derby")
	execWrite(t, db, failTrigger)
	unlock := lockDatabase(t, path)
	later := t0().Add(time.Hour)
	db.Submit(Batch{Characters: map[int64]CharacterState{c.ID: state(c.ID, "old", 1, t0())},
		Visits:  []Visit{{c.ID, "hall", t0()}},
		Facts:   []Fact{{c.ID, "cooldown.pray", 1}, {c.ID, "liability.dread", 7}},
		Changes: []LucidityChange{change(c.ID, 8, "pray", t0())},
		Meta:    map[string]string{"clock": "old"}})
	waitInFlight(t, db)
	db.Submit(Batch{Characters: map[int64]CharacterState{c.ID: state(c.ID, "new", 2, later)},
		Visits:  []Visit{{c.ID, "hall", later}, {c.ID, "crypt", later}},
		Facts:   []Fact{{c.ID, "cooldown.pray", 2}, {c.ID, "liability.dread", 0}},
		Changes: []LucidityChange{change(c.ID, 6, "pray", later)},
		Meta:    map[string]string{"clock": "new"}})
	unlock()
	waitFor(t, "the in-flight commit to fail", func() bool { return db.Stats().Errors >= 1 })
	execWrite(t, db, `DROP TRIGGER fail_updates`)
	if err := db.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if got := storedCharacter(t, db, c.ID); got.RoomID != "new" || got.Lucidity != 2 {
		t.Fatalf("stored %+v; the older in-flight state overwrote the newer", got)
	}
	if v, err := db.Visits(ctx, c.ID); err != nil || !slices.Equal(v, []string{"hall", "crypt"}) {
		t.Fatalf("visits = %v, %v; want hall (first at t0) then crypt", v, err)
	}
	if got := stored(t, db, c.ID); !maps.Equal(got, map[string]int64{"cooldown.pray": 2}) {
		t.Errorf("stored facts %v; want the newer ones", got)
	}
	if got := lucidityLog(t, db, c.ID); !slices.Equal(got, []LucidityChange{change(c.ID, 14, "pray", later)}) {
		t.Errorf("log %v; want one entry summing both", got)
	}
	checkMeta(t, db, "clock", "new", db.storedMeta)
}

func TestCloseFlushes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mythos.db")
	db, err := open(path, testLogger(t), testConfig())
	if err != nil {
		t.Fatal(err)
	}
	a, c := mustCreate(t, db, "Gilman")
	db.Pause() // never resumed: Close must release the pause and still flush
	db.Submit(Batch{Characters: map[int64]CharacterState{c.ID: state(c.ID, "witch_house", 13, t0())},
		Visits: []Visit{{c.ID, "witch_house", t0()}}})
	if err := db.Close(); err != nil {
		t.Fatalf("close: %v", err)
	}
	db = openAt(t, path)
	got, err := db.CharacterByAccount(ctxT(t), a.ID)
	if err != nil || got.RoomID != "witch_house" || got.Lucidity != 13 {
		t.Fatalf("after reopen: %+v, %v", got, err)
	}
	if n := storedVisits(t, db, c.ID); n != 1 {
		t.Fatalf("%d visits after reopen, want 1", n)
	}
}

const failTrigger = `CREATE TRIGGER fail_updates BEFORE UPDATE ON characters
	BEGIN SELECT RAISE(ABORT, 'disk of Yith is full'); END`

func TestFailedCommitIsRetriedWithoutLoss(t *testing.T) {
	db := newDB(t)
	ctx := ctxT(t)
	a, c := mustCreate(t, db, "Peaslee")
	execWrite(t, db, failTrigger)
	db.Submit(Batch{Characters: map[int64]CharacterState{c.ID: state(c.ID, "old", 50, t0())},
		Visits: []Visit{{c.ID, "old", t0()}}})
	waitFor(t, "two failed commits", func() bool { return db.Stats().Errors >= 2 })
	// Newer state submitted while commits fail must win over the kept batch.
	db.Submit(Batch{Characters: map[int64]CharacterState{c.ID: state(c.ID, "new", 60, t0())},
		Visits: []Visit{{c.ID, "new", t0()}}})
	waitFor(t, "another failed commit", func() bool { return db.Stats().Errors >= 4 })
	if got, err := db.CharacterByAccount(ctx, a.ID); err != nil || got.RoomID != "new" {
		t.Fatalf("read-through while failing = %+v, %v", got, err)
	}
	if st := db.Stats(); st.Commits != 0 || st.QueueDepth != 3 {
		t.Fatalf("while failing: %+v; want no commit and 3 rows kept", st)
	}
	execWrite(t, db, `DROP TRIGGER fail_updates`)
	if err := db.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if got := storedCharacter(t, db, c.ID); got.RoomID != "new" || got.Lucidity != 60 {
		t.Fatalf("stored after recovery: %+v; want the newer state", got)
	}
	if v, err := db.Visits(ctx, c.ID); err != nil || len(v) != 2 || storedVisits(t, db, c.ID) != 2 {
		t.Fatalf("visits after recovery = %v, %v", v, err)
	}
	if st := db.Stats(); st.Commits != 1 || st.QueueDepth != 0 {
		t.Fatalf("after recovery: %+v; want one commit", st)
	}
}

func TestCloseGivesUpOnPermanentFailureAndSaysSo(t *testing.T) {
	cfg := testConfig()
	cfg.closeTimeout = 50 * time.Millisecond
	db, err := open(filepath.Join(t.TempDir(), "mythos.db"), testLogger(t), cfg)
	if err != nil {
		t.Fatal(err)
	}
	_, c := mustCreate(t, db, "Akeley")
	execWrite(t, db, failTrigger)
	db.Submit(Batch{Characters: map[int64]CharacterState{c.ID: state(c.ID, "vermont", 1, t0())},
		Changes: []LucidityChange{change(c.ID, -20, "encounter_cosmic", t0())}})
	err = db.Close()
	for _, want := range []string{"1 character states", "1 lucidity changes"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Fatalf("Close with a failing commit = %v; want an error saying %q", err, want)
		}
	}
	if err := db.Flush(ctxT(t)); !errors.Is(err, ErrClosed) {
		t.Fatalf("Flush after a lossy Close = %v; want ErrClosed", err)
	}
}

func TestItemsOfUnknownCharactersDoNotPoisonTheBatch(t *testing.T) {
	db := newDB(t)
	_, c := mustCreate(t, db, "Curwen")
	db.Submit(Batch{
		Characters: map[int64]CharacterState{9999: state(9999, "x", 1, t0()), c.ID: state(c.ID, "y", 2, t0())},
		Visits:     []Visit{{9999, "x", t0()}, {c.ID, "y", t0()}},
		Facts:      []Fact{{9999, "encounters.cosmic", 1}, {c.ID, "encounters.cosmic", 1}},
		Changes:    []LucidityChange{change(9999, -20, "encounter_cosmic", t0()), change(c.ID, -20, "encounter_cosmic", t0())},
	})
	flush(t, db)
	if st := db.Stats(); st.Errors != 0 || st.Commits != 1 || st.RowsWritten != 4 {
		t.Fatalf("stats %+v; want one clean commit of 4 rows", st)
	}
	if got := storedCharacter(t, db, c.ID); got.RoomID != "y" {
		t.Fatalf("stored %+v", got)
	}
	if got := lucidityLog(t, db, c.ID); len(got) != 1 || stored(t, db, c.ID)["encounters.cosmic"] != 1 {
		t.Fatalf("log %v, facts %v; want the known character's", got, stored(t, db, c.ID))
	}
}

// TestSubmitStaysBoundedWhileHeld submits many more batches than may wait
// unmerged while the writer is held: the queue never outgrows maxQueued,
// reads see the newest state, and one commit writes it all.
func TestSubmitStaysBoundedWhileHeld(t *testing.T) {
	db := newDB(t)
	_, c := mustCreate(t, db, "Olmstead")
	resume := db.Pause()
	commits := db.Commits()
	for i := range 3 * maxQueued {
		db.Submit(Batch{Characters: map[int64]CharacterState{c.ID: state(c.ID, fmt.Sprint("room", i), i, t0())}})
		db.w.mu.Lock()
		n := len(db.w.queued)
		db.w.mu.Unlock()
		if n >= maxQueued {
			t.Fatalf("%d batches wait unmerged after %d submits; want fewer than %d", n, i+1, maxQueued)
		}
	}
	if got, err := db.CharacterByAccount(ctxT(t), c.AccountID); err != nil || got.RoomID != fmt.Sprint("room", 3*maxQueued-1) {
		t.Fatalf("read while held: %q %v", got.RoomID, err)
	}
	resume()
	flush(t, db)
	if got := db.Commits() - commits; got != 1 {
		t.Errorf("%d commits after resume, want 1", got)
	}
}

// TestConcurrentSubmit has each goroutine own a character and lower its
// lucidity from 100 to -1, -2, ... step by step, logging each step and
// counting the steps in a fact and a meta key, while readers check that
// what they read never goes back; then it checks that the last state, every
// visit and every logged step were written.
func TestConcurrentSubmit(t *testing.T) {
	db := newDB(t)
	ctx := ctxT(t)
	const writers, steps = 4, 100
	accounts := make([]Account, writers)
	chars := make([]Character, writers)
	for i := range writers {
		accounts[i], chars[i] = mustCreate(t, db, fmt.Sprintf("Cultist%d", i))
	}
	var wg sync.WaitGroup
	done := make(chan struct{})
	errs := make(chan error, 2*writers)
	for i := range writers {
		wg.Go(func() { submitSteps(db, chars[i].ID, steps) })
	}
	var readers sync.WaitGroup
	for i := range writers {
		readers.Go(func() { errs <- readMonotonic(ctx, db, accounts[i].ID, done) })
	}
	wg.Wait()
	close(done)
	readers.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	flush(t, db)
	for _, c := range chars {
		checkSteps(t, db, c.ID, steps)
	}
}

// checkSteps checks what submitSteps should have left in the database.
func checkSteps(t *testing.T, db *DB, id int64, steps int) {
	t.Helper()
	if got := storedCharacter(t, db, id); got.Lucidity != -steps {
		t.Errorf("character %d stored lucidity %d, want %d", id, got.Lucidity, -steps)
	}
	if n := storedVisits(t, db, id); n != steps {
		t.Errorf("character %d has %d visits, want %d", id, n, steps)
	}
	sum := 0
	for _, c := range lucidityLog(t, db, id) {
		sum += c.Delta
	}
	if sum != -steps {
		t.Errorf("character %d: logged changes sum to %d, want %d", id, sum, -steps)
	}
	if got := stored(t, db, id)["steps"]; got != int64(steps) {
		t.Errorf("character %d: steps fact %d, want %d", id, got, steps)
	}
	checkMeta(t, db, stepsKey(id), strconv.Itoa(steps), db.storedMeta)
}

func stepsKey(id int64) string { return fmt.Sprintf("steps.%d", id) }

func submitSteps(db *DB, id int64, steps int) {
	for s := 1; s <= steps; s++ {
		room := fmt.Sprintf("room%03d", s)
		at := t0().Add(time.Duration(s) * time.Second)
		db.Submit(Batch{Characters: map[int64]CharacterState{id: state(id, room, -s, at)},
			Visits:  []Visit{{id, room, at}},
			Facts:   []Fact{{id, "steps", int64(s)}},
			Changes: []LucidityChange{{id, -1, "passive_flux", at}},
			Meta:    map[string]string{stepsKey(id): strconv.Itoa(s)}})
	}
}

// readMonotonic reads a character, its steps fact and its steps meta key
// until done, and fails if any of them goes back.
func readMonotonic(ctx context.Context, db *DB, account int64, done <-chan struct{}) error {
	lucidity, steps, meta := 100, int64(0), 0
	for {
		select {
		case <-done:
			return nil
		default:
		}
		c, err := db.CharacterByAccount(ctx, account)
		if err != nil {
			return err
		}
		if c.Lucidity > lucidity {
			return fmt.Errorf("account %d: read lucidity %d after %d", account, c.Lucidity, lucidity)
		}
		lucidity = c.Lucidity
		facts, err := db.Facts(ctx, c.ID)
		if err != nil {
			return err
		}
		if facts["steps"] < steps {
			return fmt.Errorf("character %d: read steps fact %d after %d", c.ID, facts["steps"], steps)
		}
		steps = facts["steps"]
		if meta, err = metaSteps(ctx, db, c.ID, meta); err != nil {
			return err
		}
	}
}

// metaSteps reads the steps meta key of character id and fails if it is
// below last; not found counts as 0.
func metaSteps(ctx context.Context, db *DB, id int64, last int) (int, error) {
	v, err := db.MetaGet(ctx, stepsKey(id))
	if errors.Is(err, ErrNotFound) {
		v, err = "0", nil
	}
	if err != nil {
		return 0, err
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < last {
		return 0, fmt.Errorf("character %d: read steps meta %q after %d (%v)", id, v, last, err)
	}
	return n, nil
}
