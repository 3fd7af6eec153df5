package telnet

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// recorder records parser events as readable strings.
type recorder struct {
	events []string
}

func (r *recorder) line(text string) { r.events = append(r.events, fmt.Sprintf("line %q", text)) }
func (r *recorder) lineTooLong()     { r.events = append(r.events, "too long") }
func (r *recorder) command(verb, option byte) {
	r.events = append(r.events, fmt.Sprintf("%s %d", verbName(verb), option))
}
func (r *recorder) subnegotiation(option byte, data []byte) {
	r.events = append(r.events, fmt.Sprintf("sb %d %q", option, data))
}

// verbName names a negotiation verb.
func verbName(verb byte) string {
	switch verb {
	case cmdWILL:
		return "WILL"
	case cmdWONT:
		return "WONT"
	case cmdDO:
		return "DO"
	case cmdDONT:
		return "DONT"
	}
	return fmt.Sprintf("verb(%d)", verb)
}

// parseChunks feeds chunks to a fresh parser and returns the events.
func parseChunks(chunks ...[]byte) []string {
	var p parser
	var r recorder
	for _, c := range chunks {
		p.feed(c, &r)
	}
	return r.events
}

// checkAllSplits feeds input whole, byte by byte and split in two at every
// byte boundary, and checks that the events are want each time.
func checkAllSplits(tb testing.TB, input string, want []string) {
	tb.Helper()
	in := []byte(input)
	if got := parseChunks(in); !slices.Equal(got, want) {
		tb.Fatalf("whole: got %q, want %q", got, want)
	}
	bytewise := make([][]byte, len(in))
	for i := range in {
		bytewise[i] = in[i : i+1]
	}
	if got := parseChunks(bytewise...); !slices.Equal(got, want) {
		tb.Fatalf("byte by byte: got %q, want %q", got, want)
	}
	for k := 1; k < len(in); k++ {
		if got := parseChunks(in[:k], in[k:]); !slices.Equal(got, want) {
			tb.Fatalf("split at %d: got %q, want %q", k, got, want)
		}
	}
}

func line(s string) string { return fmt.Sprintf("line %q", s) }

func TestParser(t *testing.T) {
	long := strings.Repeat("x", MaxLineBytes)
	tests := []struct {
		name  string
		input string
		want  []string
	}{
		{"CR LF", "look\r\n", []string{line("look")}},
		{"CR NUL", "look\r\x00", []string{line("look")}},
		{"bare CR", "look\r", []string{line("look")}},
		{"bare LF", "look\n", []string{line("look")}},
		{"mixed ends", "a\r\nb\nc\rd\r\x00e\n", []string{line("a"), line("b"), line("c"), line("d"), line("e")}},
		{"CR CR LF", "a\r\r\n", []string{line("a"), line("")}},
		{"LF CR", "a\n\rb\n", []string{line("a"), line(""), line("b")}},
		{"CR then text", "a\rb\r\n", []string{line("a"), line("b")}},
		{"empty lines", "\r\n\r\n\n", []string{line(""), line(""), line("")}},
		{"no line end yet", "abc", nil},
		{"IAC IAC is data 255", "a\xff\xffb\r\n", []string{line("a\uFFFDb")}},
		{"NOP GA DM AYT dropped", "l\xff\xf1o\xff\xf9o\xff\xf2k\xff\xf6\r\n", []string{line("look")}},
		{"stray SE", "\xff\xf0x\n", []string{line("x")}},
		{"IAC then unknown byte", "ab\xffAcd\r\n", []string{line("abcd")}},
		{"IAC then EOR", "ab\xff\xefcd\n", []string{line("abcd")}},
		{"command between CR and LF", "a\r\xff\xf1\nb\r\n", []string{line("a"), line("b")}},
		{"negotiation", "\xff\xfd\x01\xff\xfb\x03hi\r\n", []string{"DO 1", "WILL 3", line("hi")}},
		{"negotiation inside a line", "lo\xff\xfe\x18ok\n", []string{"DONT 24", line("look")}},
		{"verb with option 255", "\xff\xfc\xff", []string{"WONT 255"}},
		{"subnegotiation", "\xff\xfa\x1f\x00\x50\x00\x18\xff\xf0ok\n", []string{`sb 31 "\x00P\x00\x18"`, line("ok")}},
		{"subnegotiation with IAC IAC", "\xff\xfa\x18\x00\xff\xff\x01\xff\xf0", []string{`sb 24 "\x00\xff\x01"`}},
		{"empty subnegotiation", "\xff\xfa\x18\xff\xf0", []string{`sb 24 ""`}},
		{"subnegotiation with CR LF", "\xff\xfa\xc9a\r\nb\xff\xf0c\n", []string{`sb 201 "a\r\nb"`, line("c")}},
		{"unterminated subnegotiation", "\xff\xfa\x18abc\xff\xfb\x01x\n", []string{"WILL 1", line("x")}},
		{"subnegotiation cut by NOP", "\xff\xfa\x18abc\xff\xf1x\n", []string{line("x")}},
		{"backspace", "lookk\b\r\n", []string{line("look")}},
		{"delete past the start", "ab\x7f\x7f\x7fc\n", []string{line("c")}},
		{"backspace erases a rune", "né\b\n", []string{line("n")}},
		{"backspace erases an invalid byte", "a\xe9\bb\n", []string{line("ab")}},
		{"erase character", "abc\xff\xf7\n", []string{line("ab")}},
		{"erase line", "abc\xff\xf8d\n", []string{line("d")}},
		{"controls dropped, tab kept", "a\x01\x1b[1mb\tc\x00d\n", []string{line("a[1mb\tcd")}},
		{"NUL alone dropped", "\x00a\n", []string{line("a")}},
		{"valid UTF-8", "héllo wörld ✓ 𝕮\n", []string{line("héllo wörld ✓ 𝕮")}},
		{"latin-1 byte", "caf\xe9\n", []string{line("caf\uFFFD")}},
		{"truncated rune", "\xc3\xa9t\xc3\n", []string{line("ét\uFFFD")}},
		{"surrogate half", "a\xed\xa0\x80b\n", []string{line("a\uFFFD\uFFFD\uFFFDb")}},
		{"line of exactly the limit", long + "\r\n", []string{line(long)}},
		{"line one over the limit", long + "x\r\nlook\r\n", []string{"too long", line("look")}},
		{"over the limit, erased back under", long + "x\b\n", []string{"too long"}},
		{"too long once UTF-8", strings.Repeat("\x80", 1400) + "\nok\n", []string{"too long", line("ok")}},
		{"too long line ends with CR NUL", long + "xx\r\x00a\n", []string{"too long", line("a")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkAllSplits(t, tt.input, tt.want)
		})
	}
}

