package ssh

import (
	"strings"
	"sync/atomic"
	"unicode/utf8"

	"mythosd/world"
	"mythosd/world/ansi"
)

// style is how a connection renders the world's text: its colour mode and
// screen-reader setting. It is safe for concurrent use.
type style struct {
	auto         world.ColorMode // what TERM and COLORTERM allow
	mode         atomic.Int32    // the world.ColorMode set; ColorAuto follows auto
	screenReader atomic.Bool
}

func newStyle(termType, colorTerm string) *style {
	return &style{auto: autoColorMode(termType, colorTerm)}
}

// autoColorMode is the colour a terminal of type termType can show.
func autoColorMode(termType, colorTerm string) world.ColorMode {
	termType, colorTerm = strings.ToLower(termType), strings.ToLower(colorTerm)
	switch {
	case colorTerm == "truecolor" || colorTerm == "24bit":
		return world.ColorTrue
	case termType == "" || termType == "dumb":
		return world.ColorNone
	case strings.Contains(termType, "truecolor") || strings.Contains(termType, "direct"):
		return world.ColorTrue
	case strings.Contains(termType, "256color"):
		return world.Color256
	default:
		return world.Color16
	}
}

func (s *style) setMode(m world.ColorMode) { s.mode.Store(int32(m)) }

func (s *style) setScreenReader(on bool) { s.screenReader.Store(on) }

// current is the mode in force, ColorAuto resolved, and the screen-reader
// setting.
func (s *style) current() (world.ColorMode, bool) {
	m := world.ColorMode(s.mode.Load())
	if m == world.ColorAuto {
		m = s.auto
	}
	return m, s.screenReader.Load()
}

// ansiMode is how Render draws colour now.
func (s *style) ansiMode() ansi.Mode {
	m, reader := s.current()
	if reader {
		return ansi.None
	}
	return m.Render()
}

// render appends text to dst as the terminal should get it: valid UTF-8,
// no control characters but line ends and tabs, colour for the mode in
// force and no other escape sequence. Telnet bytes cannot occur: 0xFF is
// never part of valid UTF-8.
func (s *style) render(dst []byte, text string) []byte {
	return ansi.Render(dst, cleanControls(text), s.ansiMode())
}

// cleanControls makes text valid UTF-8 and removes control characters other
// than newline, tab and ESC (whose sequences ansi.Render sorts out).
func cleanControls(text string) string {
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "\uFFFD")
	}
	if strings.IndexFunc(text, isControl) < 0 {
		return text
	}
	return strings.Map(func(r rune) rune {
		if isControl(r) {
			return -1
		}
		return r
	}, text)
}

// isControl reports whether r is a C0 or C1 control character or DEL that
// must not reach the terminal.
func isControl(r rune) bool {
	switch r {
	case '\n', '\t', '\x1b':
		return false
	}
	return r < 0x20 || (r >= 0x7f && r <= 0x9f)
}
