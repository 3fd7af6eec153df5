package ansi

import (
	"strconv"
	"strings"
)

// esc starts every escape sequence.
const esc = '\x1b'

// maxParams bounds the parameters of one SGR sequence; the rest are ignored.
const maxParams = 32

// Render appends s to dst with its SGR sequences rendered for mode m and
// every other escape sequence removed, and the C1 controls (U+0080 to
// U+009F, which terminals obey as escape sequences) too. Text without
// escapes is appended as it is.
func Render(dst []byte, s string, m Mode) []byte {
	s = StripC1(s)
	for {
		i := strings.IndexByte(s, esc)
		if i < 0 {
			return append(dst, s...)
		}
		dst = append(dst, s[:i]...)
		var n int
		dst, n = renderEscape(dst, s[i:], m)
		s = s[i+n:]
	}
}

// c1Lead is the first byte of every C1 control in UTF-8.
const c1Lead = 0xc2

// StripC1 returns s without its C1 controls (U+0080 to U+009F); s itself
// when it has none. A lead byte 0xC2 that starts no character (invalid
// UTF-8) goes too: kept, it could join the byte after a removed control
// into a new C1 control ("\xc2" "\xc2\x9e" "\x94" would become U+0094).
func StripC1(s string) string {
	i := 0
	for {
		next := strings.IndexByte(s[i:], c1Lead)
		if next < 0 {
			return s
		}
		i += next
		if c1Width(s, i) != 0 {
			break
		}
		i += 2 // a character U+00A0..U+00BF
	}
	b := make([]byte, 0, len(s))
	b = append(b, s[:i]...)
	for i < len(s) {
		if s[i] != c1Lead {
			b = append(b, s[i])
			i++
			continue
		}
		if n := c1Width(s, i); n != 0 {
			i += n
			continue
		}
		b = append(b, s[i], s[i+1])
		i += 2
	}
	return string(b)
}

// c1Width tells, for the 0xC2 at s[i], how many bytes to drop there: 2 for
// a C1 control, 1 for a lead byte that starts no character, 0 for a
// character U+00A0..U+00BF (kept).
func c1Width(s string, i int) int {
	switch {
	case i+1 >= len(s) || s[i+1] < 0x80 || s[i+1] > 0xbf:
		return 1
	case s[i+1] <= 0x9f:
		return 2
	}
	return 0
}

// Strip returns s without colour, attributes, other escape sequences or
// C1 controls.
func Strip(s string) string {
	if strings.IndexByte(s, esc) < 0 {
		return StripC1(s)
	}
	return string(Render(nil, s, None))
}

// renderEscape renders the escape sequence at the start of s (s[0] is ESC)
// and returns how many bytes of s it used.
func renderEscape(dst []byte, s string, m Mode) ([]byte, int) {
	if len(s) < 2 {
		return dst, len(s)
	}
	switch s[1] {
	case '[':
		n, params, final := scanCSI(s)
		if final == 'm' {
			dst = renderSGR(dst, params, m)
		}
		return dst, n
	case ']':
		return dst, scanOSC(s)
	default:
		return dst, scanEscape(s)
	}
}

// scanEscape returns the length of any other escape sequence: ESC, any
// intermediate bytes (0x20-0x2f), then one final byte.
func scanEscape(s string) int {
	i := 1
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
		i++
	}
	if i < len(s) && s[i] >= 0x30 && s[i] <= 0x7e {
		i++
	}
	return i
}

// scanCSI reads a control sequence ESC [ params intermediates final and
// returns its length, its parameter bytes and its final byte (0 when the
// sequence is cut short by the end of s or by a byte that cannot be in it).
func scanCSI(s string) (n int, params string, final byte) {
	i := 2
	for i < len(s) && s[i] >= 0x30 && s[i] <= 0x3f {
		i++
	}
	params = s[2:i]
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
		i++
	}
	if i < len(s) && s[i] >= 0x40 && s[i] <= 0x7e {
		if i > 2+len(params) {
			return i + 1, params, 0 // intermediates: not SGR
		}
		return i + 1, params, s[i]
	}
	return i, params, 0
}

// scanOSC returns the length of an operating system command, ESC ] ...,
// ended by BEL or ESC \ (or by the end of s).
func scanOSC(s string) int {
	for i := 2; i < len(s); i++ {
		switch {
		case s[i] == '\a':
			return i + 1
		case s[i] == esc && i+1 < len(s) && s[i+1] == '\\':
			return i + 2
		}
	}
	return len(s)
}

