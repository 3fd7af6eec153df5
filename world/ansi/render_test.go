package ansi

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestRender(t *testing.T) {
	const (
		red24   = "\x1b[38;2;255;0;0m"
		bgGrey  = "\x1b[48;2;128;128;128m"
		orange  = "\x1b[38;5;208m"
		boldRed = "\x1b[1;31m"
	)
	tests := []struct {
		name, in               string
		none, c16, c256, cTrue string
	}{
		{"plain text", "Arkham at dusk.\n", "Arkham at dusk.\n", "Arkham at dusk.\n", "Arkham at dusk.\n", "Arkham at dusk.\n"},
		{"empty", "", "", "", "", ""},
		{"24-bit red", red24 + "blood" + "\x1b[0m",
			"blood", "\x1b[91mblood\x1b[0m", "\x1b[38;5;196mblood\x1b[0m", red24 + "blood\x1b[0m"},
		{"24-bit background", bgGrey + "x",
			"x", "\x1b[100mx", "\x1b[48;5;244mx", bgGrey + "x"},
		{"dark 24-bit colour", "\x1b[38;2;0;0;95mx", "x", "\x1b[30mx", "\x1b[38;5;17mx", "\x1b[38;2;0;0;95mx"},
		{"256 index", orange + "x", "x", "\x1b[33mx", orange + "x", orange + "x"},
		{"256 index of a basic colour", "\x1b[38;5;4mx", "x", "\x1b[34mx", "\x1b[38;5;4mx", "\x1b[38;5;4mx"},
		{"256 bright basic background", "\x1b[48;5;12mx", "x", "\x1b[104mx", "\x1b[48;5;12mx", "\x1b[48;5;12mx"},
		{"256 grey", "\x1b[38;5;240mx", "x", "\x1b[90mx", "\x1b[38;5;240mx", "\x1b[38;5;240mx"},
		{"basic and bold", boldRed + "x", "x", boldRed + "x", boldRed + "x", boldRed + "x"},
		{"empty SGR is a reset", "\x1b[mx", "x", "\x1b[0mx", "\x1b[0mx", "\x1b[0mx"},
		{"attributes and their resets", "\x1b[3;4;9mi\x1b[23;24;29m", "i", "\x1b[3;4;9mi\x1b[23;24;29m",
			"\x1b[3;4;9mi\x1b[23;24;29m", "\x1b[3;4;9mi\x1b[23;24;29m"},
		{"mixed sequence", "\x1b[1;38;2;0;255;0;48;5;16mx", "x", "\x1b[1;92;40mx",
			"\x1b[1;38;5;46;48;5;16mx", "\x1b[1;38;2;0;255;0;48;5;16mx"},
		{"unknown codes dropped", "\x1b[6;26;31;60mx", "x", "\x1b[31mx", "\x1b[31mx", "\x1b[31mx"},
		{"only unknown codes", "\x1b[60;61mx", "x", "x", "x", "x"},
		{"malformed extended colour ends the sequence", "\x1b[1;38;5mx", "x", "\x1b[1mx", "\x1b[1mx", "\x1b[1mx"},
		{"out of range rgb", "\x1b[38;2;300;0;0;4mx", "x", "x", "x", "x"},
		{"huge number", "\x1b[99999999999999999999mx", "x", "x", "x", "x"},
		{"colon form dropped", "\x1b[38:2:1:2:3mx", "x", "x", "x", "x"},
		{"cursor movement removed", "a\x1b[2Jb\x1b[10;10Hc", "abc", "abc", "abc", "abc"},
		{"private sequence removed", "a\x1b[?25lb", "ab", "ab", "ab", "ab"},
		{"intermediate byte removed", "a\x1b[1 mb", "ab", "ab", "ab", "ab"},
		{"OSC title removed", "a\x1b]0;pwned\ab\x1b]2;x\x1b\\c", "abc", "abc", "abc", "abc"},
		{"unterminated OSC", "a\x1b]0;title", "a", "a", "a", "a"},
		{"two-byte escape removed", "a\x1bcb\x1b(Bc", "abc", "abc", "abc", "abc"},
		{"lone ESC at the end", "abc\x1b", "abc", "abc", "abc", "abc"},
		{"cut CSI at the end", "abc\x1b[31", "abc", "abc", "abc", "abc"},
		{"CSI cut by a line end", "a\x1b[31\nb", "a\nb", "a\nb", "a\nb", "a\nb"},
		{"UTF-8 untouched", "\x1b[32m“Ph’nglui”\x1b[0m…", "“Ph’nglui”…", "\x1b[32m“Ph’nglui”\x1b[0m…",
			"\x1b[32m“Ph’nglui”\x1b[0m…", "\x1b[32m“Ph’nglui”\x1b[0m…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, c := range []struct {
				m    Mode
				want string
			}{{None, tt.none}, {Color16, tt.c16}, {Color256, tt.c256}, {TrueColor, tt.cTrue}} {
				if got := string(Render([]byte("<"), tt.in, c.m)); got != "<"+c.want {
					t.Errorf("Render(%q, %v) = %q, want %q", tt.in, c.m, got, "<"+c.want)
				}
			}
		})
	}
}

