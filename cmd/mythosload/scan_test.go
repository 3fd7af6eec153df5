package main

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// recorder is a sink that writes down what it is given.
type recorder struct{ events []string }

func (r *recorder) line(text []byte)   { r.events = append(r.events, "L:"+string(text)) }
func (r *recorder) prompt(text []byte) { r.events = append(r.events, "P:"+string(text)) }

// scanCase is server output and what the scanner must find in it.
type scanCase struct {
	name string
	in   string
	want []string
}

func scanCases() []scanCase {
	return []scanCase{
		{"line and prompt", "hello\r\n> \xff\xf9", []string{"L:hello", "P:> "}},
		{"prompt by EOR", "> \xff\xef", []string{"P:> "}},
		{"escaped IAC is data", "a\xff\xffb\n", []string{"L:a\xffb"}},
		{"negotiation inside text", "Pass\xff\xfb\x01word: \xff\xf9", []string{"P:Password: "}},
		{"all four verbs", "\xff\xfd\x18\xff\xfe\x1f\xff\xfc\x01\xff\xfb\x03ok\n", []string{"L:ok"}},
		{"subnegotiation skipped", "a\xff\xfa\xc9Core.Hello {\"v\":\xff\xff\xf9}\xff\xf0b\n", []string{"L:ab"}},
		{"other commands skipped", "a\xff\xf1b\xff\xf3c\n", []string{"L:abc"}},
		{"ANSI colour stripped", "\x1b[1;36mThe Ward\x1b[0m\r\n\x1b[36mExits:\x1b[0m north.\r\n", []string{"L:The Ward", "L:Exits: north."}},
		{"CSI final bytes @ to ~", "\x1b[2@a\x1b[1~b\x1b[?25lc\n", []string{"L:abc"}},
		{"two-byte escape", "a\x1bcb\n", []string{"L:ab"}},
		{"IAC inside an ANSI sequence", "\x1b[3\xff\xf11mX\n", []string{"L:X"}},
		{"CR NUL and empty lines", "\r\n\r\x00x\r\n\n", []string{"L:", "L:x", "L:"}},
		{"partial line then prompt", "news\r\n> \xff\xf9\r\nnews\r\n> \xff\xf9", []string{"L:news", "P:> ", "L:", "L:news", "P:> "}},
		{"long line kept short", strings.Repeat("x", 3*maxKept) + "\nend\n", []string{"L:" + strings.Repeat("x", maxKept), "L:end"}},
	}
}

// maxPairCut is the longest input cut at every pair of places too.
const maxPairCut = 100

// feedSplit feeds in to a fresh scanner in the pieces cut at cuts.
func feedSplit(in string, cuts ...int) []string {
	var s scanner
	r := &recorder{}
	prev := 0
	for _, c := range append(cuts, len(in)) {
		s.feed([]byte(in[prev:c]), r)
		prev = c
	}
	return r.events
}

func TestScannerSplitAnywhere(t *testing.T) {
	for _, tt := range scanCases() {
		t.Run(tt.name, func(t *testing.T) {
			if got := feedSplit(tt.in); !slices.Equal(got, tt.want) {
				t.Fatalf("whole: got %q, want %q", got, tt.want)
			}
			for i := 0; i <= len(tt.in); i++ {
				if got := feedSplit(tt.in, i); !slices.Equal(got, tt.want) {
					t.Fatalf("cut at %d: got %q, want %q", i, got, tt.want)
				}
				for j := i; j <= len(tt.in) && len(tt.in) <= maxPairCut; j++ {
					if got := feedSplit(tt.in, i, j); !slices.Equal(got, tt.want) {
						t.Fatalf("cut at %d and %d: got %q, want %q", i, j, got, tt.want)
					}
				}
			}
			cuts := make([]int, len(tt.in))
			for i := range cuts {
				cuts[i] = i
			}
			if got := feedSplit(tt.in, cuts...); !slices.Equal(got, tt.want) {
				t.Fatalf("byte by byte: got %q, want %q", got, tt.want)
			}
		})
	}
}

