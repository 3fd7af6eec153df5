package store

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestMutes(t *testing.T) {
	db := newDB(t)
	ctx := context.Background()
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	mutes := []Mute{
		{Owner: 1, Name: "Bob", CreatedAt: now},
		{Owner: 1, Name: "Carol", Expires: now.Add(time.Minute), CreatedAt: now},
		{Owner: 1, Name: "Dan", Expires: now.Add(-time.Minute), CreatedAt: now},
		{Owner: 2, Name: "Bob", Expires: now.Add(time.Hour), CreatedAt: now},
		{Owner: GlobalMuteOwner, Name: "Eve", CreatedAt: now, By: "Keeper"},
	}
	for _, m := range mutes {
		if err := db.SetMute(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.SetMute(ctx, Mute{Owner: 1, Name: "BOB", Expires: now.Add(2 * time.Hour), CreatedAt: now}); err != nil {
		t.Fatal(err)
	}
	got, err := db.Mutes(ctx, []int64{1, 2, 3, GlobalMuteOwner}, now)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		owner int64
		names []string
	}{{1, []string{"BOB", "Carol"}}, {2, []string{"Bob"}}, {3, nil}, {GlobalMuteOwner, []string{"Eve"}}}
	for _, tt := range tests {
		var names []string
		for _, m := range got[tt.owner] {
			names = append(names, m.Name)
		}
		if len(names) != len(tt.names) || (len(names) > 0 && names[0] != tt.names[0]) {
			t.Errorf("owner %d: mutes %v, want %v", tt.owner, names, tt.names)
		}
	}
	if m := got[1][0]; !m.Expires.Equal(now.Add(2*time.Hour)) || m.Expired(now) || !m.Expired(now.Add(3*time.Hour)) {
		t.Errorf("replaced mute: %+v", m)
	}
	if err := db.Unmute(ctx, 1, "bob"); err != nil {
		t.Fatal(err)
	}
	if err := db.Unmute(ctx, 1, "bob"); !errors.Is(err, ErrNotFound) {
		t.Errorf("second unmute: %v, want ErrNotFound", err)
	}
	if got, _ := db.Mutes(ctx, nil, now); len(got) != 0 {
		t.Errorf("no owners gave %v", got)
	}
}
