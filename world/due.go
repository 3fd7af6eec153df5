package world

import (
	"container/heap"
	"time"
)

// Kinds of due work.
const (
	dueReset uint8 = iota + 1
	dueSweep
)

// dueWork is one piece of timed work.
type dueWork struct {
	at   int64
	kind uint8
	room string
	item int64
}

// dueQueue is a min-heap of timed work by due time (DESIGN rule 12).
type dueQueue []dueWork

func (q dueQueue) Len() int           { return len(q) }
func (q dueQueue) Less(i, j int) bool { return q[i].at < q[j].at }
func (q dueQueue) Swap(i, j int)      { q[i], q[j] = q[j], q[i] }
func (q *dueQueue) Push(x any)        { *q = append(*q, x.(dueWork)) }
func (q *dueQueue) Pop() any {
	old := *q
	d := old[len(old)-1]
	*q = old[:len(old)-1]
	return d
}

func (q *dueQueue) add(at time.Time, kind uint8, room string, item int64) {
	heap.Push(q, dueWork{at: at.UnixNano(), kind: kind, room: room, item: item})
}

// popDue removes and returns the earliest work if it is due by now.
func (q *dueQueue) popDue(now time.Time) (dueWork, bool) {
	if len(*q) == 0 || (*q)[0].at > now.UnixNano() {
		return dueWork{}, false
	}
	return heap.Pop(q).(dueWork), true
}