// matchSink feeds a matcher, as a playing bot does, with a fixed clock.
type matchSink struct {
	m   *lookMatcher
	now time.Time
}

func (s *matchSink) line(text []byte)   { s.m.line(text) }
func (s *matchSink) prompt(text []byte) { s.m.prompt(text, s.now) }

// serverStream is what mythosd sends a bot that sent three looks, with
// others arriving and leaving in between and during an answer.
func serverStream() string {
	const ga = "\xff\xf9"
	room := "\x1b[1mThe Long Ward\x1b[0m [Sanitarium]\r\nA white hall.\r\nExits: north, south.\r\nAlso here: Botaaab, Botaaac.\r\n"
	return "\r\nBotaaad blinks into being, as if waking from a long dream.\r\n> " + ga +
		room + "> " + ga +
		"\r\nBotaaab fades from the waking world.\r\n> " + ga +
		"The Long Ward\r\nA white hall.\r\n\xff\xfb\xc9Exits: north.\r\nBotaaae blinks into being.\r\n> " + ga +
		"\r\nBotaaae says, \"Exits: none\"\r\n> " + ga +
		room + "> " + ga +
		"\r\nBotaaac fades from the waking world.\r\n> " + ga
}

// TestMatcherSplitAnywhere: whatever the cuts, three answers are found
// and paired with the three sends, oldest first, and nothing else.
func TestMatcherSplitAnywhere(t *testing.T) {
	in := serverStream()
	base := time.Unix(1000, 0)
	at := base.Add(10 * time.Millisecond)
	want := []time.Duration{10 * time.Millisecond, 9 * time.Millisecond, 8 * time.Millisecond}
	check := func(label string, cuts ...int) {
		m := &lookMatcher{timeout: time.Second}
		for i := range 3 {
			m.send(base.Add(time.Duration(i) * time.Millisecond))
		}
		var s scanner
		prev := 0
		for _, c := range append(cuts, len(in)) {
			s.feed([]byte(in[prev:c]), &matchSink{m: m, now: at})
			prev = c
		}
		if !slices.Equal(m.rtts, want) || m.answered != 3 || m.stray != 0 || m.outstanding() != 0 {
			t.Fatalf("%s: rtts %v answered %d stray %d outstanding %d; want %v, 3 answered",
				label, m.rtts, m.answered, m.stray, m.outstanding(), want)
		}
	}
	check("whole")
	for i := 0; i <= len(in); i++ {
		check(fmt.Sprintf("cut at %d", i), i)
	}
	cuts := make([]int, len(in))
	for i := range cuts {
		cuts[i] = i
	}
	check("byte by byte", cuts...)
	for i := 0; i < len(in); i += 37 {
		for j := i; j <= len(in); j++ {
			check(fmt.Sprintf("cut at %d and %d", i, j), i, j)
		}
	}
}

func BenchmarkScanLookAnswer(b *testing.B) {
	names := make([]string, 999)
	for i := range names {
		names[i] = botName("Bot", i)
	}
	answer := []byte("The Long Ward [Sanitarium]\r\nA white hall.\r\nExits: north, south.\r\nAlso here: " +
		strings.Join(names, ", ") + ".\r\n> \xff\xf9")
	m := &lookMatcher{timeout: time.Second}
	sink := &matchSink{m: m, now: time.Unix(1, 0)}
	var s scanner
	b.SetBytes(int64(len(answer)))
	b.ReportAllocs()
	for b.Loop() {
		m.send(time.Unix(0, 0))
		s.feed(answer, sink)
		m.rtts, m.sentAt = m.rtts[:0], m.sentAt[:0]
	}
	if m.answered != b.N {
		b.Fatalf("%d answers in %d looks", m.answered, b.N)
	}
}

func TestIsCommandPrompt(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"> ", true},
		{"<23/23dp 100lcd> ", true},
		{"<-4/23dp 12lcd>", true},
		{"By what name are you known? ", false},
		{"Password: ", false},
		{"Keep them (k) or roll again (r, 3 left)? ", false},
		{"", false},
	} {
		if got := isCommandPrompt([]byte(tt.text)); got != tt.want {
			t.Errorf("isCommandPrompt(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
