package store

import (
	"fmt"
	"testing"
	"time"
)

// TestPruneLucidityLog deletes the changes before the cutoff, over several
// transactions, and keeps the later ones of every character.
func TestPruneLucidityLog(t *testing.T) {
	db := newDB(t)
	_, a := mustCreate(t, db, "Armitage")
	_, b := mustCreate(t, db, "Wilmarth")
	base := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	var changes []LucidityChange
	for i := range pruneBatch + 100 { // old ones: more than one transaction's worth
		changes = append(changes, LucidityChange{CharacterID: a.ID, Delta: -1, Reason: fmt.Sprintf("old%d", i), At: base.Add(time.Duration(i) * time.Second)})
	}
	cutoff := base.Add(24 * time.Hour)
	for _, c := range []Character{a, b} {
		changes = append(changes, LucidityChange{CharacterID: c.ID, Delta: 2, Reason: "new", At: cutoff},
			LucidityChange{CharacterID: c.ID, Delta: 3, Reason: "newer", At: cutoff.Add(time.Hour)})
	}
	db.Submit(Batch{Changes: changes})
	flush(t, db)

	n, err := db.PruneLucidityLog(ctxT(t), cutoff)
	if err != nil {
		t.Fatal(err)
	}
	if n != pruneBatch+100 {
		t.Errorf("pruned %d rows, want %d", n, pruneBatch+100)
	}
	for _, c := range []Character{a, b} {
		if got := lucidityLog(t, db, c.ID); len(got) != 2 || got[0].Reason != "newer" || got[1].Reason != "new" {
			t.Errorf("%s keeps %+v, want new and newer", c.Name, got)
		}
	}
	if n, err := db.PruneLucidityLog(ctxT(t), cutoff); err != nil || n != 0 {
		t.Errorf("second prune: %d, %v; want nothing", n, err)
	}
	if n, err := db.PruneLucidityLog(ctxT(t), time.Time{}); err != nil || n != 0 {
		t.Errorf("prune with no cutoff: %d, %v; want nothing", n, err)
	}
}
