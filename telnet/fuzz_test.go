package telnet

import (
	"bytes"
	"slices"
	"strings"
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

// FuzzNegotiation feeds arbitrary client bytes to a connection's parser
// and every shipped option, whole and split in two, and checks that
// nothing panics, what the client reports stays bounded, the answers stay
// proportionate, and the split changes nothing.
func FuzzNegotiation(f *testing.F) {
	for _, seed := range []string{
		"\xff\xfb\x18\xff\xfa\x18\x00TINTIN++\xff\xf0\xff\xfa\x18\x00MTTS 271\xff\xf0",
		"\xff\xfb\x1f\xff\xfa\x1f\x00\xff\xff\x00\x18\xff\xf0",
		"\xff\xfd\x2a\xff\xfa\x2a\x01[TTABLE]\x01;UTF-8\xff\xf0\xff\xfa\x2a\x02UTF-8\xff\xf0",
		"\xff\xfd\xc9\xff\xfa\xc9Core.Supports.Set [\"Room 1\"]\xff\xf0\xff\xfa\xc9Core.Ping\xff\xf0",
		"\xff\xfd\x46\xff\xfe\x46\xff\xfd\x46\xff\xfd\x56\xff\xfe\x56\xff\xfd\x19\xff\xfd\x03",
	} {
		f.Add([]byte(seed), uint16(7))
	}
	f.Fuzz(func(t *testing.T, data []byte, at uint16) {
		k := 0
		if len(data) > 0 {
			k = int(at) % (len(data) + 1)
		}
		opts := func() []Option { return append(DefaultOptions(), MSSPOption(testFigures)) }
		whole, n := play(opts, data)
		split, _ := play(opts, data[:k], data[k:])
		if whole != split {
			t.Fatalf("split at %d: sent %q, whole sent %q", k, split, whole)
		}
		if limit := 256 + 24*len(data); len(whole) > limit {
			t.Fatalf("%d bytes of input got %d bytes of answers", len(data), len(whole))
		}
		c := n.Client()
		for _, s := range []string{c.Name, c.Terminal, c.Hello} {
			if len(s) > maxClientText {
				t.Fatalf("client text of %d bytes kept", len(s))
			}
		}
		if len(c.gmcp) > maxGMCPModules {
			t.Fatalf("%d GMCP modules kept", len(c.gmcp))
		}
	})
}

// FuzzDecoder feeds arbitrary server bytes to a Decoder, whole and split in
// three, and checks that it never panics, stays bounded, finds the same
// events however the input is split, passes text without IAC through
// untouched, never makes up more text than came, and finds exactly the
// negotiations and subnegotiations the server's parser finds.
func FuzzDecoder(f *testing.F) {
	for _, seed := range []string{
		greeting, "\x1b[1mhp>\x1b[0m \xff\xf9", "a\xff\xffb\r\n\x00", "\xff\xfa\xc9Char.Vitals {}\xff\xf0x",
		"\xff\xfa\x18ab\xff\xef\xff\xfb\x01\n", "\xff\xfa\x56\xff\xf0compressed?", "\xff\xff\xff",
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
		whole := decodeChunks(data)
		if split := decodeChunks(data[:i], data[i:j], data[j:]); !slices.Equal(whole, split) {
			t.Fatalf("split at %d and %d: got %q, whole gave %q", i, j, split, whole)
		}
		var r decoderRecorder
		d := NewDecoder(&r)
		d.Feed(data)
		checkBounded(t, &d.p)
		if r.text.Len() > len(data) {
			t.Fatalf("%d bytes of text from %d bytes", r.text.Len(), len(data))
		}
		if !bytes.Contains(data, []byte{cmdIAC}) && r.text.String() != string(data) {
			t.Fatalf("text %q, want the input %q", r.text.String(), data)
		}
		if got, want := negotiations(whole), negotiations(parseChunks(data)); !slices.Equal(got, want) {
			t.Fatalf("decoder negotiations %q, parser's %q", got, want)
		}
	})
}

// negotiations keeps the commands and subnegotiations among events.
func negotiations(events []string) []string {
	var out []string
	for _, e := range events {
		if strings.HasPrefix(e, "sb ") || strings.HasPrefix(e, "WILL ") || strings.HasPrefix(e, "WONT ") ||
			strings.HasPrefix(e, "DO ") || strings.HasPrefix(e, "DONT ") {
			out = append(out, e)
		}
	}
	return out
}
