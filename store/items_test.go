package store

import (
	"context"
	"slices"
	"testing"
)

func itemIDs(items []ItemState) []int64 {
	var ids []int64
	for _, it := range items {
		ids = append(ids, it.ID)
	}
	slices.Sort(ids)
	return ids
}

// TestItemsMoveAtomicallyAndReadThrough moves items while the writer is
// held: reads see the moves at once, the database only after resume, and a
// container's contents come with it.
func TestItemsMoveAtomicallyAndReadThrough(t *testing.T) {
	db := newDB(t)
	ctx := ctxT(t)
	floor := Holder{PlaceRoom, "hall"}
	db.Submit(Batch{Items: map[int64]ItemState{
		1: {Proto: "lamp", Place: PlaceRoom, Holder: "hall"},
		2: {Proto: "satchel", Place: PlaceRoom, Holder: "hall"},
		3: {Proto: "tonic", Place: PlaceIn, Holder: "2"},
	}, Meta: map[string]string{MetaNextItemID: "4"}})
	if err := db.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	resume := db.Pause()
	db.Submit(Batch{Items: map[int64]ItemState{
		2: {Proto: "satchel", Place: PlaceInv, Holder: "7"},
		1: {Proto: "lamp", Gone: true},
	}})
	inv := Holder{PlaceInv, "7"}
	tests := []struct {
		holder Holder
		want   []int64
	}{{floor, nil}, {inv, []int64{2, 3}}}
	for _, tt := range tests {
		got, err := db.ItemsOf(ctx, tt.holder)
		if err != nil || !slices.Equal(itemIDs(got), tt.want) {
			t.Errorf("ItemsOf(%v) while held = %v, %v; want %v", tt.holder, itemIDs(got), err, tt.want)
		}
	}
	resume()
	if err := db.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	all, err := db.AllItems(ctx)
	if err != nil || len(all) != 2 || all[2].Holder != "7" || all[3].Holder != "2" {
		t.Fatalf("AllItems = %v, %v", all, err)
	}
	next, err := db.NextItemID(ctx)
	if err != nil || next != 4 {
		t.Errorf("NextItemID = %d, %v; want 4 (id 1 is gone but never reused)", next, err)
	}
}

// TestAttributesAndMoneyPersist round-trips a character's attributes and
// money through the writer.
func TestAttributesAndMoneyPersist(t *testing.T) {
	db := newDB(t)
	ctx := ctxT(t)
	a, c := mustCreate(t, db, "Asenath")
	attrs := Attributes{50, 60, 45, 70, 40, 55, 65, 80, 75}
	st := state(c.ID, "start", 90, t0())
	st.Attributes, st.Money = attrs, 1234
	db.Submit(Batch{Characters: map[int64]CharacterState{c.ID: st}})
	if err := db.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	got, err := db.CharacterByAccount(ctx, a.ID)
	if err != nil || got.Attributes != attrs || got.Money != 1234 {
		t.Fatalf("character = %+v, %v", got, err)
	}
	if s := encodeAttributes(attrs); decodeAttributes(s) != attrs || decodeAttributes("1,2") != (Attributes{}) {
		t.Errorf("attributes do not round-trip through %q", s)
	}
}

// TestItemProtosImportIdempotently imports prototypes twice.
func TestItemProtosImportIdempotently(t *testing.T) {
	db := newDB(t)
	ctx := ctxT(t)
	w := World{Items: []ItemProto{{ID: "lamp", Name: "a lamp", Keywords: []string{"lamp"}, Type: "junk"}}}
	for i, want := range []int{1, 0} {
		stats, err := db.ImportWorld(ctx, w)
		if err != nil || stats.Prototypes != want {
			t.Fatalf("import %d: %+v, %v; want %d prototypes changed", i, stats, err, want)
		}
	}
	got, err := db.ItemProtos(ctx)
	if err != nil || len(got) != 1 || got[0].Name != "a lamp" {
		t.Fatalf("ItemProtos = %v, %v", got, err)
	}
}
