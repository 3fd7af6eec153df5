package store

import "testing"

// TestPendingItemsMerge: a newer batch's item state wins; a failed older
// batch put back never overwrites a newer state, and brings back what the
// newer one lacks.
func TestPendingItemsMerge(t *testing.T) {
	p := newPending()
	p.add(Batch{Items: map[int64]ItemState{1: {Place: PlaceRoom, Holder: "hall"}, 2: {Place: PlaceRoom, Holder: "hall"}}})
	p.add(Batch{Items: map[int64]ItemState{1: {Place: PlaceInv, Holder: "7"}}})
	if got := p.items[1]; got.Place != PlaceInv || got.ID != 1 {
		t.Fatalf("item 1 = %+v, want carried by 7", got)
	}
	newer := newPending()
	newer.add(Batch{Items: map[int64]ItemState{2: {Gone: true}}})
	newer.addOlder(p)
	if !newer.items[2].Gone || newer.items[1].Holder != "7" {
		t.Fatalf("after addOlder: %+v", newer.items)
	}
	if c := newer.contents(); c.items != 2 || c.size() != 2 {
		t.Errorf("contents = %+v", c)
	}
}