func TestStrip(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain", "plain"},
		{"\x1b[1;38;2;1;2;3mbold\x1b[0m and \x1b[4mline\x1b[24m", "bold and line"},
	}
	for _, tt := range tests {
		if got := Strip(tt.in); got != tt.want {
			t.Errorf("Strip(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestModeString(t *testing.T) {
	tests := []struct {
		m    Mode
		want string
	}{{None, "none"}, {Color16, "16"}, {Color256, "256"}, {TrueColor, "truecolor"}, {Mode(9), "none"}}
	for _, tt := range tests {
		if got := tt.m.String(); got != tt.want {
			t.Errorf("Mode(%d).String() = %q, want %q", tt.m, got, tt.want)
		}
	}
}

// FuzzRender checks that rendering never panics, never leaves an escape
// other than SGR, keeps valid UTF-8 valid, and that None leaves no ESC.
func FuzzRender(f *testing.F) {
	for _, seed := range []string{
		"plain", "\x1b[1;38;2;255;128;0;48;5;17mx\x1b[0m", "\x1b[38;5", "\x1b]0;t\a", "\x1b[?1049h",
		"\x1b[;;;m", "\x1b", "é\x1b[31m…", "\x1b[38;2;1;2m",
	} {
		f.Add(seed, uint8(0))
	}
	f.Fuzz(func(t *testing.T, s string, mode uint8) {
		m := Mode(mode % 4)
		out := string(Render(nil, s, m))
		if utf8.ValidString(s) && !utf8.ValidString(out) {
			t.Fatalf("Render(%q, %v) = %q is not valid UTF-8", s, m, out)
		}
		if m == None && strings.IndexByte(out, esc) >= 0 {
			t.Fatalf("Render(%q, None) = %q keeps an escape", s, out)
		}
		checkOnlySGR(t, s, out)
		if again := string(Render(nil, out, m)); again != out {
			t.Fatalf("rendering twice changes %q: %q then %q", s, out, again)
		}
	})
}

// checkOnlySGR fails unless every escape in out is a complete SGR
// sequence of digits and semicolons.
func checkOnlySGR(tb testing.TB, in, out string) {
	tb.Helper()
	for rest := out; ; {
		i := strings.IndexByte(rest, esc)
		if i < 0 {
			return
		}
		rest = rest[i:]
		end := strings.IndexByte(rest, 'm')
		if len(rest) < 3 || rest[1] != '[' || end < 0 || strings.Trim(rest[2:end], "0123456789;") != "" {
			tb.Fatalf("Render of %q left a foreign escape in %q", in, out)
		}
		rest = rest[end+1:]
	}
}

func BenchmarkRender(b *testing.B) {
	line := strings.Repeat("\x1b[1;38;2;200;180;40mThe lantern gutters.\x1b[0m The \x1b[38;5;66mfog\x1b[0m thickens. ", 8)
	for _, m := range []Mode{None, Color16, Color256, TrueColor} {
		b.Run(m.String(), func(b *testing.B) {
			buf := make([]byte, 0, 2*len(line))
			b.SetBytes(int64(len(line)))
			b.ReportAllocs()
			for b.Loop() {
				buf = Render(buf[:0], line, m)
			}
		})
	}
}

func TestC1ControlsAreRemoved(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"caf\u00e9 \u00a9 1926\u00b0", "caf\u00e9 \u00a9 1926\u00b0"},
		{"a\u009b2Jb", "a2Jb"},
		{"\u0080\u009f\u00a0", "\u00a0"},
		{"\u009d0;title\a\x1b[1mbold\x1b[0m", "0;title\abold"},
		// A lead byte that starts no character goes: kept, it would join
		// what follows (the next byte, or the next write) into a C1 control.
		{"cut \xc2", "cut "},
		{"00\xc2\u009e\x94", "00\x94"},
		{"\xc2\xc2\x9b[2J", "[2J"},
		{"\u00bf\xc2A", "\u00bfA"},
	}
	for _, tt := range tests {
		if got := Strip(tt.in); got != tt.want {
			t.Errorf("Strip(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := string(Render(nil, tt.in, TrueColor)); strings.ContainsAny(got, "\u0080\u009b\u009d\u009f") {
			t.Errorf("Render(%q) kept a C1 control: %q", tt.in, got)
		}
	}
}
