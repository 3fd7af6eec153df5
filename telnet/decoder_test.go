package telnet

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// decoderRecorder records Decoder events as readable strings, text merged
// into one event per run so that any split gives the same events.
type decoderRecorder struct {
	events []string
	text   strings.Builder
}

func (r *decoderRecorder) flush() {
	if r.text.Len() > 0 {
		r.events = append(r.events, fmt.Sprintf("text %q", r.text.String()))
		r.text.Reset()
	}
}

func (r *decoderRecorder) Text(p []byte) { r.text.Write(p) }

func (r *decoderRecorder) Command(verb, option byte) {
	r.flush()
	r.events = append(r.events, fmt.Sprintf("%s %d", verbName(verb), option))
}

func (r *decoderRecorder) Subnegotiation(option byte, data []byte) {
	r.flush()
	r.events = append(r.events, fmt.Sprintf("sb %d %q", option, data))
}

func (r *decoderRecorder) Mark(cmd byte) {
	r.flush()
	r.events = append(r.events, fmt.Sprintf("mark %d", cmd))
}

// decodeChunks feeds chunks to a fresh Decoder and returns the events.
func decodeChunks(chunks ...[]byte) []string {
	var r decoderRecorder
	d := NewDecoder(&r)
	for _, c := range chunks {
		d.Feed(c)
	}
	r.flush()
	return r.events
}

func TestDecoder(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  []string
	}{
		{"text with line ends", "Welcome.\r\nname? ", []string{`text "Welcome.\r\nname? "`}},
		{"colour and controls kept", "\x1b[31mred\x1b[0m\x00\a\b\x7f\n", []string{`text "\x1b[31mred\x1b[0m\x00\a\b\x7f\n"`}},
		{"escaped IAC", "a\xff\xffb", []string{`text "a\xffb"`}},
		{"negotiations", offers, []string{"DO 24", "DO 31", "WILL 42", "WILL 25", "WILL 201", "WILL 86"}},
		{"prompt marks", "hp> \xff\xf9x> \xff\xef", []string{`text "hp> "`, "mark 249", `text "x> "`, "mark 239"}},
		{"subnegotiation", "\xff\xfa\xc9Room.Info {\"a\":\xff\xff}\xff\xf0ok", []string{`sb 201 "Room.Info {\"a\":\xff}"`, `text "ok"`}},
		{"unterminated subnegotiation then a mark", "\xff\xfa\x18ab\xff\xf9c", []string{"mark 249", `text "c"`}},
		{"unterminated subnegotiation then a verb", "\xff\xfa\x18ab\xff\xfb\x01", []string{"WILL 1"}},
		{"other commands dropped", "a\xff\xf1b\xff\xf7c\xff\xf0d", []string{`text "abcd"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := []byte(tt.input)
			if got := decodeChunks(in); !slices.Equal(got, tt.want) {
				t.Fatalf("whole: got %q, want %q", got, tt.want)
			}
			for i := range in {
				if got := decodeChunks(in[:i], in[i:]); !slices.Equal(got, tt.want) {
					t.Fatalf("split at %d: got %q, want %q", i, got, tt.want)
				}
			}
		})
	}
}

func TestDecoderDropsOverlongSubnegotiation(t *testing.T) {
	in := "\xff\xfa\xc9" + strings.Repeat("x", MaxSubnegotiationBytes+1) + "\xff\xf0after"
	if got, want := decodeChunks([]byte(in)), []string{`text "after"`}; !slices.Equal(got, want) {
		t.Fatalf("got %q, want %q", got, want)
	}
}

// BenchmarkDecoder decodes what a server sends for a room: text with
// colour, a GMCP message and a prompt with EOR.
func BenchmarkDecoder(b *testing.B) {
	room := []byte(strings.Repeat("\x1b[36mThe Miskatonic\x1b[0m lies grey under fog.\r\n", 8) +
		"\xff\xfa\xc9Room.Info {\"num\":1}\xff\xf0<23/23dp 100lcd> \xff\xef")
	var r nopDecoderHandler
	d := NewDecoder(r)
	b.SetBytes(int64(len(room)))
	b.ReportAllocs()
	for b.Loop() {
		d.Feed(room)
	}
}

// nopDecoderHandler ignores every event.
type nopDecoderHandler struct{}

func (nopDecoderHandler) Text([]byte)                 {}
func (nopDecoderHandler) Command(byte, byte)          {}
func (nopDecoderHandler) Subnegotiation(byte, []byte) {}
func (nopDecoderHandler) Mark(byte)                   {}
