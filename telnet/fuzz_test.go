package telnet

import (
	"slices"
	"testing"
	"unicode/utf8"
)

// boundedEvents checks each parser event against the parser's promises.
type boundedEvents struct {
	recorder
	tb testing.TB
}

func (e *boundedEvents) line(text string) {
	if !utf8.ValidString(text) {
		e.tb.Fatalf("line %q is not valid UTF-8", text)
	}
	if len(text) > MaxLineBytes {
		e.tb.Fatalf("line of %d bytes, over %d", len(text), MaxLineBytes)
	}
	e.recorder.line(text)
}

func (e *boundedEvents) subnegotiation(option byte, data []byte) {
	if len(data) > MaxSubnegotiationBytes {
		e.tb.Fatalf("subnegotiation of %d bytes, over %d", len(data), MaxSubnegotiationBytes)
	}
	e.recorder.subnegotiation(option, data)
}

// FuzzParser feeds arbitrary bytes, whole and split in three, and checks that
// the parser never panics, stays bounded, gives valid lines, and finds the
// same events however the input is split.
func FuzzParser(f *testing.F) {
	for _, seed := range []string{
		"look\r\n", "a\r\x00b\rc\nd\r\n", "\xff\xff\xff\xfd\x01\xff\xfb\x03x\n",
		"\xff\xfa\x1f\x00\x50\x00\x18\xff\xf0ok\n", "\xff\xfa\x18ab\xff\xfb\x01\n",
		"né\b\x7f\x01\t\xe9\xc3\n", "\xff\xf7\xff\xf8\xff\x41\xff\xf0\r",
	} {
		f.Add([]byte(seed), uint16(3), uint16(5))
	}
	f.Fuzz(func(t *testing.T, data []byte, a, b uint16) {
		i, j := int(a), int(b)
		if len(data) > 0 {
			i, j = i%(len(data)+1), j%(len(data)+1)
		} else {
			i, j = 0, 0
		}
		i, j = min(i, j), max(i, j)
		var p parser
		whole := &boundedEvents{tb: t}
		p.feed(data, whole)
		checkBounded(t, &p)
		var q parser
		split := &boundedEvents{tb: t}
		for _, chunk := range [][]byte{data[:i], data[i:j], data[j:]} {
			q.feed(chunk, split)
			checkBounded(t, &q)
		}
		if !slices.Equal(whole.events, split.events) {
			t.Fatalf("split at %d and %d: got %q, whole gave %q", i, j, split.events, whole.events)
		}
	})
}

// checkBounded checks that the parser's buffers stay within their caps.
func checkBounded(tb testing.TB, p *parser) {
	tb.Helper()
	if c := cap(p.line.buf); c > MaxLineBytes {
		tb.Fatalf("line buffer of %d bytes", c)
	}
	if c := cap(p.sb); c > MaxSubnegotiationBytes {
		tb.Fatalf("subnegotiation buffer of %d bytes", c)
	}
}
