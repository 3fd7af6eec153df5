package telnet

import (
	"strings"
	"testing"
)

// wantClient returns a check of what TTYPE recorded.
func wantClient(name, terminal string, mtts int, hasMTTS bool) func(testing.TB, *negotiator) {
	return func(tb testing.TB, n *negotiator) {
		tb.Helper()
		c := n.Client()
		if c.Name != name || c.Terminal != terminal || c.MTTS != mtts || c.HasMTTS != hasMTTS {
			tb.Fatalf("client %q %q MTTS %d (%v), want %q %q %d (%v)",
				c.Name, c.Terminal, c.MTTS, c.HasMTTS, name, terminal, mtts, hasMTTS)
		}
	}
}

// is is a TTYPE answer.
func is(name string) string { return "\xff\xfa\x18\x00" + name + "\xff\xf0" }

func TestTTYPE(t *testing.T) {
	const (
		doTTYPE   = "\xff\xfd\x18"
		willTTYPE = "\xff\xfb\x18"
		send      = "\xff\xfa\x18\x01\xff\xf0"
	)
	runOptionCases(t, only(func() Option { return &ttypeOption{} }), []optionCase{
		{"asks at the start", "", doTTYPE, wantClient("", "", 0, false)},
		{"agreement asks for the first answer", willTTYPE, doTTYPE + send, wantClient("", "", 0, false)},
		{"MTTS client", willTTYPE + is("TINTIN++") + is("XTERM-256COLOR") + is("MTTS 271") + is("MTTS 271"),
			doTTYPE + strings.Repeat(send, 4), wantClient("TINTIN++", "XTERM-256COLOR", 271, true)},
		{"one name repeated", willTTYPE + is("xterm") + is("xterm"),
			doTTYPE + strings.Repeat(send, 2), wantClient("xterm", "", 0, false)},
		{"cycles back to the first", willTTYPE + is("ZMUD") + is("ANSI") + is("ZMUD"),
			doTTYPE + strings.Repeat(send, 3), wantClient("ZMUD", "ANSI", 0, false)},
		{"never repeats: asked at most four times", willTTYPE + is("A") + is("B") + is("C") + is("D") + is("E"),
			doTTYPE + strings.Repeat(send, 4), wantClient("A", "B", 0, false)},
		{"unasked answer ignored", is("EVIL"), doTTYPE, wantClient("", "", 0, false)},
		{"answers beyond the questions ignored", willTTYPE + is("A") + is("A") + is("B"),
			doTTYPE + strings.Repeat(send, 2), wantClient("A", "", 0, false)},
		{"SEND from the client ignored", willTTYPE + "\xff\xfa\x18\x01\xff\xf0", doTTYPE + send, wantClient("", "", 0, false)},
		{"bad MTTS is a terminal name", willTTYPE + is("X") + is("MTTS lots") + is("MTTS lots"),
			doTTYPE + strings.Repeat(send, 3), wantClient("X", "MTTS lots", 0, false)},
		{"control bytes removed, long names cut", willTTYPE + is("\x1b[31mBAD\x00") + is(strings.Repeat("n", 100)),
			doTTYPE + strings.Repeat(send, 3), wantClient("[31mBAD", strings.Repeat("n", maxClientText), 0, false)},
		{"refused", "\xff\xfc\x18", doTTYPE, wantClient("", "", 0, false)},
	})
}

func TestClientColors(t *testing.T) {
	tests := []struct {
		name   string
		client Client
		want   string
		reader bool
		ascii  bool
	}{
		{"unknown", Client{}, "none", false, false},
		{"MTTS truecolour", Client{Name: "TINTIN++", MTTS: 271, HasMTTS: true}, "truecolor", false, false},
		{"MTTS 256", Client{MTTS: 1 | 4 | 8, HasMTTS: true}, "256", false, false},
		{"MTTS ANSI without UTF-8", Client{MTTS: 1, HasMTTS: true}, "16", false, true},
		{"MTTS no colour", Client{Name: "XTERM-256COLOR", MTTS: 4, HasMTTS: true}, "none", false, false},
		{"MTTS screen reader keeps colours", Client{MTTS: 64 | 256 | 4, HasMTTS: true}, "truecolor", true, false},
		{"UTF-8 agreed over MTTS", Client{MTTS: 1, HasMTTS: true, Charset: CharsetUTF8}, "16", false, false},
		{"UTF-8 refused", Client{Charset: CharsetASCII}, "none", false, true},
		{"xterm", Client{Name: "xterm"}, "16", false, false},
		{"256 terminal", Client{Name: "PUTTY", Terminal: "XTERM-256COLOR"}, "256", false, false},
		{"truecolour terminal", Client{Name: "xterm-direct"}, "truecolor", false, false},
		{"Mudlet without MTTS", Client{Name: "MUDLET"}, "truecolor", false, false},
		{"dumb", Client{Name: "DUMB"}, "none", false, false},
		{"vt100", Client{Name: "VT100"}, "none", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.client.colorMode().String(); got != tt.want {
				t.Errorf("colorMode = %s, want %s", got, tt.want)
			}
			if got := tt.client.screenReader(); got != tt.reader {
				t.Errorf("screenReader = %v, want %v", got, tt.reader)
			}
			if got := tt.client.ascii(); got != tt.ascii {
				t.Errorf("ascii = %v, want %v", got, tt.ascii)
			}
		})
	}
}
