package store

import (
	"context"
	"testing"
	"time"
)

func TestBansGoThroughTheWriter(t *testing.T) {
	db := newDB(t)
	ctx := context.Background()
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	set := func(target string, expires time.Time) BanChange {
		return BanChange{Ban: Ban{Target: target, Expires: expires, Reason: "guessing", By: "Keeper", CreatedAt: now}}
	}
	db.Submit(Batch{Bans: []BanChange{set("192.0.2.7/32", time.Time{}), set("10.0.0.0/8", now.Add(time.Hour)),
		set("198.51.100.0/24", now.Add(-time.Minute))}})
	// Merged in the writer: the later change of a target wins.
	db.Submit(Batch{Bans: []BanChange{{Ban: Ban{Target: "10.0.0.0/8"}, Removed: true}, set("2001:db8::/48", time.Time{})}})
	if err := db.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	got, err := db.Bans(ctx, now)
	if err != nil {
		t.Fatal(err)
	}
	var targets []string
	for _, b := range got {
		targets = append(targets, b.Target)
		if b.Reason != "guessing" || b.By != "Keeper" || !b.CreatedAt.Equal(now) {
			t.Errorf("ban read back as %+v", b)
		}
	}
	want := []string{"192.0.2.7/32", "2001:db8::/48"}
	if len(targets) != len(want) || targets[0] != want[0] || targets[1] != want[1] {
		t.Fatalf("bans %v, want %v (expired and lifted ones left out)", targets, want)
	}
	if !got[0].Expires.IsZero() {
		t.Errorf("a ban forever came back with expiry %v", got[0].Expires)
	}
}
