// Package nettest holds the test helpers that the transports' tests share:
// polling with a deadline that reports the last error, and plain
// connections counted by what came back. It is imported by test code only.
package nettest

import (
	"errors"
	"io"
	"net"
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
