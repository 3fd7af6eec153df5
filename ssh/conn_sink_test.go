package ssh

import (
	"io"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCleanInput(t *testing.T) {
	tests := []struct {
		name, in, want, tail string
	}{
		{"ascii", "look\r", "look\r", ""},
		{"utf-8", "café ☕\r", "café ☕\r", ""},
		{"invalid bytes dropped", "a\xffb\xfe\xc0c", "abc", ""},
		{"lone continuation bytes", "a\x80\xbfb", "ab", ""},
		{"cut short at the end", "caf\xc3", "caf", "\xc3"},
		{"cut short inside a 4-byte character", "x\xf0\x9f\x98", "x", "\xf0\x9f\x98"},
		{"broken sequence then text", "\xc3A", "A", ""},
		{"surrogate encoding", "a\xed\xa0\x80b", "ab", ""},
		{"empty", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := []byte(tt.in)
			n, tail := cleanInput(b)
			if got := string(b[:n]); got != tt.want {
				t.Errorf("clean = %q, want %q", got, tt.want)
			}
			if got := string(b[n : n+tail]); got != tt.tail {
				t.Errorf("tail = %q, want %q", got, tt.tail)
			}
		})
	}
}

// chunkReader returns one chunk per Read.
type chunkReader struct{ chunks []string }

func (r *chunkReader) Read(p []byte) (int, error) {
	if len(r.chunks) == 0 {
		return 0, io.EOF
	}
	n := copy(p, r.chunks[0])
	r.chunks = r.chunks[1:]
	return n, nil
}

func TestSinkReadJoinsSplitCharacters(t *testing.T) {
	tests := []struct {
		name   string
		chunks []string
		want   string
	}{
		{"two-byte split", []string{"caf\xc3", "\xa9!"}, "café!"},
		{"four-byte split thrice", []string{"\xf0", "\x9f", "\x98", "\x80."}, "😀."},
		{"only junk then text", []string{"\xff\xfe", "ok"}, "ok"},
		{"cut short before junk", []string{"\xc3", "\xffA"}, "A"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTermSink(&chunkReader{chunks: tt.chunks}, func() {}, func() {})
			var got strings.Builder
			buf := make([]byte, 256)
			for {
				n, err := s.Read(buf)
				got.Write(buf[:n])
				if err != nil {
					break
				}
			}
			if got.String() != tt.want {
				t.Errorf("read %q, want %q", got.String(), tt.want)
			}
		})
	}
	if _, err := newTermSink(&chunkReader{}, func() {}, func() {}).Read(make([]byte, 3)); err != errInputJam {
		t.Errorf("a read with no room = %v, want errInputJam", err)
	}
}

func TestSinkWriteOverflow(t *testing.T) {
	overflowed := 0
	s := newTermSink(nil, func() { overflowed++ }, func() {})
	chunk := make([]byte, maxPending/4)
	for range 4 {
		s.Write(chunk)
	}
	if overflowed != 0 || s.pending() != maxPending {
		t.Fatalf("overflow at the limit: %d calls, %d pending", overflowed, s.pending())
	}
	s.Write([]byte("x"))
	if overflowed != 1 || s.pending() != maxPending {
		t.Fatalf("past the limit: %d overflow calls, %d pending", overflowed, s.pending())
	}
	if out, over := s.take(nil); len(out) != maxPending || !over {
		t.Fatalf("take = %d bytes, over %v", len(out), over)
	}
}

// FuzzCleanInput checks that whatever a client sends, the Terminal gets
// valid UTF-8, and only a character cut short is held back.
func FuzzCleanInput(f *testing.F) {
	for _, s := range []string{"look\r", "caf\xc3", "\xff\xfe", "\xf0\x9f\x98\x80", "\x1b[A\xc3\xa9"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		b := append([]byte(nil), in...)
		n, tail := cleanInput(b)
		if n+tail > len(in) {
			t.Fatalf("clean %d + tail %d bytes out of %d", n, tail, len(in))
		}
		if !utf8.Valid(b[:n]) {
			t.Fatalf("clean part %q is not valid UTF-8", b[:n])
		}
		if tail > 0 && (tail >= utf8.UTFMax || utf8.FullRune(b[n:n+tail])) {
			t.Fatalf("held back %q, which is no character cut short", b[n:n+tail])
		}
		if utf8.Valid(in) && (string(b[:n]) != string(in) || tail != 0) {
			t.Fatalf("valid input %q changed to %q", in, b[:n])
		}
	})
}