// renderSGR appends the sequence that does what params does, within mode
// m; it appends nothing when nothing is left, and for None.
func renderSGR(dst []byte, params string, m Mode) []byte {
	if m == None || strings.IndexByte(params, ':') >= 0 || strings.ContainsAny(params, "<=>?") {
		return dst
	}
	var buf [maxParams]int
	codes := parseParams(buf[:0], params)
	start := len(dst)
	dst = append(dst, esc, '[')
	empty := len(dst)
	for len(codes) > 0 {
		var n int
		dst, n = renderCode(dst, codes, m)
		if n == 0 {
			break // a malformed colour: the rest of the sequence is lost
		}
		codes = codes[n:]
	}
	if len(dst) == empty {
		return dst[:start]
	}
	dst[len(dst)-1] = 'm' // replaces the last separator
	return dst
}

// parseParams splits "1;38;5;208" into numbers; an empty field is 0, and a
// number too large to be meaningful is clamped.
func parseParams(dst []int, params string) []int {
	for len(dst) < cap(dst) {
		field, rest, more := strings.Cut(params, ";")
		v := 0
		for i := 0; i < len(field); i++ {
			v = min(v*10+int(field[i]-'0'), 1<<16)
		}
		dst = append(dst, v)
		if !more {
			break
		}
		params = rest
	}
	return dst
}

// renderCode renders the first code of codes (with its arguments) followed
// by ';', and returns how many codes it used; 0 means codes[0] starts a
// malformed colour.
func renderCode(dst []byte, codes []int, m Mode) ([]byte, int) {
	switch c := codes[0]; {
	case c == 38 || c == 48:
		return renderExtended(dst, codes, m)
	case isKnownCode(c):
		return appendCode(dst, c), 1
	default:
		return dst, 1 // unknown: dropped
	}
}

// isKnownCode reports whether c is a plain attribute or basic colour that
// every mode with colour passes on as it is.
func isKnownCode(c int) bool {
	switch {
	case c <= 9 && c != 6: // reset, bold, dim, italic, underline, blink, reverse, hidden, strike
		return true
	case c >= 21 && c <= 29 && c != 26: // their resets
		return true
	case c >= 30 && c <= 37, c == 39, c >= 40 && c <= 47, c == 49:
		return true
	case c >= 90 && c <= 97, c >= 100 && c <= 107:
		return true
	}
	return false
}

// renderExtended renders 38/48;5;n or 38/48;2;r;g;b for mode m.
func renderExtended(dst []byte, codes []int, m Mode) ([]byte, int) {
	bg := codes[0] == 48
	switch {
	case len(codes) >= 3 && codes[1] == 5 && codes[2] <= 255:
		return renderIndexed(dst, bg, codes[2], m), 3
	case len(codes) >= 5 && codes[1] == 2 && codes[2] <= 255 && codes[3] <= 255 && codes[4] <= 255:
		c := rgb{uint8(codes[2]), uint8(codes[3]), uint8(codes[4])}
		return renderRGB(dst, bg, c, m), 5
	}
	return dst, 0
}

// renderIndexed renders palette entry n.
func renderIndexed(dst []byte, bg bool, n int, m Mode) []byte {
	if m == Color16 {
		k := n
		if n >= 16 {
			k = nearest16(index256RGB(n))
		}
		return appendCode(dst, code16(bg, k))
	}
	return appendCode(appendCode(appendCode(dst, extendedCode(bg)), 5), n)
}

// renderRGB renders a 24-bit colour.
func renderRGB(dst []byte, bg bool, c rgb, m Mode) []byte {
	switch m {
	case Color16:
		return appendCode(dst, code16(bg, nearest16(c)))
	case Color256:
		return renderIndexed(dst, bg, nearest256(c), m)
	}
	dst = appendCode(appendCode(dst, extendedCode(bg)), 2)
	return appendCode(appendCode(appendCode(dst, int(c.r)), int(c.g)), int(c.b))
}

// code16 is the SGR code of ANSI colour k (0-15) as fore- or background.
func code16(bg bool, k int) int {
	base := 30
	if k >= 8 {
		base, k = 90, k-8
	}
	if bg {
		base += 10
	}
	return base + k
}

// extendedCode is 48 for a background, 38 for a foreground.
func extendedCode(bg bool) int {
	if bg {
		return 48
	}
	return 38
}

// appendCode appends c and a separator.
func appendCode(dst []byte, c int) []byte {
	return append(strconv.AppendInt(dst, int64(c), 10), ';')
}
