package netcore

import (
	"errors"
	"time"
)

// Accept back-off bounds, as in net/http.
const (
	minAcceptDelay = 5 * time.Millisecond
	maxAcceptDelay = time.Second
)

// nextBackoff returns the wait after a temporary accept error that followed
// a wait of d (0 after a success): 5 ms doubling up to 1 s.
func nextBackoff(d time.Duration) time.Duration {
	if d == 0 {
		return minAcceptDelay
	}
	return min(2*d, maxAcceptDelay)
}

// isTemporary reports whether an accept error may go away by itself, such
// as running out of file descriptors.
func isTemporary(err error) bool {
	var t interface{ Temporary() bool }
	return errors.As(err, &t) && t.Temporary()
}
