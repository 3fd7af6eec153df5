// Package nettest holds the test helpers that the transports' tests share:
// polling with a deadline that reports the last error, and plain
// connections counted by what came back. It is imported by test code only.
package nettest

import (
	"errors"
	"io"
	"net"
	"runtime"
	"runtime/metrics"
	"strconv"
	"testing"
	"time"
)

// Timeout bounds every wait of a test; it only turns a hang into a failure
// and is never what a test measures.
const Timeout = 20 * time.Second

// WaitFor polls check until it returns nil, and fails the test with what
// and check's last error when Timeout passes first.
func WaitFor(tb testing.TB, what string, check func() error) {
	tb.Helper()
	WaitForWithin(tb, Timeout, what, check)
}

// WaitForWithin is WaitFor with its own deadline.
func WaitForWithin(tb testing.TB, limit time.Duration, what string, check func() error) {
	tb.Helper()
	deadline := time.Now().Add(limit)
	delay := time.Millisecond
	for {
		err := check()
		if err == nil {
			return
		}
		if time.Now().After(deadline) {
			tb.Fatalf("waiting for %s: %v", what, err)
		}
		time.Sleep(delay)
		delay = min(2*delay, 100*time.Millisecond)
	}
}

// Until turns a condition into a check for WaitFor, with err as its error
// while it does not hold.
func Until(cond func() bool, err error) func() error {
	return func() error {
		if cond() {
			return nil
		}
		return err
	}
}

// ErrNotYet is the error of a condition that does not hold yet.
var ErrNotYet = errors.New("not yet")

// DrainToEOF reads nc until the server closes it (or Timeout passes) and
// returns how many bytes came, and whether it was closed.
func DrainToEOF(nc net.Conn) (n int64, closed bool) {
	_ = nc.SetReadDeadline(time.Now().Add(Timeout))
	n, err := io.Copy(io.Discard, nc)
	return n, !isTimeout(err)
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// MemInUse is the Go heap (live objects after a collection) and goroutine
// stacks of the process, from runtime/metrics.
func MemInUse() uint64 {
	heap, stacks := memInUse()
	return heap + stacks
}

// memInUse is the heap and the stacks in use after a collection.
func memInUse() (heap, stacks uint64) {
	runtime.GC()
	runtime.GC()
	samples := []metrics.Sample{
		{Name: "/memory/classes/heap/objects:bytes"},
		{Name: "/memory/classes/heap/stacks:bytes"},
	}
	metrics.Read(samples)
	return samples[0].Value.Uint64(), samples[1].Value.Uint64()
}

// PerConn measures the memory each of many idle connections holds, as
// the difference between few and many of them: open(n) must open n more
// connections and leave them idle. It reports B/conn (and the figures at
// few and many) on b.
func PerConn(b *testing.B, few, many int, open func(n int)) {
	b.Helper()
	open(few)
	heapFew, stacksFew := memInUse()
	goFew := runtime.NumGoroutine()
	open(many - few)
	heapMany, stacksMany := memInUse()
	goMany := runtime.NumGoroutine()
	atFew, atMany := heapFew+stacksFew, heapMany+stacksMany
	n := float64(many - few)
	b.ReportMetric((float64(atMany)-float64(atFew))/n, "B/conn")
	b.ReportMetric((float64(stacksMany)-float64(stacksFew))/n, "stackB/conn")
	b.ReportMetric(float64(goMany-goFew)/n, "goroutines/conn")
	b.ReportMetric(float64(atFew)/(1<<20), "MiB@"+strconv.Itoa(few))
	b.ReportMetric(float64(atMany)/(1<<20), "MiB@"+strconv.Itoa(many))
}

// WaitUntil is WaitFor for a condition with no error to report.
func WaitUntil(tb testing.TB, what string, cond func() bool) {
	tb.Helper()
	WaitFor(tb, what, Until(cond, ErrNotYet))
}

// Poll calls cond until it holds or Timeout passes, and reports whether
// it held: for tests that fail with their own words.
func Poll(cond func() bool) bool {
	deadline := time.Now().Add(Timeout)
	for !cond() {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(time.Millisecond)
	}
	return true
}
