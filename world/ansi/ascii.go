package ansi

import (
	"unicode/utf8"
)

// multiChar marks, in the tables below, a character whose ASCII form is
// longer than one byte; asciiMulti gives it.
const multiChar = '_'

// latin1Table gives the ASCII form of U+00A0 to U+00FF, one byte each.
const latin1Table = "" +
	" !c_$Y|S\"_a_-__-" + // U+00A0-U+00AF
	"o_23'uP.,1o____?" + // U+00B0-U+00BF
	"AAAAAA_CEEEEIIII" + // U+00C0-U+00CF
	"DNOOOOOxOUUUUY__" + // U+00D0-U+00DF
	"aaaaaa_ceeeeiiii" + // U+00E0-U+00EF
	"dnooooo/ouuuuy_y" // U+00F0-U+00FF

// latinExtATable gives the ASCII form of U+0100 to U+017F, one byte each.
const latinExtATable = "" +
	"AaAaAaCcCcCcCcDd" + "DdEeEeEeEeEeGgGg" +
	"GgGgHhHhIiIiIiIi" + "Ii__JjKkkLlLlLlL" +
	"lLlNnNnNnnNnOoOo" + "Oo__RrRrRrSsSsSs" +
	"SsTtTtTtUuUuUuUu" + "UuUuWwYyYZzZzZzs"

// AppendASCII appends s to dst as ASCII: each character outside ASCII is
// replaced by its nearest ASCII form, or by "?" when it has none; invalid
// UTF-8 bytes become "?". Combining accents and zero-width characters are
// dropped.
func AppendASCII(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			j := i + 1
			for j < len(s) && s[j] < utf8.RuneSelf {
				j++
			}
			dst = append(dst, s[i:j]...)
			i = j
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if r == utf8.RuneError && n == 1 {
			dst = append(dst, '?')
			continue
		}
		dst = append(dst, asciiFor(r)...)
	}
	return dst
}

// IsASCII reports whether s is all ASCII.
func IsASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// asciiFor returns the ASCII form of r, which is not ASCII.
func asciiFor(r rune) string {
	switch {
	case r >= 0xa0 && r <= 0xff:
		return fromTable(latin1Table, r, 0xa0)
	case r >= 0x100 && r <= 0x17f:
		return fromTable(latinExtATable, r, 0x100)
	case r >= 0x300 && r <= 0x36f, r >= 0x200b && r <= 0x200f, r == 0x2060, r == 0xfeff:
		return "" // combining accents, zero-width characters, byte order mark
	case r >= 0x2000 && r <= 0x206f:
		return punctuation(r)
	case r >= 0x2500 && r <= 0x259f:
		return boxDrawing(r)
	case r >= 0xff01 && r <= 0xff5e:
		return string(r - 0xfee0) // fullwidth forms of ASCII
	}
	return symbol(r)
}

// fromTable looks r up in a one-byte-per-rune table starting at base.
func fromTable(table string, r, base rune) string {
	b := table[r-base]
	if b == multiChar {
		return asciiMulti(r)
	}
	return table[r-base : r-base+1]
}

// asciiMulti gives the characters whose ASCII form has several bytes, or
// none.
func asciiMulti(r rune) string {
	switch r {
	case '£':
		return "GBP"
	case '©':
		return "(C)"
	case '«':
		return "<<"
	case '\u00ad': // soft hyphen
		return ""
	case '®':
		return "(R)"
	case '±':
		return "+/-"
	case '»':
		return ">>"
	case '¼':
		return "1/4"
	case '½':
		return "1/2"
	case '¾':
		return "3/4"
	case 'Æ':
		return "AE"
	case 'Þ':
		return "Th"
	case 'ß':
		return "ss"
	case 'æ':
		return "ae"
	case 'þ':
		return "th"
	case 'Ĳ':
		return "IJ"
	case 'ĳ':
		return "ij"
	case 'Œ':
		return "OE"
	case 'œ':
		return "oe"
	}
	return "?"
}

// punctuation transliterates the General Punctuation block.
func punctuation(r rune) string {
	switch {
	case r <= 0x200a: // the typographic spaces
		return " "
	case r <= 0x2013, r == 0x2043: // hyphens, figure and en dashes
		return "-"
	case r == 0x2014 || r == 0x2015: // em dash, horizontal bar
		return "--"
	case r >= 0x2018 && r <= 0x201b, r == 0x2032, r == 0x2035:
		return "'"
	case r >= 0x201c && r <= 0x201f, r == 0x2033, r == 0x2036:
		return "\""
	case r == 0x2022 || r == 0x2023:
		return "*"
	case r == 0x2024:
		return "."
	case r == 0x2025:
		return ".."
	case r == 0x2026:
		return "..."
	case r == 0x2027:
		return "-"
	case r == 0x2039:
		return "<"
	case r == 0x203a:
		return ">"
	case r == 0x2044:
		return "/"
	case r >= 0x2028 && r <= 0x202f, r == 0x205f:
		return " "
	}
	return "?"
}

// boxDrawing transliterates box-drawing and block characters: lines to
// "-" and "|", corners and crossings to "+", blocks to "#".
func boxDrawing(r rune) string {
	switch r {
	case 0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509, 0x254c, 0x254d, 0x2550:
		return "-"
	case 0x2502, 0x2503, 0x2506, 0x2507, 0x250a, 0x250b, 0x254e, 0x254f, 0x2551:
		return "|"
	}
	if r >= 0x2580 {
		return "#"
	}
	return "+"
}

// symbol transliterates a few common symbols outside the blocks above.
func symbol(r rune) string {
	switch r {
	case '€':
		return "EUR"
	case '™':
		return "(TM)"
	case '←':
		return "<-"
	case '→':
		return "->"
	case '↑':
		return "^"
	case '↓':
		return "v"
	case '↔':
		return "<->"
	case '×', '✕', '✗', '✘':
		return "x"
	case '✓', '✔':
		return "v"
	case '−':
		return "-"
	case '≤':
		return "<="
	case '≥':
		return ">="
	case '≠':
		return "!="
	case '·', '∙':
		return "."
	}
	return "?"
}
