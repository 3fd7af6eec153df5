package store

import (
	"fmt"
	"testing"
	"time"
)

// chatAt is a chat line of who at base plus d.
func chatAt(who, text string, at time.Time) ChatLine {
	return ChatLine{At: at, Who: who, Channel: "say", Text: text, Room: "ward"}
}

// TestChatLog writes chat lines through the writer and reads back one
// speaker's since a time, oldest first, without regard to case.
func TestChatLog(t *testing.T) {
	db := newDB(t)
	base := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	db.Submit(Batch{Chat: []ChatLine{
		chatAt("Armitage", "too early", base),
		chatAt("Armitage", "first", base.Add(time.Hour)),
		chatAt("Wilbur", "not his", base.Add(time.Hour)),
	}})
	db.Submit(Batch{Chat: []ChatLine{{At: base.Add(2 * time.Hour), Who: "Armitage", Channel: "ooc", Text: "second ☥"}}})
	flush(t, db)
	got, err := db.ChatLog(ctxT(t), "ARMITAGE", base.Add(time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	want := []ChatLine{chatAt("Armitage", "first", base.Add(time.Hour)),
		{At: base.Add(2 * time.Hour), Who: "Armitage", Channel: "ooc", Text: "second ☥"}}
	if len(got) != len(want) {
		t.Fatalf("chat log %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("line %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	if got, err := db.ChatLog(ctxT(t), "nobody", base); err != nil || len(got) != 0 {
		t.Errorf("chat log of nobody: %v, %v", got, err)
	}
}

// TestChatLogKeepsTheNewest: a query returns at most maxChatLines, the
// newest, oldest first.
func TestChatLogKeepsTheNewest(t *testing.T) {
	db := newDB(t)
	base := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	var lines []ChatLine
	for i := range maxChatLines + 10 {
		lines = append(lines, chatAt("Armitage", fmt.Sprint(i), base.Add(time.Duration(i)*time.Second)))
	}
	db.Submit(Batch{Chat: lines})
	flush(t, db)
	got, err := db.ChatLog(ctxT(t), "armitage", base)
	if err != nil || len(got) != maxChatLines || got[0].Text != "10" || got[len(got)-1].Text != fmt.Sprint(maxChatLines+9) {
		t.Fatalf("%d lines from %v to %v, %v", len(got), got[0], got[len(got)-1], err)
	}
}

// TestPruneChatLog deletes the lines before the cutoff, over several
// transactions, and keeps the later ones.
func TestPruneChatLog(t *testing.T) {
	db := newDB(t)
	base := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	cutoff := base.Add(24 * time.Hour)
	var lines []ChatLine
	for i := range pruneBatch + 100 {
		lines = append(lines, chatAt("Armitage", "old", base.Add(time.Duration(i)*time.Second)))
	}
	lines = append(lines, chatAt("Armitage", "new", cutoff), chatAt("Wilbur", "newer", cutoff.Add(time.Hour)))
	db.Submit(Batch{Chat: lines})
	flush(t, db)
	n, err := db.PruneChatLog(ctxT(t), cutoff)
	if err != nil || n != pruneBatch+100 {
		t.Fatalf("pruned %d, %v; want %d", n, err, pruneBatch+100)
	}
	for _, tt := range []struct {
		who  string
		want string
	}{{"Armitage", "new"}, {"Wilbur", "newer"}} {
		if got, err := db.ChatLog(ctxT(t), tt.who, base); err != nil || len(got) != 1 || got[0].Text != tt.want {
			t.Errorf("%s keeps %+v, %v; want %q", tt.who, got, err, tt.want)
		}
	}
	if n, err := db.PruneChatLog(ctxT(t), cutoff); err != nil || n != 0 {
		t.Errorf("second prune: %d, %v", n, err)
	}
}

// TestPendingChatMerges: merged batches keep chat lines in order (an older
// failed batch's first) and hold at most maxPendingChat.
func TestPendingChatMerges(t *testing.T) {
	base := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	old, p := newPending(), newPending()
	old.add(Batch{Chat: []ChatLine{chatAt("A", "1", base)}})
	p.add(Batch{Chat: []ChatLine{chatAt("A", "2", base)}})
	p.add(Batch{Chat: []ChatLine{chatAt("A", "3", base)}})
	p.addOlder(old)
	if len(p.chat) != 3 || p.chat[0].Text != "1" || p.chat[2].Text != "3" {
		t.Fatalf("merged chat %+v, want 1, 2, 3", p.chat)
	}
	big := make([]ChatLine, maxPendingChat+5)
	p.add(Batch{Chat: big})
	if len(p.chat) != maxPendingChat || p.size() < maxPendingChat {
		t.Errorf("pending holds %d chat lines, want at most %d", len(p.chat), maxPendingChat)
	}
}
