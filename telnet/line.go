package telnet

import "unicode/utf8"

// lineBuffer assembles the line a client is typing, bounded by MaxLineBytes.
type lineBuffer struct {
	buf []byte
	// discarding is set once the line went over the limit: the rest of it
	// is dropped up to its line end.
	discarding bool
}

// add appends data bytes to the line. It reports true when the line has
// just gone over MaxLineBytes, so that the client is told once.
func (l *lineBuffer) add(p []byte) (overflow bool) {
	if l.discarding {
		return false
	}
	if len(l.buf)+len(p) > MaxLineBytes {
		l.discarding = true
		l.buf = recycle(l.buf)
		return true
	}
	l.buf = growCapped(l.buf, len(p), MaxLineBytes)
	l.buf = append(l.buf, p...)
	return false
}

// eraseRune removes the last rune typed (an invalid byte counts as one).
func (l *lineBuffer) eraseRune() {
	_, n := utf8.DecodeLastRune(l.buf)
	l.buf = l.buf[:len(l.buf)-n]
}

// eraseLine removes everything typed on the line so far.
func (l *lineBuffer) eraseLine() {
	l.buf = l.buf[:0]
}

// end finishes the line at its line end. It returns the line as valid UTF-8
// and whether there is one: a line that was discarded gives ok false and
// overflow false; a line whose UTF-8 form goes over MaxLineBytes (invalid
// bytes grow into U+FFFD) gives ok false and overflow true.
func (l *lineBuffer) end() (text string, ok, overflow bool) {
	defer l.reset()
	if l.discarding {
		return "", false, false
	}
	if utf8.Valid(l.buf) {
		return string(l.buf), true, false
	}
	valid := appendValidUTF8(nil, l.buf)
	if len(valid) > MaxLineBytes {
		return "", false, true
	}
	return string(valid), true, false
}

// reset prepares the buffer for the next line.
func (l *lineBuffer) reset() {
	l.buf = recycle(l.buf)
	l.discarding = false
}

// appendValidUTF8 appends p to dst with each invalid byte replaced by U+FFFD.
func appendValidUTF8(dst, p []byte) []byte {
	for len(p) > 0 {
		r, n := utf8.DecodeRune(p)
		if r == utf8.RuneError && n == 1 {
			dst = utf8.AppendRune(dst, utf8.RuneError)
		} else {
			dst = append(dst, p[:n]...)
		}
		p = p[n:]
	}
	return dst
}
