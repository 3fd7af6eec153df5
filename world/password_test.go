package world

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"
)

func testHasher() *Hasher { return NewHasher(HashParams{Time: 1, Memory: 64, Threads: 1}, 2) }

func TestHasherRoundTrip(t *testing.T) {
	h := testHasher()
	hash, err := h.Hash("correct horse")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		password string
		want     bool
	}{{"correct horse", true}, {"correct hors", false}, {"", false}, {"Correct horse", false}}
	for _, tt := range tests {
		got, err := h.Check(hash, tt.password)
		if err != nil || got != tt.want {
			t.Errorf("Check(%q) = %v, %v; want %v", tt.password, got, err, tt.want)
		}
	}
	other, _ := h.Hash("correct horse")
	if other == hash {
		t.Error("two hashes of one password are equal: salt is not random")
	}
}

func TestHasherReadsItsOwnParams(t *testing.T) {
	strong := NewHasher(HashParams{Time: 2, Memory: 128, Threads: 1}, 1)
	hash, _ := strong.Hash("pw")
	if ok, err := testHasher().Check(hash, "pw"); !ok || err != nil {
		t.Fatalf("a hasher with other params cannot check: %v %v", ok, err)
	}
}

func TestHasherRejectsBadHashes(t *testing.T) {
	for _, bad := range []string{"", "plain", "$argon2id$v=19$m=1,t=1,p=1$$", "$bcrypt$x$y$z$w",
		"$argon2id$v=19$m=99999999,t=1,p=1$c2FsdA$a2V5", "$argon2id$v=18$m=64,t=1,p=1$c2FsdA$a2V5"} {
		if ok, err := testHasher().Check(bad, "pw"); ok || err == nil {
			t.Errorf("Check(%q) = %v, %v; want an error", bad, ok, err)
		}
	}
}

// TestHasherSettlesOnceIdle: a burst of hashes ends in a call of onIdle
// (which hands argon2id's memory back to the system), made only when no
// hash runs or waits.
func TestHasherSettlesOnceIdle(t *testing.T) {
	h := testHasher()
	h.settleAfter = 10 * time.Millisecond
	settled := make(chan bool, 8)
	h.onIdle = func() { settled <- h.queue.idle() }
	var wg sync.WaitGroup
	for i := range 6 {
		wg.Go(func() {
			if _, err := h.HashFrom(context.Background(), fmt.Sprint("10.0.0.", i%3), "lanterns"); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	select {
	case idle := <-settled:
		if !idle {
			t.Error("onIdle ran while hashes were under way")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the hasher never settled after its burst")
	}
}
