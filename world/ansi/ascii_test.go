package ansi

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestAppendASCII(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"ASCII untouched", "look north\r\n\x1b[1mX\x1b[0m\t~", "look north\r\n\x1b[1mX\x1b[0m\t~"},
		{"curly quotes", "“Ph’nglui” ‘mglw’nafh’ „x‟ ‚y‛", "\"Ph'nglui\" 'mglw'nafh' \"x\" 'y'"},
		{"accents", "Café Déjà vu, naïve Zoë, Ångström, Ñandú", "Cafe Deja vu, naive Zoe, Angstrom, Nandu"},
		{"ligatures and sharp s", "Æther Œuvre straße þorn Ĳssel", "AEther OEuvre strasse thorn IJssel"},
		{"Latin Extended-A", "Łódź Dvořák Şişli Ğ ſ ŉ", "Lodz Dvorak Sisli G s n"},
		{"dashes and ellipsis", "wait — no – maybe… ‐ ―", "wait -- no - maybe... - --"},
		{"spaces", "a\u00a0b\u2003c\u202fd", "a b c d"},
		{"zero-width and combining", "e\u0301\u200bx\ufeffy", "exy"},
		{"soft hyphen", "Miska\u00adtonic", "Miskatonic"},
		{"symbols", "© ® ™ ± ½ × ÷ € £ ° « » → ✓", "(C) (R) (TM) +/- 1/2 x / EUR GBP o << >> -> v"},
		{"box drawing", "┌─┐│╔═╗║█", "+-+|+-+|#"},
		{"fullwidth", "ＡＢＣ！", "ABC!"},
		{"unknown scripts", "Ктулху 克苏鲁 🐙", "?????? ??? ?"},
		{"invalid UTF-8", "caf\xe9 \xff\xfe ok", "caf? ?? ok"},
		{"cut UTF-8 sequence", "a\xe2\x80", "a??"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(AppendASCII([]byte("<"), tt.in))
			if got != "<"+tt.want {
				t.Fatalf("AppendASCII(%q) = %q, want %q", tt.in, got, "<"+tt.want)
			}
		})
	}
}

func TestTables(t *testing.T) {
	if len(latin1Table) != 0x100-0xa0 {
		t.Errorf("latin1Table has %d entries", len(latin1Table))
	}
	if len(latinExtATable) != 0x180-0x100 {
		t.Errorf("latinExtATable has %d entries", len(latinExtATable))
	}
	for r := rune(0xa0); r < 0x180; r++ {
		got := asciiFor(r)
		if !IsASCII(got) || strings.ContainsAny(got, "\x00_") {
			t.Errorf("asciiFor(%U %q) = %q", r, r, got)
		}
	}
}

func TestIsASCII(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{{"", true}, {"abc\x1b[0m\x7f", true}, {"é", false}, {"\xff", false}}
	for _, tt := range tests {
		if got := IsASCII(tt.in); got != tt.want {
			t.Errorf("IsASCII(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// FuzzAppendASCII checks that the result is always ASCII and that ASCII
// input comes back unchanged.
func FuzzAppendASCII(f *testing.F) {
	for _, seed := range []string{"plain", "“é—…”", "\xff\xe2\x80", "Ｘ🐙\u0301"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := string(AppendASCII(nil, s))
		if !IsASCII(out) {
			t.Fatalf("AppendASCII(%q) = %q is not ASCII", s, out)
		}
		if IsASCII(s) && out != s {
			t.Fatalf("AppendASCII changed ASCII %q to %q", s, out)
		}
		if n := utf8.RuneCountInString(s); len(out) > 4*n {
			t.Fatalf("AppendASCII(%q) grew to %d bytes", s, len(out))
		}
	})
}

func BenchmarkAppendASCII(b *testing.B) {
	line := strings.Repeat("“The Necronomicon,” whispered Armitage — “the Café du Néant…” ", 8)
	buf := make([]byte, 0, len(line))
	b.SetBytes(int64(len(line)))
	b.ReportAllocs()
	for b.Loop() {
		buf = AppendASCII(buf[:0], line)
	}
}
