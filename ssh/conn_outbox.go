package ssh

import "sync"

// itemKind says what an outbox item asks of the write loop.
type itemKind uint8

const (
	itemText    itemKind = iota // text to show
	itemPrompt                  // a new prompt
	itemBarrier                 // the read loop waits until everything before is drawn
	itemClose                   // flush, then end the session
)

// outItem is one entry of the outbox.
type outItem struct {
	kind itemKind
	text string
}

// keepItemsCap is the largest item array kept while the outbox is idle.
const keepItemsCap = 16

// outbox is a bounded queue between the world and the write loop. It holds
// no array while idle: an idle session costs nothing here. push never
// waits.
type outbox struct {
	max   int
	ready chan struct{} // signalled when items wait

	mu    sync.Mutex
	items []outItem
}

func newOutbox(max int) *outbox {
	return &outbox{max: max, ready: make(chan struct{}, 1)}
}

// push queues it; false when max items wait already. force queues it
// anyway: the read loop's barrier and the close, one of each at most.
func (q *outbox) push(it outItem, force bool) bool {
	q.mu.Lock()
	if len(q.items) >= q.max && !force {
		q.mu.Unlock()
		return false
	}
	q.items = append(q.items, it)
	q.mu.Unlock()
	select {
	case q.ready <- struct{}{}:
	default:
	}
	return true
}

// take returns the waiting items and keeps spare's array for the next.
func (q *outbox) take(spare []outItem) []outItem {
	q.mu.Lock()
	defer q.mu.Unlock()
	items := q.items
	q.items = spare[:0]
	return items
}

// recycle clears a handled batch for reuse, or lets a large one go.
func recycle(items []outItem) []outItem {
	clear(items)
	if cap(items) > keepItemsCap {
		return nil
	}
	return items[:0]
}
