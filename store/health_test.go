package store

import (
	"context"
	"strings"
	"testing"
)

func TestHealthReportsFailingCommitsAndRecovery(t *testing.T) {
	db := newDB(t)
	ctx := context.Background()
	changes := make(chan Health, 10)
	db.OnHealth(func(h Health) { changes <- h })
	db.Submit(Batch{Meta: map[string]string{"k": "1"}})
	if err := db.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	good := db.Stats().LastGood
	if good.IsZero() || db.Stats().Failing {
		t.Fatalf("after a good commit: %+v", db.Stats())
	}
	if err := db.SetReadOnly(ctx, true); err != nil {
		t.Fatal(err)
	}
	db.Submit(Batch{Meta: map[string]string{"k": "2"}})
	h := <-changes
	if h.OK || h.Err == nil || h.Since.IsZero() {
		t.Fatalf("first change %+v, want failing with an error", h)
	}
	s := db.Stats()
	if !s.Failing || !strings.Contains(s.LastError, "readonly") || s.FailingSince.IsZero() || !s.LastGood.Equal(good) {
		t.Fatalf("stats while failing: %+v", s)
	}
	if err := db.SetReadOnly(ctx, false); err != nil {
		t.Fatal(err)
	}
	if h := <-changes; !h.OK {
		t.Fatalf("second change %+v, want OK", h)
	}
	if err := db.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	s = db.Stats()
	if s.Failing || !s.FailingSince.IsZero() || !s.LastGood.After(good) || s.LastError == "" {
		t.Fatalf("stats after recovery: %+v", s)
	}
	select {
	case h := <-changes:
		t.Fatalf("a change reported twice: %+v", h)
	default:
	}
	if v, err := db.MetaGet(ctx, "k"); err != nil || v != "2" {
		t.Fatalf("meta k = %q, %v after recovery; want 2", v, err)
	}
}
