package netcore

import "sync"

// State is what an outbox asks of its write loop besides writing.
type State uint8

// The states of an outbox.
const (
	Open    State = iota // write what is taken and go on
	Closing              // write what is taken, end the stream, close the socket
	Killed               // close the socket now, writing nothing more
)

// keepItemsCap is the largest item array an outbox keeps while idle.
const keepItemsCap = 16

// Outbox is a connection's bounded output queue, one design for every
// transport. Push never waits: the world loop calls it. Past MaxItems
// queued items or MaxBytes queued bytes the client counts as too slow: the
// outbox is killed and onFull called. It holds no array while idle.
//
// Only the write loop closes the socket: Close and Kill only mark the
// outbox and wake the loop. With a runner (NewOutbox's run), the loop runs
// on demand: a goroutine is started when output arrives and ends when the
// queue is empty, so an idle connection has no write goroutine. Without
// one the transport runs its own loop, waiting on Ready.
type Outbox[T any] struct {
	maxItems, maxBytes int
	onFull             func()
	run                func()

	ready   chan struct{} // signalled when there is something to take
	drained chan struct{} // signalled when items were taken
	ended   chan struct{} // closed by Close and Kill
	done    chan struct{} // closed by Finished

	mu       sync.Mutex
	items    []T
	bytes    int
	state    State
	running  bool // a runner goroutine is on
	woken    bool // Wake was called since the last Next
	finished bool // the write loop has closed the socket
}

// NewOutbox returns an outbox of at most maxItems items and maxBytes bytes
// (0: no byte bound). onFull is called once when the client is dropped for
// a full outbox; run, when not nil, is the on-demand write loop.
func NewOutbox[T any](maxItems, maxBytes int, onFull, run func()) *Outbox[T] {
	return &Outbox[T]{
		maxItems: maxItems, maxBytes: maxBytes, onFull: onFull, run: run,
		ready: make(chan struct{}, 1), drained: make(chan struct{}, 1),
		ended: make(chan struct{}), done: make(chan struct{}),
	}
}

// Push queues it, of size bytes. It returns false when the outbox is
// closed, or full: then the client is dropped.
func (q *Outbox[T]) Push(it T, size int) bool {
	q.mu.Lock()
	if q.state != Open {
		q.mu.Unlock()
		return false
	}
	if len(q.items) >= q.maxItems || (q.maxBytes > 0 && q.bytes+size > q.maxBytes) {
		q.endLocked(Killed)
		q.mu.Unlock()
		if q.onFull != nil {
			q.onFull()
		}
		return false
	}
	q.items = append(q.items, it)
	q.bytes += size
	q.wakeLocked()
	q.mu.Unlock()
	return true
}

// Force queues it past the bounds, unless the outbox is closed: for the
// few control items a transport's read loop needs (one at a time).
func (q *Outbox[T]) Force(it T) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.state != Open {
		return false
	}
	q.items = append(q.items, it)
	q.wakeLocked()
	return true
}

// Wake runs the write loop without queuing an item, for output the
// transport keeps outside the outbox (SSH's line editor writes its echo to
// its own buffer): the next Next reports ok even with nothing queued.
func (q *Outbox[T]) Wake() {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.woken = true
	q.wakeLocked()
}

// Close asks the write loop to write what is queued, then close.
func (q *Outbox[T]) Close() {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.endLocked(Closing)
}

// Kill asks the write loop to close now.
func (q *Outbox[T]) Kill() {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.endLocked(Killed)
}

// endLocked moves to state s, unless already as far, and wakes the loop.
func (q *Outbox[T]) endLocked(s State) {
	if q.state >= s {
		return
	}
	if q.state == Open {
		close(q.ended)
	}
	q.state = s
	if s == Killed {
		clear(q.items)
		q.items, q.bytes = nil, 0
	}
	q.wakeLocked()
}

// wakeLocked wakes the write loop, starting it when it runs on demand.
func (q *Outbox[T]) wakeLocked() {
	if q.finished {
		return
	}
	if q.run != nil {
		if !q.running {
			q.running = true
			go q.run()
		}
		return
	}
	select {
	case q.ready <- struct{}{}:
	default:
	}
}

// Next takes what is queued, keeping spare's array for what comes next,
// with the state the loop must act on. ok is false when there is nothing
// to do: an on-demand loop must then return at once, touching nothing (a
// new one may already run); idle, if not nil, is called first, while no
// other loop can start, to let go of the loop's buffers.
func (q *Outbox[T]) Next(spare []T, idle func()) (items []T, s State, ok bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.items) == 0 && q.state == Open && !q.woken {
		if idle != nil {
			idle()
		}
		q.items = nil // the spare array a busy loop kept
		q.running = false
		return nil, Open, false
	}
	q.woken = false
	items = q.items
	q.items, q.bytes = nil, 0
	if cap(spare) > 0 && cap(spare) <= keepItemsCap {
		q.items = spare[:0]
	}
	select {
	case q.drained <- struct{}{}:
	default:
	}
	return items, q.state, true
}

// Finished tells that the write loop has closed the socket: nothing more
// is written, no loop is started again, and Done is closed.
func (q *Outbox[T]) Finished() {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.finished {
		return
	}
	q.finished = true
	q.running = false
	if q.state == Open {
		close(q.ended)
		q.state = Killed
	}
	clear(q.items)
	q.items = nil
	close(q.done)
}

// Len is how many items wait.
func (q *Outbox[T]) Len() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.items)
}

// Cap is the most items that may wait.
func (q *Outbox[T]) Cap() int { return q.maxItems }

// Ready is signalled when there is something to take (loops without a
// runner).
func (q *Outbox[T]) Ready() <-chan struct{} { return q.ready }

// Drained is signalled after the write loop took items.
func (q *Outbox[T]) Drained() <-chan struct{} { return q.drained }

// Ended is closed once Close or Kill was called.
func (q *Outbox[T]) Ended() <-chan struct{} { return q.ended }

// Done is closed once the write loop has finished.
func (q *Outbox[T]) Done() <-chan struct{} { return q.done }

// Recycle clears a handled batch for reuse as Next's spare, or lets a
// large one go.
func Recycle[T any](items []T) []T {
	clear(items)
	if cap(items) > keepItemsCap {
		return nil
	}
	return items[:0]
}
