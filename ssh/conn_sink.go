package ssh

import (
	"errors"
	"io"
	"sync"
	"unicode/utf8"
)

// termSink is the Terminal's side of the channel: it reads from the channel
// and keeps what the Terminal writes until the write loop flushes it, so
// the Terminal never waits on the network.
type termSink struct {
	r        io.Reader
	overflow func()
	wake     func() // runs the write loop: bytes wait

	// Read side: the start of a character cut short by the last read.
	partial    [utf8.UTFMax]byte
	partialLen int

	mu   sync.Mutex
	buf  []byte
	over bool
}

func newTermSink(r io.Reader, overflow, wake func()) *termSink {
	return &termSink{r: r, overflow: overflow, wake: wake}
}

// errInputJam ends a session whose input the Terminal cannot make sense
// of: an escape sequence that never ends fills its whole input buffer, and
// it would ask for more with no room to put it.
var errInputJam = errors.New("input jammed: endless escape sequence")

// Read reads what the player typed as valid UTF-8: bytes that cannot be
// part of a character are dropped, a character cut short by the end of a
// read is completed by the next, and Ctrl-C clears the line. The Terminal stalls on invalid bytes
// and spins on a full buffer; neither reaches it.
func (s *termSink) Read(p []byte) (int, error) {
	if len(p) < utf8.UTFMax {
		return 0, errInputJam
	}
	for {
		k := copy(p, s.partial[:s.partialLen])
		s.partialLen = 0
		m, err := s.r.Read(p[k:])
		n, tail := cleanInput(p[:k+m])
		if err == nil {
			s.partialLen = copy(s.partial[:], p[n:n+tail])
		}
		ctrlCClearsLine(p[:n])
		if n > 0 || err != nil {
			return n, err
		}
	}
}

// Keys the sink translates.
const (
	keyCtrlC = 0x03
	keyCtrlU = 0x15
)

// ctrlCClearsLine makes Ctrl-C erase the line typed so far, as in a shell,
// instead of ending the session as the Terminal would; Ctrl-D on an empty
// line still leaves.
func ctrlCClearsLine(b []byte) {
	for i, c := range b {
		if c == keyCtrlC {
			b[i] = keyCtrlU
		}
	}
}

// cleanInput compacts b in place to its valid UTF-8 and returns its length.
// A character cut short at the end of b is moved right after it, and its
// length returned as tail.
func cleanInput(b []byte) (n, tail int) {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			b[n] = c
			n, i = n+1, i+1
			continue
		}
		if !utf8.FullRune(b[i:]) {
			return n, copy(b[n:], b[i:])
		}
		_, size := utf8.DecodeRune(b[i:])
		if size == 1 { // not part of any character
			i++
			continue
		}
		n += copy(b[n:], b[i:i+size])
		i += size
	}
	return n, 0
}

// Write keeps p for the write loop. Past maxPending bytes it keeps nothing
// more and reports the client as stuck.
func (s *termSink) Write(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	s.mu.Lock()
	over := s.over || len(s.buf)+len(p) > maxPending
	if over {
		s.over = true
	} else {
		s.buf = append(s.buf, p...)
	}
	s.mu.Unlock()
	if over {
		s.overflow()
		return len(p), nil
	}
	s.wake()
	return len(p), nil
}

// pending is how many bytes wait.
func (s *termSink) pending() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.buf)
}

// release lets go of the buffer when nothing waits in it: the session is
// idle.
func (s *termSink) release() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.buf) == 0 {
		s.buf = nil
	}
}

// take returns the waiting bytes and keeps spare's array for the next ones.
func (s *termSink) take(spare []byte) (out []byte, over bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out, s.buf = s.buf, spare
	return out, s.over
}
