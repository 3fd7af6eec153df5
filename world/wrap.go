package world

import (
	"strings"
	"unicode/utf8"
)

// Wrap widths.
const (
	defaultWidth = 80
	minWidth     = 20
)

// wrap breaks text into lines of at most width columns at spaces, keeping
// paragraphs; a word longer than a line stands on its own line.
func wrap(text string, width int) string {
	var b strings.Builder
	for i, para := range strings.Split(text, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		col := 0
		for _, word := range strings.Fields(para) {
			n := utf8.RuneCountInString(word)
			switch {
			case col == 0:
			case col+1+n > width:
				b.WriteByte('\n')
				col = 0
			default:
				b.WriteByte(' ')
				col++
			}
			b.WriteString(word)
			col += n
		}
	}
	return b.String()
}
