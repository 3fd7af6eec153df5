package world

import (
	"context"
	"errors"
	"slices"
	"sync"
)

// ErrHasherBusy is returned when an address already has as many password
// checks waiting as it may.
var ErrHasherBusy = errors.New("too many password checks waiting for this address")

// maxWaitingPerAddr bounds the hashes one address may have waiting.
const maxWaitingPerAddr = 4

// fairQueue hands out a few hashing slots. Waiters are served round-robin
// by address, so that many connections from one address cannot starve a
// login from another; each address has at most maxWaitingPerAddr waiting.
type fairQueue struct {
	mu      sync.Mutex
	slots   int // hashes at once
	free    int
	order   []string                   // addresses with waiters, next first
	waiting map[string][]chan struct{} // by address, oldest first
}

func newFairQueue(slots int) *fairQueue {
	n := max(1, slots)
	return &fairQueue{slots: n, free: n, waiting: make(map[string][]chan struct{})}
}

// acquire waits for a slot for addr, or for ctx.
func (q *fairQueue) acquire(ctx context.Context, addr string) error {
	q.mu.Lock()
	if q.free > 0 && len(q.order) == 0 {
		q.free--
		q.mu.Unlock()
		return nil
	}
	if len(q.waiting[addr]) >= maxWaitingPerAddr {
		q.mu.Unlock()
		return ErrHasherBusy
	}
	ch := make(chan struct{})
	if len(q.waiting[addr]) == 0 {
		q.order = append(q.order, addr)
	}
	q.waiting[addr] = append(q.waiting[addr], ch)
	q.mu.Unlock()
	select {
	case <-ch:
		return nil
	case <-ctx.Done():
		if !q.forget(addr, ch) {
			_ = q.release() // granted meanwhile: hand the slot on (the next hash settles the memory)
		}
		return ctx.Err()
	}
}

// forget removes a waiter that gave up; false when it was already served.
func (q *fairQueue) forget(addr string, ch chan struct{}) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	chs := q.waiting[addr]
	i := slices.Index(chs, ch)
	if i < 0 {
		return false
	}
	chs = slices.Delete(chs, i, i+1)
	if len(chs) > 0 {
		q.waiting[addr] = chs
		return true
	}
	delete(q.waiting, addr)
	if j := slices.Index(q.order, addr); j >= 0 {
		q.order = slices.Delete(q.order, j, j+1)
	}
	return true
}

// idle reports whether no hash runs and none waits.
func (q *fairQueue) idle() bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.free == q.slots
}

// release returns a slot: to the next address in turn, or to the pool. It
// reports whether the queue is idle now: no hash running, none waiting.
func (q *fairQueue) release() (idle bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.order) == 0 {
		q.free++
		return q.free == q.slots
	}
	addr := q.order[0]
	q.order = q.order[1:]
	chs := q.waiting[addr]
	close(chs[0])
	if chs = chs[1:]; len(chs) > 0 {
		q.waiting[addr] = chs
		q.order = append(q.order, addr)
	} else {
		delete(q.waiting, addr)
	}
	return false
}