// TestParserHugeLine sends a 1 MiB line: it is reported once, never
// buffered, and the next line comes through.
func TestParserHugeLine(t *testing.T) {
	var p parser
	var r recorder
	chunk := []byte(strings.Repeat("a", readBufferSize))
	for range (1 << 20) / readBufferSize {
		p.feed(chunk, &r)
		if c := cap(p.line.buf); c > MaxLineBytes {
			t.Fatalf("line buffer grew to %d bytes", c)
		}
	}
	p.feed([]byte("\r\nlook\r\n"), &r)
	want := []string{"too long", line("look")}
	if !slices.Equal(r.events, want) {
		t.Fatalf("got %q, want %q", r.events, want)
	}
}

// TestParserSubnegotiationCap checks that a subnegotiation over the cap is
// discarded without being buffered, and that the next one comes through.
func TestParserSubnegotiationCap(t *testing.T) {
	tests := []struct {
		name string
		size int
		want []string
	}{
		{"at the cap", MaxSubnegotiationBytes, []string{fmt.Sprintf("sb 24 len %d", MaxSubnegotiationBytes), `sb 24 len 2`, line("ok")}},
		{"over the cap", MaxSubnegotiationBytes + 1, []string{`sb 24 len 2`, line("ok")}},
		{"far over the cap", 1 << 20, []string{`sb 24 len 2`, line("ok")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var p parser
			r := &sizeRecorder{}
			p.feed([]byte{cmdIAC, cmdSB, 24}, r)
			payload := []byte(strings.Repeat("z", tt.size))
			for len(payload) > 0 {
				n := min(len(payload), readBufferSize)
				p.feed(payload[:n], r)
				payload = payload[n:]
				if c := cap(p.sb); c > MaxSubnegotiationBytes {
					t.Fatalf("subnegotiation buffer grew to %d bytes", c)
				}
			}
			p.feed([]byte("\xff\xf0\xff\xfa\x18hi\xff\xf0ok\n"), r)
			if !slices.Equal(r.events, tt.want) {
				t.Fatalf("got %q, want %q", r.events, tt.want)
			}
		})
	}
}

// sizeRecorder records subnegotiations by size only.
type sizeRecorder struct{ recorder }

func (r *sizeRecorder) subnegotiation(option byte, data []byte) {
	r.events = append(r.events, fmt.Sprintf("sb %d len %d", option, len(data)))
}

// TestParserLinesAreValid feeds every byte value in many orders and checks
// the lines that come out.
func TestParserLinesAreValid(t *testing.T) {
	var p parser
	r := &checkingEvents{tb: t}
	for step := 1; step < 256; step += 2 {
		var in []byte
		for i := range 256 {
			in = append(in, byte(i*step))
		}
		p.feed(in, r)
	}
	if r.lines == 0 {
		t.Fatal("no line came out")
	}
}

// checkingEvents checks what the parser promises about each line.
type checkingEvents struct {
	tb    testing.TB
	lines int
}

func (e *checkingEvents) line(text string) {
	e.lines++
	if !utf8.ValidString(text) {
		e.tb.Fatalf("line %q is not valid UTF-8", text)
	}
	if len(text) > MaxLineBytes {
		e.tb.Fatalf("line of %d bytes", len(text))
	}
	if strings.ContainsAny(text, "\r\n\x00\b\x7f") {
		e.tb.Fatalf("line %q holds a control it should not", text)
	}
}
func (e *checkingEvents) lineTooLong()                {}
func (e *checkingEvents) command(byte, byte)          {}
func (e *checkingEvents) subnegotiation(byte, []byte) {}
